import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.js';
import type { ParRound } from '../api/par-api.js';
import { assessmentPage } from '../par-view.js';
import { AssessmentBadge } from './StatusBadges.js';

/** The units of a round with their status, when they submitted, and the way to their assessment. */
export function RoundUnitsTable({ round, manager }: { round: ParRound; manager: boolean }) {
  return (
    <div className="table-scroll par-scroll" role="region" aria-label="Đơn vị được đánh giá (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table className="par-wide" striped withTableBorder verticalSpacing="xs" data-testid="par-round-units">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Đơn vị</Table.Th>
            <Table.Th scope="col">Trạng thái</Table.Th>
            <Table.Th scope="col">Gửi kết quả lúc</Table.Th>
            <Table.Th scope="col">Kết quả tự đánh giá</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {round.units.map((u) => (
            <Table.Tr key={u.unitCode}>
              <Table.Td className="par-unit-cell">{u.unitName}</Table.Td>
              <Table.Td>
                <AssessmentBadge status={u.status} />
              </Table.Td>
              <Table.Td className="par-nowrap">{u.submittedAt ? formatDateTime(u.submittedAt) : 'Chưa gửi'}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={assessmentPage(round.id, u.unitCode)} size="sm">
                  {manager && u.status === 'submitted' ? 'Thẩm định' : 'Xem chi tiết'}
                  <VisuallyHidden> kết quả của {u.unitName}</VisuallyHidden>
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
