import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../shared/format.js';
import type { ParRound, RoundUnit } from '../api/par-api.js';
import { assessmentPage, progressText, roundPage } from '../par-view.js';
import { AssessmentBadge, RoundBadge } from './StatusBadges.js';

function UnitLine({ unit }: { unit: RoundUnit }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" component="span">
        {unit.unitName}
      </Text>
      <AssessmentBadge status={unit.status} />
    </Group>
  );
}

/** How far the round's units are, and each unit's status on request. */
function UnitProgress({ units }: { units: readonly RoundUnit[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm">{progressText(units)}</Text>
      <details className="par-details">
        <summary>Trạng thái từng đơn vị</summary>
        <ul className="par-plain-list">
          {units.map((u) => (
            <li key={u.unitCode}>
              <UnitLine unit={u} />
            </li>
          ))}
        </ul>
      </details>
    </Stack>
  );
}

/**
 * The rounds: for the department every unit's progress, each round leading to its page; for a unit's officials their
 * own unit's line, leading straight to their assessment.
 */
export function RoundList({ rounds, manager }: { rounds: readonly ParRound[]; manager: boolean }) {
  if (rounds.length === 0) return <Text>{manager ? 'Chưa mở đợt đánh giá nào.' : 'Đơn vị chưa có đợt đánh giá nào.'}</Text>;
  return (
    <div className="table-scroll par-scroll" role="region" aria-label="Các đợt đánh giá (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table className="par-wide" striped withTableBorder verticalSpacing="xs" data-testid="par-rounds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Đợt đánh giá</Table.Th>
            <Table.Th scope="col">Năm</Table.Th>
            <Table.Th scope="col">Hạn tự đánh giá</Table.Th>
            <Table.Th scope="col">Trạng thái</Table.Th>
            <Table.Th scope="col">{manager ? 'Đơn vị' : 'Kết quả tự đánh giá của đơn vị'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => {
            const own = manager ? null : r.units[0];
            return (
              <Table.Tr key={r.id}>
                <Table.Td className="par-name-cell">
                  <Anchor component={Link} to={own ? assessmentPage(r.id, own.unitCode) : roundPage(r.id)} size="sm">
                    {r.name}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {r.schemeName}
                  </Text>
                </Table.Td>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td className="par-nowrap">{formatIsoDate(r.deadline)}</Table.Td>
                <Table.Td>
                  <RoundBadge status={r.status} />
                </Table.Td>
                <Table.Td>{own ? <UnitLine unit={own} /> : <UnitProgress units={r.units} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
