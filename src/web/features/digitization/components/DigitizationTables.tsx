import { Table, Text } from '@mantine/core';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { DigitizationReport, LookupReport } from '../api/provide-once-api.js';
import { lookupGroups, minutesSeconds, unitTotals } from '../provide-once-view.js';

const UNIT_HEADS = [
  'Đơn vị',
  'Hồ sơ tiếp nhận',
  'Có thành phần số hóa',
  'Tỷ lệ số hóa',
  'Tái sử dụng từ kho dữ liệu',
  'Lấy từ kho Cổng DVCQG',
  'Dùng dữ liệu dân cư',
  'Thời gian tiếp nhận trung bình (phút:giây)',
] as const;

/** Per unit: received, digitized and the rate, reused (and from the national vault), registry use, average intake time. */
/** Column headers. */
function HeadCells({ heads }: { heads: readonly string[] }) {
  return (
    <>
      {heads.map((h) => (
        <Table.Th key={h} scope="col">
          {h}
        </Table.Th>
      ))}
    </>
  );
}

export function UnitTable({ report }: { report: DigitizationReport }) {
  const totals = unitTotals(report.units);
  return (
    <div className="table-scroll" role="region" aria-label="Số hóa theo đơn vị (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid="digitization-units">
        <Table.Thead>
          <Table.Tr>
            <HeadCells heads={UNIT_HEADS} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.units.map((u) => (
            <Table.Tr key={u.unitCode} data-unit={u.unitCode}>
              <Table.Th scope="row">{u.unitName}</Table.Th>
              <Table.Td className="dig-count">{formatNumber(u.received)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(u.digitized)}</Table.Td>
              <Table.Td className="dig-count">{formatPercent(u.digitizationRate, 1)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(u.reused)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(u.nationalVault)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(u.registry)}</Table.Td>
              <Table.Td className="dig-count">{minutesSeconds(u.averageIntakeSeconds)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {report.units.length > 1 ? (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Tổng cộng</Table.Th>
              <Table.Td className="dig-count">{formatNumber(totals.received)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(totals.digitized)}</Table.Td>
              <Table.Td className="dig-count">{totals.received > 0 ? formatPercent((totals.digitized / totals.received) * 100, 1) : '—'}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(totals.reused)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(totals.nationalVault)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(totals.registry)}</Table.Td>
              <Table.Td className="dig-count">—</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        ) : null}
      </Table>
    </div>
  );
}

/** Per procedure: the fields its e-form declares and how many the applicant had to type, on average. */
export function ProcedureFieldsTable({ report }: { report: DigitizationReport }) {
  if (report.procedures.length === 0) return <Text size="sm">Chưa có hồ sơ nào có tờ khai điện tử trong kỳ.</Text>;
  return (
    <div className="table-scroll" role="region" aria-label="Số trường tự nhập theo thủ tục" tabIndex={0}>
      <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid="digitization-procedures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Thủ tục</Table.Th>
            <Table.Th scope="col">Hồ sơ</Table.Th>
            <Table.Th scope="col">Số trường của tờ khai</Table.Th>
            <Table.Th scope="col">Số trường phải tự nhập (trung bình)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.procedures.map((p) => (
            <Table.Tr key={p.procedureCode}>
              <Table.Th scope="row" className="mono">
                {p.procedureCode}
              </Table.Th>
              <Table.Td className="dig-count">{formatNumber(p.dossiers)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(p.fieldsDeclared, 1)}</Table.Td>
              <Table.Td className="dig-count">{formatNumber(p.fieldsTyped, 1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const OUTCOME_HEADS = ['Tìm thấy', 'Không tìm thấy', 'Bị từ chối', 'Không phản hồi', 'Tổng'] as const;

/** Registry lookups per unit and official, by outcome. */
export function LookupTable({ report }: { report: LookupReport }) {
  const groups = lookupGroups(report.rows);
  if (groups.length === 0) return <Text size="sm">Chưa có lượt tra cứu CSDL dân cư nào trong kỳ.</Text>;
  return (
    <div className="table-scroll" role="region" aria-label="Lượt tra cứu CSDL dân cư theo đơn vị và cán bộ (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table withTableBorder striped verticalSpacing={6} fz="sm" data-testid="lookup-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Đơn vị</Table.Th>
            <Table.Th scope="col">Cán bộ</Table.Th>
            <HeadCells heads={OUTCOME_HEADS} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.flatMap((g) =>
            g.rows.map((r, i) => (
              <Table.Tr key={`${g.unitName}|${r.officialName}|${i}`}>
                <Table.Td>{g.unitName}</Table.Td>
                <Table.Th scope="row">{r.officialName}</Table.Th>
                <Table.Td className="dig-count">{formatNumber(r.found)}</Table.Td>
                <Table.Td className="dig-count">{formatNumber(r.notFound)}</Table.Td>
                <Table.Td className="dig-count">{formatNumber(r.refused)}</Table.Td>
                <Table.Td className="dig-count">{formatNumber(r.unavailable)}</Table.Td>
                <Table.Td className="dig-count">{formatNumber(r.total)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
