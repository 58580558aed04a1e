import { Table } from '@mantine/core';
import { RATING_ELEMENTS, SURVEY_ELEMENTS } from '../../../../domain/survey/survey.js';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { SurveyGroup, SurveyResults } from '../api/survey-api.js';

function Figures({ group }: { group: SurveyGroup }) {
  return (
    <>
      <Table.Td>{formatNumber(group.population)}</Table.Td>
      <Table.Td>{formatNumber(group.invited)}</Table.Td>
      <Table.Td>{formatNumber(group.answers)}</Table.Td>
      <Table.Td>{formatPercent(group.responseRate)}</Table.Td>
      <Table.Td>{group.margin === null ? '—' : `±${formatNumber(group.margin)}`}</Table.Td>
      {group.elements.map((e) => (
        <Table.Td key={e.element}>{formatPercent(e.index)}</Table.Td>
      ))}
      <Table.Td fw={700}>{formatPercent(group.overall)}</Table.Td>
    </>
  );
}

/** Per unit and in total: N, invited, answered, response rate, margin of error, each element's index and the overall. */
export function SurveyResultsTable({ results }: { results: SurveyResults }) {
  return (
    <div className="table-scroll" role="region" aria-label="Kết quả theo đơn vị (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table withTableBorder striped verticalSpacing={4} fz="sm" captionSide="top" data-testid="survey-units-table">
        <Table.Caption className="table-caption">Chỉ số hài lòng (%) theo đơn vị giải quyết và yếu tố; sai số tính bằng điểm phần trăm</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Đơn vị</Table.Th>
            <Table.Th scope="col">Hồ sơ đã trả kết quả (N)</Table.Th>
            <Table.Th scope="col">Phiếu mời</Table.Th>
            <Table.Th scope="col">Phiếu trả lời</Table.Th>
            <Table.Th scope="col">Tỷ lệ phản hồi</Table.Th>
            <Table.Th scope="col">Sai số</Table.Th>
            {SURVEY_ELEMENTS.map((e) => (
              <Table.Th key={e} scope="col">
                {RATING_ELEMENTS[e]}
              </Table.Th>
            ))}
            <Table.Th scope="col">Chỉ số chung</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.units.map((u) => (
            <Table.Tr key={u.unitCode}>
              <Table.Th scope="row">{u.unitName}</Table.Th>
              <Figures group={u} />
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">Tổng cộng</Table.Th>
            <Figures group={results.total} />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}
