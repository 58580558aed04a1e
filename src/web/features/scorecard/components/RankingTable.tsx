import { Anchor, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { RankingResponse } from '../api/scorecard-api.js';
import { intervalText, onTimeShare, rankText } from '../scorecard-view.js';

interface RankingTableProps {
  ranking: RankingResponse;
  groups: readonly { id: string; name: string; maxPoints: number }[];
  unitLink: (unitCode: string) => string;
}

/** The subunits ranked by total, with their sample and the 95 % interval of their on-time share. */
export function RankingTable({ ranking, groups, unitLink }: RankingTableProps) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        Xếp hạng theo tổng điểm; đơn vị có dưới {formatNumber(ranking.minSample)} hồ sơ chưa được xếp hạng. Tỷ lệ đúng hạn của chỉ số 2.1 kèm khoảng tin cậy 95%
        (Wilson); dấu ≈: khoảng tin cậy trùng với đơn vị xếp ngay sau, thứ tự giữa hai đơn vị có thể chỉ do ngẫu nhiên.
      </Text>
      <div className="table-scroll" role="region" aria-label="Bảng xếp hạng đơn vị trực thuộc (cuộn ngang để xem thêm cột)" tabIndex={0}>
        <Table striped withTableBorder verticalSpacing="xs" className="scorecard-ranking" data-testid="bang-xep-hang" captionSide="top">
          <Table.Caption className="table-caption">Xếp hạng các đơn vị trực thuộc</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Hạng</Table.Th>
              <Table.Th scope="col">Đơn vị</Table.Th>
              <Table.Th scope="col">Tổng điểm</Table.Th>
              <Table.Th scope="col">Số hồ sơ</Table.Th>
              <Table.Th scope="col">Đúng hạn (2.1)</Table.Th>
              <Table.Th scope="col">Khoảng tin cậy 95%</Table.Th>
              {groups.map((g) => (
                <Table.Th key={g.id} scope="col" title={g.name}>
                  Nhóm {g.id} (/{formatNumber(g.maxPoints)})
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranking.rows.map((row) => (
              <Table.Tr key={row.unitCode}>
                <Table.Td>
                  <Text size="sm" fw={row.rank === null ? 400 : 700} className="nowrap">
                    {rankText(row, ranking.minSample)}
                    {row.indistinctFromNext ? (
                      <>
                        <span aria-hidden="true"> ≈</span>
                        <VisuallyHidden>, khó phân biệt với đơn vị xếp sau</VisuallyHidden>
                      </>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={unitLink(row.unitCode)} size="sm" className="scorecard-unit-link">
                    {row.unitName}
                  </Anchor>
                </Table.Td>
                <Table.Td fw={700}>{formatNumber(row.total)}</Table.Td>
                <Table.Td>{formatNumber(row.sample)}</Table.Td>
                <Table.Td className="nowrap">{formatPercent(onTimeShare(row))}</Table.Td>
                <Table.Td className="nowrap">{intervalText(row.interval)}</Table.Td>
                {groups.map((g) => (
                  <Table.Td key={g.id}>{formatNumber(row.groups.find((x) => x.id === g.id)?.points ?? 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
