import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { ParResults } from '../api/par-api.js';
import { assessmentPage, pointsText, rankChangeLabel } from '../par-view.js';

/** The ranking within the level: every field's points, the total, the index (%) and the change of rank since last year. */
export function ParRankingTable({ results, linkUnits }: { results: ParResults; linkUnits: boolean }) {
  return (
    <div className="table-scroll par-scroll" role="region" aria-label="Bảng xếp hạng (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table className="par-wide" striped withTableBorder verticalSpacing="xs" captionSide="top" data-testid="par-ranking">
        <Table.Caption className="table-caption">
          Xếp hạng theo chỉ số (tỷ lệ tổng điểm trên điểm tối đa){results.previousRound ? `; so với ${results.previousRound.name}` : ''}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Hạng</Table.Th>
            <Table.Th scope="col">Đơn vị</Table.Th>
            {results.fields.map((f) => (
              <Table.Th key={f.code} scope="col" className="par-field-head">
                {f.code}. {f.name} (/{formatNumber(f.max)})
              </Table.Th>
            ))}
            <Table.Th scope="col">Tổng điểm</Table.Th>
            <Table.Th scope="col">Chỉ số (%)</Table.Th>
            <Table.Th scope="col">So với năm trước</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.units.map((u) => {
            const change = rankChangeLabel(u);
            return (
              <Table.Tr key={u.unitCode}>
                <Table.Td fw={700}>{u.rank}</Table.Td>
                <Table.Td className="par-unit-cell">
                  {linkUnits ? (
                    <Anchor component={Link} to={assessmentPage(results.round.id, u.unitCode)} size="sm">
                      {u.unitName}
                    </Anchor>
                  ) : (
                    u.unitName
                  )}
                </Table.Td>
                {results.fields.map((f) => (
                  <Table.Td key={f.code}>{pointsText(u.totals.fields.find((x) => x.code === f.code)?.points ?? 0)}</Table.Td>
                ))}
                <Table.Td fw={700}>{formatNumber(u.totals.total)}</Table.Td>
                <Table.Td className="par-nowrap">{formatPercent(u.totals.percent)}</Table.Td>
                <Table.Td className="par-nowrap">
                  <span aria-hidden="true">{change.text}</span>
                  <VisuallyHidden>{change.spoken}</VisuallyHidden>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
