import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SETTLEMENT_TIME_INDICATOR, shareOfTimeLimit } from '../../../../domain/scorecard/settlement-time.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { formatDuration } from '../../catalogue/catalogue-format.js';
import type { SettlementTimesResponse } from '../api/scorecard-api.js';
import { settlementTimeText } from '../scorecard-view.js';

/** How many procedures are listed before "show all". */
const FIRST_ROWS = 10;

/** Indicator 2.2: each procedure's average settlement time against its time limit, slowest first. It carries no points. */
export function SettlementTimes({ times }: { times: ApiQuery<SettlementTimesResponse> }) {
  const [all, setAll] = useState(false);
  if (times.error) return <ErrorState error={times.error} title="Không tải được thời gian giải quyết trung bình" onRetry={times.reload} />;
  const rows = times.data?.rows ?? [];
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="thoi-gian-giai-quyet">
      <Stack gap="xs">
        <Title order={2} size="h4" id="thoi-gian-giai-quyet">
          {SETTLEMENT_TIME_INDICATOR.id}. {SETTLEMENT_TIME_INDICATOR.name} (không tính điểm)
        </Title>
        <Text size="sm">
          Hồ sơ đã có kết quả, được tiếp nhận trong kỳ; không tính thời gian chờ bổ sung. Thủ tục giải quyết lâu nhất so với thời hạn được xếp trước.
        </Text>
        {times.loading && !times.data ? <LoadingState label="Đang tính thời gian giải quyết trung bình…" /> : null}
        {times.data && rows.length === 0 ? <Text size="sm">Chưa có hồ sơ nào được tiếp nhận trong kỳ và đã có kết quả.</Text> : null}
        {rows.length > 0 ? (
          <div
            id="bang-thoi-gian-giai-quyet"
            className="table-scroll"
            role="region"
            aria-label="Thời gian giải quyết trung bình theo thủ tục (cuộn ngang để xem thêm cột)"
            tabIndex={0}
          >
            <Table striped withTableBorder verticalSpacing="xs" data-testid="bang-thoi-gian-giai-quyet" captionSide="top">
              <Table.Caption className="table-caption">Thời gian giải quyết trung bình theo thủ tục</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" className="settlement-times-name">
                    Thủ tục
                  </Table.Th>
                  <Table.Th scope="col">Số hồ sơ</Table.Th>
                  <Table.Th scope="col">Trung bình</Table.Th>
                  <Table.Th scope="col">Thời hạn quy định</Table.Th>
                  <Table.Th scope="col">So với thời hạn</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((row) => {
                  const share = shareOfTimeLimit(row);
                  return (
                    <Table.Tr key={row.procedureCode}>
                      <Table.Th scope="row" fw={400} className="settlement-times-name">
                        {row.name}
                        <Text size="xs" c="dimmed">
                          {row.procedureCode}
                        </Text>
                      </Table.Th>
                      <Table.Td>{formatNumber(row.settled)}</Table.Td>
                      <Table.Td className="nowrap" fw={share !== null && share > 1 ? 700 : 400}>
                        {settlementTimeText(row)}
                      </Table.Td>
                      <Table.Td className="nowrap">{row.timeLimit === null ? '—' : formatDuration({ amount: row.timeLimit, unit: row.timeUnit })}</Table.Td>
                      <Table.Td className="nowrap">{share === null ? '—' : `${formatPercent(share * 100, 0)}${share > 1 ? ' (quá thời hạn)' : ''}`}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
        {rows.length > FIRST_ROWS ? (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setAll((v) => !v)}
            aria-expanded={all}
            aria-controls="bang-thoi-gian-giai-quyet"
            style={{ alignSelf: 'flex-start' }}
          >
            {all ? `Chỉ hiện ${FIRST_ROWS} thủ tục đầu` : `Hiện tất cả ${formatNumber(rows.length)} thủ tục`}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
