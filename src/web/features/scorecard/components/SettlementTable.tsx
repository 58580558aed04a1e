import { Table } from '@mantine/core';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { SettlementReportResponse } from '../api/scorecard-api.js';
import { GROUP_BY_LABELS, ON_TIME_RATE_LABEL, PAYMENT_HEAD, SETTLEMENT_COLUMN_ORDER, SETTLEMENT_HEAD } from '../settlement-columns.js';

type Line = SettlementReportResponse['total'];

/** A line's figures: the 16 counts, the on-time rate, then the fee-bearing dossiers, those paid online and their rate. */
function LineCells({ line, total = false }: { line: Line; total?: boolean }) {
  return (
    <>
      {SETTLEMENT_COLUMN_ORDER.map((count) => (
        <Table.Td key={count} className="settlement-count">
          {formatNumber(line[count])}
        </Table.Td>
      ))}
      <Table.Td className="settlement-count" data-testid={total ? 'ty-le-tong' : undefined}>
        {formatPercent(line.onTimeRate)}
      </Table.Td>
      {PAYMENT_HEAD.counts.map(({ count }) => (
        <Table.Td key={count} className="settlement-count">
          {formatNumber(line[count])}
        </Table.Td>
      ))}
      <Table.Td className="settlement-count" data-testid={total ? 'ty-le-thanh-toan-tong' : undefined}>
        {formatPercent(line.paidOnlineRate)}
      </Table.Td>
    </>
  );
}

/**
 * The 16 counts per unit, field or procedure, with the totals and the on-time rate, then the online payment of
 * the fee-bearing dossiers received (indicator 3.6); scrolls sideways on its own.
 */
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
            <Table.Th scope="colgroup" colSpan={PAYMENT_HEAD.counts.length + 1} className="settlement-group">
              {PAYMENT_HEAD.label}
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
            {PAYMENT_HEAD.counts.map((c) => (
              <Table.Th key={c.count} scope="col">
                {c.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">{PAYMENT_HEAD.rateLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" className="settlement-name">
                {row.name}
              </Table.Th>
              <LineCells line={row} />
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className="settlement-total">
            <Table.Th scope="row">Tổng cộng</Table.Th>
            <LineCells line={report.total} total />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}
