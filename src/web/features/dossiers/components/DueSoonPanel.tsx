import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { DueSoonList } from '../api/dossiers-api.js';
import { useNow } from '../hooks/useDossiers.js';
import { DossierQueueTable } from './DossierQueueTable.js';

export const DUE_SOON_PATH = '/api/v1/dossiers/due-soon?limit=200';

/** The due-soon rows carry no judgement of the whole dossier (only the step's warning): none to show. */
const withoutJudgement = (item: DueSoonList['items'][number]) => ({ ...item, timeliness: null });

const leadText = (minutes: number) =>
  minutes % 480 === 0 ? `${minutes / 480} ngày làm việc` : `${Math.round((minutes / 60) * 10) / 10} giờ làm việc`.replace('.', ',');

/**
 * "Sắp đến hạn": the open steps in the official's scope with at most the warning lead time left (the same rule
 * as the server's warning job), and those already past their step's deadline; a count per unit holding them.
 */
export function DueSoonPanel() {
  const query = useApiQuery<DueSoonList>(DUE_SOON_PATH);
  const now = useNow();
  const data = query.data;
  return (
    <Stack gap="sm" pt="md" className="dos-queue-panel">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="status">
          {data
            ? data.items.length === 0
              ? 'Không có hồ sơ sắp đến hạn hoặc quá hạn ở bước đang xử lý.'
              : `${data.items.filter((i) => i.warning === 'dueSoon').length} hồ sơ còn không quá ${leadText(data.leadMinutes)} đến hạn của bước, ${data.items.filter((i) => i.warning === 'overdue').length} hồ sơ đã quá hạn của bước.`
            : ''}
        </Text>
        <Button variant="default" size="xs" onClick={query.reload} loading={query.loading}>
          Tải lại danh sách
        </Button>
      </Group>
      {query.loading && !data ? <LoadingState label="Đang tải danh sách hồ sơ…" /> : null}
      {query.error ? <ErrorState error={query.error} title="Không tải được danh sách hồ sơ" onRetry={query.reload} /> : null}
      {data && data.counts.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Số hồ sơ sắp đến hạn theo đơn vị (cuộn ngang để xem thêm cột)" tabIndex={0}>
          <Table striped withTableBorder aria-describedby="bang-sap-den-han-don-vi">
            <caption id="bang-sap-den-han-don-vi">Số hồ sơ sắp đến hạn và quá hạn ở bước đang xử lý, theo đơn vị</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Đơn vị</Table.Th>
                <Table.Th scope="col" ta="right">
                  Sắp đến hạn
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Quá hạn của bước
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.counts.map((c) => (
                <Table.Tr key={c.unitCode}>
                  <Table.Th scope="row" fw={400}>
                    {c.unitName}
                  </Table.Th>
                  <Table.Td ta="right">{c.dueSoon.toLocaleString('vi-VN')}</Table.Td>
                  <Table.Td ta="right">{c.overdue.toLocaleString('vi-VN')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <DossierQueueTable
          items={data.items.map(withoutJudgement)}
          now={now}
          caption="Hồ sơ sắp đến hạn hoặc quá hạn ở bước đang xử lý, khẩn nhất ở trên"
          captionId="bang-sap-den-han"
        />
      ) : null}
    </Stack>
  );
}
