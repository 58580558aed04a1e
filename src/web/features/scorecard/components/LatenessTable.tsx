import { Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { latenessPath, type LatenessResponse, type LatenessRow } from '../api/scorecard-api.js';

function Rows({ rows, official }: { rows: readonly LatenessRow[]; official: boolean }) {
  return (
    <Table.Tbody>
      {rows.map((r) => (
        <Table.Tr key={`${r.unitCode}/${r.officialId ?? ''}`}>
          <Table.Th scope="row" fw={400}>
            {official ? (r.officialName ?? 'Chưa có người nhận xử lý') : r.unitName}
          </Table.Th>
          {official ? <Table.Td>{r.unitName}</Table.Td> : null}
          <Table.Td ta="right">{formatNumber(r.dossiers)}</Table.Td>
          <Table.Td ta="right">{formatNumber(r.steps)}</Table.Td>
          <Table.Td ta="right">{formatNumber(r.overrunHours)}</Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

function LatenessGrid({ id, caption, rows, official }: { id: string; caption: string; rows: readonly LatenessRow[]; official: boolean }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${caption} (cuộn ngang để xem thêm cột)`} tabIndex={0}>
      <Table striped withTableBorder aria-describedby={id}>
        <caption id={id}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{official ? 'Cán bộ' : 'Đơn vị'}</Table.Th>
            {official ? <Table.Th scope="col">Đơn vị</Table.Th> : null}
            <Table.Th scope="col" ta="right">
              Hồ sơ trễ hạn
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Bước vượt định mức
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Giờ làm việc vượt
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Rows rows={rows} official={official} />
      </Table>
    </div>
  );
}

/**
 * "Trễ hạn ở đâu": for the report's unit and period, the steps of late dossiers that used more than their
 * budget, per unit and per official, with the working hours over budget (GET /api/v1/scorecard/lateness).
 */
export function LatenessTable({ unit, from, to }: { unit: string; from: string; to: string }) {
  const query = useApiQuery<LatenessResponse>(latenessPath({ unit, from, to }));
  const data = query.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="tre-han-o-dau">
      <Title order={2} size="h4" id="tre-han-o-dau">
        Trễ hạn ở đâu
      </Title>
      {query.loading && !data ? <LoadingState label="Đang tính các bước vượt định mức…" /> : null}
      {query.error ? <ErrorState error={query.error} title="Không tải được bảng trễ hạn theo bước" onRetry={query.reload} /> : null}
      {data ? (
        <>
          <Text size="sm" role="status">
            {data.lateDossiers === 0
              ? 'Không có hồ sơ trễ hạn trong kỳ.'
              : `${formatNumber(data.lateDossiers)} hồ sơ trễ hạn; ${formatNumber(data.lateDossiers - data.withoutOverrun)} hồ sơ có bước vượt định mức thời gian, ${formatNumber(data.withoutOverrun)} hồ sơ không bước nào vượt định mức.`}
          </Text>
          {data.units.length > 0 ? <LatenessGrid id="tre-han-don-vi" caption="Theo đơn vị giữ bước vượt định mức" rows={data.units} official={false} /> : null}
          {data.officials.length > 0 ? (
            <LatenessGrid id="tre-han-can-bo" caption="Theo cán bộ xử lý bước vượt định mức" rows={data.officials} official />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
