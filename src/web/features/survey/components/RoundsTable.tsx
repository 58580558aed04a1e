import { Button, Group, Table, Text } from '@mantine/core';
import { formatIsoDate, formatNumber, formatPercent } from '../../../shared/format.js';
import type { SurveyRound } from '../api/survey-api.js';

interface RoundsTableProps {
  rounds: readonly SurveyRound[];
  selected: string | null;
  canManage: boolean;
  closing: string | null;
  onSelect: (id: string) => void;
  onClose: (round: SurveyRound) => void;
}

/** The rounds, newest first: period, units, N and n, invitations and answers; view a round's results, close an open one. */
export function RoundsTable({ rounds, selected, canManage, closing, onSelect, onClose }: RoundsTableProps) {
  if (rounds.length === 0) return <Text>Chưa có đợt khảo sát nào.</Text>;
  return (
    <div className="table-scroll" role="region" aria-label="Các đợt khảo sát (cuộn ngang để xem thêm cột)" tabIndex={0}>
      <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="survey-rounds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Đợt</Table.Th>
            <Table.Th scope="col">Kỳ</Table.Th>
            <Table.Th scope="col">Đơn vị</Table.Th>
            <Table.Th scope="col">N / n</Table.Th>
            <Table.Th scope="col">Phiếu mời (gửi thư)</Table.Th>
            <Table.Th scope="col">Trả lời</Table.Th>
            <Table.Th scope="col">Trạng thái</Table.Th>
            <Table.Th scope="col">Thao tác</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr key={r.id} aria-current={selected === r.id ? 'true' : undefined}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td>
                {formatIsoDate(r.from)} – {formatIsoDate(r.to)}
              </Table.Td>
              <Table.Td>{r.unitNames.join(', ')}</Table.Td>
              <Table.Td>
                {formatNumber(r.population)} / {formatNumber(r.sampleSize)} (e = {formatPercent(r.margin * 100, 0)})
              </Table.Td>
              <Table.Td>
                {formatNumber(r.invited)} ({formatNumber(r.notified)})
              </Table.Td>
              <Table.Td>
                {formatNumber(r.answered)} ({formatPercent(r.responseRate)})
              </Table.Td>
              <Table.Td>{r.status === 'open' ? `Đang mở, hạn ${formatIsoDate(r.answerBy)}` : 'Đã kết thúc'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant={selected === r.id ? 'filled' : 'outline'}
                    onClick={() => onSelect(r.id)}
                    aria-label={`Xem kết quả ${r.name}`}
                  >
                    Xem kết quả
                  </Button>
                  {canManage && r.status === 'open' ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="govRed"
                      loading={closing === r.id}
                      onClick={() => onClose(r)}
                      aria-label={`Kết thúc ${r.name}`}
                    >
                      Kết thúc
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
