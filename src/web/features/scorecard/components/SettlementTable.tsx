import { Table } from '@mantine/core';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { SettlementReportResponse } from '../api/scorecard-api.js';
import { GROUP_BY_LABELS, ON_TIME_RATE_LABEL, SETTLEMENT_COLUMN_ORDER, SETTLEMENT_HEAD } from '../settlement-columns.js';

/** The 16 counts per unit, field or procedure, with the totals and the on-time rate; scrolls sideways on its own. */
export function SettlementTable({ report }: { report: SettlementReportResponse }) {
  return (
    <div className="table-scroll" role="region" aria-label="Bảng tình hình giải quyết (cuộn ngang để xem thêm cột)" tabIndex={0} data-testid="bang-bao-cao">
      <Table withTableBorder withColumnBorders striped verticalSpacing={6} fz="sm" className="settlement-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {GROUP_BY_LABELS[report.groupBy]}
            </Table.Th>
            {SETTLEMENT_HEAD.map((cell) =>
              cell.kind === 'group' ? (
                <Table.Th key={cell.label} scope="colgroup" colSpan={cell.counts.length} className="settlement-group">
                  {cell.label}
                </Table.Th>
              ) : (
                <Table.Th key={cell.count} scope="col" rowSpan={2}>
                  {cell.label}
                </Table.Th>
              ),
            )}
            <Table.Th scope="col" rowSpan={2}>
              {ON_TIME_RATE_LABEL}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {SETTLEMENT_HEAD.flatMap((cell) =>
              cell.kind === 'group'
                ? cell.counts.map((c) => (
                    <Table.Th key={c.count} scope="col">
                      {c.label}
                    </Table.Th>
                  ))
                : [],
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" className="settlement-name">
                {row.name}
              </Table.Th>
              {SETTLEMENT_COLUMN_ORDER.map((count) => (
                <Table.Td key={count} className="settlement-count">
                  {formatNumber(row[count])}
                </Table.Td>
              ))}
              <Table.Td className="settlement-count">{formatPercent(row.onTimeRate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className="settlement-total">
            <Table.Th scope="row">Tổng cộng</Table.Th>
            {SETTLEMENT_COLUMN_ORDER.map((count) => (
              <Table.Td key={count} className="settlement-count">
                {formatNumber(report.total[count])}
              </Table.Td>
            ))}
            <Table.Td className="settlement-count" data-testid="ty-le-tong">
              {formatPercent(report.total.onTimeRate)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
