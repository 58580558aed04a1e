import { Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatNumber } from '../../../shared/format.js';
import type { RankingRow } from '../api/scorecard-api.js';
import { paletteGradient } from '../score-colours.js';
import { unitTiles, type UnitTile } from '../scorecard-view.js';
import { EChart, type ChartOption } from './EChart.js';

interface UnitTreemapProps {
  rows: readonly RankingRow[];
  onOpenUnit: (unitCode: string) => void;
}

function isTile(data: unknown): data is { unitCode: string } {
  return typeof data === 'object' && data !== null && typeof (data as { unitCode?: unknown }).unitCode === 'string';
}

function treemapOption(tiles: readonly UnitTile[]): ChartOption {
  return {
    tooltip: {
      formatter: (params) => {
        const tile = (params as { data?: UnitTile }).data;
        return tile ? `${tile.name}<br/>Tổng điểm: ${formatNumber(tile.total)}<br/>Số hồ sơ: ${formatNumber(tile.value)}` : '';
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        right: 0,
        bottom: 0,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 },
        label: { show: true, overflow: 'truncate', fontSize: 12, lineHeight: 16, formatter: (p) => `${p.name}\n${formatNumber((p.data as UnitTile).total)}` },
        data: tiles.map((t) => ({ ...t, itemStyle: { color: t.fill }, label: { color: t.labelColour } })),
      },
    ],
  };
}

/**
 * The subunits as a map-like treemap: a tile per unit with dossiers, its area the sample, its colour the total
 * among them; a click opens that unit's dashboard. The ranking table below gives the same figures as text.
 */
export function UnitTreemap({ rows, onOpenUnit }: UnitTreemapProps) {
  const { tiles, min, max, withoutDossiers } = useMemo(() => unitTiles(rows), [rows]);
  const option = useMemo(() => treemapOption(tiles), [tiles]);
  if (tiles.length === 0) return <Text size="sm">Không có đơn vị trực thuộc nào có hồ sơ trong kỳ.</Text>;
  const best = tiles.reduce((a, b) => (b.total > a.total ? b : a));
  const worst = tiles.reduce((a, b) => (b.total < a.total ? b : a));
  const summary = `Bản đồ điểm của ${tiles.length} đơn vị trực thuộc có hồ sơ trong kỳ: diện tích theo số hồ sơ, màu theo tổng điểm. Cao nhất ${best.name} (${formatNumber(best.total)} điểm), thấp nhất ${worst.name} (${formatNumber(worst.total)} điểm). Số liệu đầy đủ ở bảng xếp hạng.`;

  return (
    <figure className="scorecard-figure">
      <EChart option={option} label={summary} height={360} onItemClick={(data) => isTile(data) && onOpenUnit(data.unitCode)} testId="ban-do-diem" />
      <figcaption>
        <Stack gap={4} mt="xs">
          <Group gap="xs" wrap="nowrap" align="center">
            <Text size="xs" style={{ flex: 'none' }}>
              Thấp: {formatNumber(min)}
            </Text>
            <div className="scorecard-legend" style={{ background: paletteGradient() }} aria-hidden="true" />
            <Text size="xs" style={{ flex: 'none' }}>
              Cao: {formatNumber(max)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            Mỗi ô là một đơn vị trực thuộc: diện tích theo số hồ sơ (mẫu của chỉ số 2.1), màu theo tổng điểm so với các đơn vị cùng cấp. Bấm vào một ô (hoặc tên
            đơn vị trong bảng xếp hạng) để xem chỉ số của đơn vị đó.
            {withoutDossiers > 0 ? ` ${formatNumber(withoutDossiers)} đơn vị không có hồ sơ trong kỳ không được vẽ.` : ''}
          </Text>
        </Stack>
      </figcaption>
    </figure>
  );
}
