import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../../../shared/format.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { ForecastResponse } from '../api/scorecard-api.js';

interface ForecastPanelProps {
  forecast: ApiQuery<ForecastResponse>;
  today: string;
  drilldownTo: (indicatorId: string) => string;
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value))}`;
}

/** The end-of-period score if the open dossiers go on as they are, and the fixes that gain the most points. */
export function ForecastPanel({ forecast, today, drilldownTo }: ForecastPanelProps) {
  const { data, error, loading, reload } = forecast;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="du-bao">
      <Title order={2} size="h4" id="du-bao" mb="xs">
        Dự báo cuối kỳ
      </Title>
      {loading ? <LoadingState label="Đang tính dự báo…" /> : null}
      {error ? <ErrorState error={error} title="Không tính được dự báo" onRetry={reload} /> : null}
      {data ? (
        <Stack gap="sm">
          <Group gap="xl" align="flex-end">
            <div>
              <Text size="xs" c="dimmed">
                Đến nay
              </Text>
              <Text fw={700} fz="xl">
                {formatNumber(data.actual.total)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Dự báo cuối kỳ
              </Text>
              <Text fw={700} fz="xl" data-testid="du-bao-cuoi-ky">
                {formatNumber(data.projected.total)}{' '}
                <Text span size="sm" fw={400}>
                  ({signed(data.projected.total - data.actual.total)} điểm)
                </Text>
              </Text>
            </div>
          </Group>
          <Text size="sm">
            {data.to < today
              ? 'Kỳ đã kết thúc: điểm dự báo là điểm của cả kỳ.'
              : `Hồ sơ đang giải quyết: ${formatNumber(data.open.onTrack)} đúng tiến độ, ${formatNumber(data.open.offTrack)} có nguy cơ quá hạn.`}
          </Text>
          <Title order={3} size="h5">
            Việc cần làm để được thêm điểm
          </Title>
          {data.fixes.length === 0 ? (
            <Text size="sm">Không có việc nào giúp tăng điểm trong kỳ này.</Text>
          ) : (
            <ol className="scorecard-fixes">
              {data.fixes.map((fix) => (
                <li key={`${fix.indicatorId}|${fix.procedureCode}`}>
                  <Text size="sm">{fix.text}</Text>
                  <Anchor component={Link} to={drilldownTo(fix.indicatorId)} size="xs">
                    Hồ sơ của chỉ số {fix.indicatorId}
                  </Anchor>
                </li>
              ))}
            </ol>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
