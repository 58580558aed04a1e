import { Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { ParResults } from '../api/par-api.js';
import { radarSummary } from '../par-view.js';
import { RADAR_COLOURS, RadarChart } from './RadarChart.js';

interface UnitRadarProps {
  results: ParResults;
  /** Last year's results of the same level, to draw over this year's. */
  previous: ParResults | null;
}

function Swatch({ colour, dashed, label }: { colour: string; dashed?: boolean; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden="true" className="par-swatch" style={{ borderTopColor: colour, borderTopStyle: dashed ? 'dashed' : 'solid' }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** The radar of one unit (chosen in a list) by field, with last year's when known, and the same figures as a table. */
export function UnitRadar({ results, previous }: UnitRadarProps) {
  const [chosen, setChosen] = useState(results.units[0]?.unitCode ?? '');
  const unit = results.units.find((u) => u.unitCode === chosen) ?? results.units[0];
  if (!unit) return null;
  const before = previous?.units.find((u) => u.unitCode === unit.unitCode) ?? null;
  const beforeOf = (code: string) => before?.totals.fields.find((f) => f.code === code)?.percent ?? null;
  const fields = unit.totals.fields;
  const year = results.round.year;
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Đơn vị"
        value={unit.unitCode}
        onChange={(e) => setChosen(e.currentTarget.value)}
        data={results.units.map((u) => ({ value: u.unitCode, label: u.unitName }))}
        maw={420}
      />
      <div className="par-radar-wrap">
        <RadarChart
          fields={fields}
          previous={before ? fields.map((f) => beforeOf(f.code)) : null}
          title={`Biểu đồ radar theo lĩnh vực: ${unit.unitName}`}
          description={radarSummary(unit.unitName, fields)}
        />
      </div>
      <Group gap="md">
        <Swatch colour={RADAR_COLOURS.current} label={`Năm ${year}`} />
        {before ? <Swatch colour={RADAR_COLOURS.previous} dashed label={`Năm ${year - 1}`} /> : null}
      </Group>
      <div className="table-scroll par-scroll" role="region" aria-label={`Số liệu biểu đồ radar của ${unit.unitName}`} tabIndex={0}>
        <Table withTableBorder verticalSpacing={4} captionSide="top" data-testid="par-radar-table">
          <Table.Caption className="table-caption">Điểm theo lĩnh vực của {unit.unitName}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Lĩnh vực</Table.Th>
              <Table.Th scope="col">Điểm</Table.Th>
              <Table.Th scope="col">Tỷ lệ đạt</Table.Th>
              {before ? <Table.Th scope="col">Năm {year - 1}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.code}>
                <Table.Th scope="row" fw={400} className="break-anywhere">
                  LV {f.code}. {f.name}
                </Table.Th>
                <Table.Td className="par-nowrap">
                  {formatNumber(f.points)}/{formatNumber(f.max)}
                </Table.Td>
                <Table.Td className="par-nowrap">{formatPercent(f.percent)}</Table.Td>
                {before ? <Table.Td className="par-nowrap">{formatPercent(beforeOf(f.code))}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
