import '../national-sync.css';
import '../../publication/publication.css';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { PortalSyncUnitRow } from '../api/national-sync-api.js';
import { syncBars, syncChartSummary, syncRate, syncTotals, totalsText } from '../sync-view.js';
import { NOT_SYNCED_COLOR, SYNCED_COLOR, SyncRateChart } from './SyncRateChart.js';

const count = (value: number) => <span className="ns-count">{formatNumber(value)}</span>;

const COLUMNS: readonly Column<PortalSyncUnitRow>[] = [
  { header: 'Đơn vị', cell: (u) => <span className="break-anywhere">{u.unitName}</span> },
  { header: 'Tiếp nhận', cell: (u) => count(u.received) },
  { header: 'Đã đồng bộ', cell: (u) => count(u.synced) },
  { header: 'Tỷ lệ', cell: (u) => <span className="ns-count">{formatPercent(syncRate(u), 1)}</span> },
  { header: 'Chờ gửi', cell: (u) => count(u.pending) },
  { header: 'Bị từ chối', cell: (u) => count(u.failed) },
  { header: 'Lỗi gần nhất', cell: (u) => <span className="break-anywhere">{u.lastError ?? '—'}</span> },
];

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 2, background: color }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/**
 * Per unit of the reader's scope, the dossiers received in the period, those the portal acknowledged with their
 * reception date (indicator 1.4) and the rate, those waiting and those refused, with the last error; and as bars.
 */
export function SyncUnitsSection({ units, periodText }: { units: readonly PortalSyncUnitRow[]; periodText: string }) {
  const bars = useMemo(() => syncBars(units), [units]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="dong-bo-theo-don-vi">
      <Title order={2} size="h3" id="dong-bo-theo-don-vi">
        Đồng bộ theo đơn vị: {periodText}
      </Title>
      {units.length === 0 ? (
        <Text size="sm" data-testid="sync-units-empty">
          Không có hồ sơ nào được tiếp nhận trong kỳ.
        </Text>
      ) : (
        <>
          <ResponsiveTable
            caption="Hồ sơ tiếp nhận trong kỳ và đã đồng bộ lên Cổng Dịch vụ công quốc gia, theo đơn vị"
            captionId="bang-dong-bo-don-vi"
            rows={units}
            rowKey={(u) => u.unitCode}
            columns={COLUMNS}
            minWidth={900}
          />
          {units.length > 1 ? (
            <Text size="sm" data-testid="sync-totals">
              {totalsText(syncTotals(units))}
            </Text>
          ) : null}
          <figure aria-labelledby="bieu-do-dong-bo" style={{ margin: 0 }}>
            <Text size="sm" fw={600} id="bieu-do-dong-bo" component="figcaption">
              Hồ sơ đã đồng bộ trên số hồ sơ tiếp nhận
            </Text>
            <Group gap="lg" mt={4}>
              <Swatch color={SYNCED_COLOR} label="Đã đồng bộ" />
              <Swatch color={NOT_SYNCED_COLOR} label="Chưa đồng bộ" />
            </Group>
            <SyncRateChart bars={bars} label={syncChartSummary(units)} />
          </figure>
        </>
      )}
    </Stack>
  );
}
