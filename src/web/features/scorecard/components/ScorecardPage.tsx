import '../scorecard.css';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { useForecast, useRanking, useScorecard, useSettlementTimes, useTrend } from '../hooks/useScorecardData.js';
import { useScorecardSelection } from '../hooks/useScorecardSelection.js';
import { useUnitNames } from '../hooks/useUnitNames.js';
import { periodLabel } from '../scorecard-period.js';
import { dashboardLink, drilldownLink } from '../scorecard-search.js';
import { ForecastPanel } from './ForecastPanel.js';
import { RankingTable } from './RankingTable.js';
import { ScorecardFilters } from './ScorecardFilters.js';
import { ScorecardLinks } from './ScorecardLinks.js';
import { ScoreSummary } from './ScoreSummary.js';
import { SettlementTimes } from './SettlementTimes.js';
import { TrendCharts } from './TrendCharts.js';
import { UnitTreemap } from './UnitTreemap.js';
import { WorstIndicators } from './WorstIndicators.js';

/** The Decision 766 dashboard of a unit: its card, its subunits (map and ranking), the trend and the forecast. */
export function ScorecardPage() {
  usePageTitle('Chỉ số 766');
  const user = useCurrentOfficial();
  const navigate = useNavigate();
  const { selection, query, today, select } = useScorecardSelection();
  const { units, nameOf } = useUnitNames();
  const card = useScorecard(query);
  const ranking = useRanking(query);
  const trend = useTrend(query?.unit ?? null);
  const forecast = useForecast(query);
  const times = useSettlementTimes(query);

  const drilldownTo = useCallback((indicatorId: string) => drilldownLink(selection, indicatorId), [selection]);
  const unitLink = useCallback((unit: string) => dashboardLink({ ...selection, unit }), [selection]);
  const openUnit = useCallback((unit: string) => void navigate(unitLink(unit)), [navigate, unitLink]);
  const unitName = nameOf(selection.unit);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Chỉ số 766</Title>
        <Text>
          Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ&#8209;TTg): {unitName},{' '}
          {periodLabel(selection.period).toLocaleLowerCase('vi')}.
        </Text>
        <ScorecardLinks selection={selection} current="dashboard" />
      </Stack>
      <ScorecardFilters idPrefix="chi-so" selection={selection} units={units} ownUnit={user.unitCode} today={today} onChange={select} />
      {query === null ? <Text role="status">Chọn đủ ngày bắt đầu và ngày kết thúc hợp lệ để xem chỉ số.</Text> : null}
      {card.loading ? <LoadingState label="Đang tính chỉ số…" /> : null}
      {card.error ? <ErrorState error={card.error} title="Không tải được chỉ số" onRetry={card.error.status === 403 ? undefined : card.reload} /> : null}
      {card.error?.status === 403 && user.unitCode && user.unitCode !== selection.unit ? (
        <Anchor component={Link} to={unitLink(user.unitCode)}>
          Xem chỉ số của đơn vị mình
        </Anchor>
      ) : null}
      {card.data ? (
        <>
          <ScoreSummary card={card.data} unitName={unitName} drilldownTo={drilldownTo} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <WorstIndicators card={card.data} drilldownTo={drilldownTo} />
            <ForecastPanel forecast={forecast} today={today} drilldownTo={drilldownTo} />
          </SimpleGrid>
          <SettlementTimes times={times} />
        </>
      ) : null}
      {ranking.error && !card.error ? <ErrorState error={ranking.error} title="Không tải được xếp hạng đơn vị trực thuộc" onRetry={ranking.reload} /> : null}
      {ranking.data && ranking.data.rows.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="don-vi-truc-thuoc">
          <Title order={2} size="h3" id="don-vi-truc-thuoc">
            Đơn vị trực thuộc
          </Title>
          <Paper withBorder p="md">
            <UnitTreemap rows={ranking.data.rows} onOpenUnit={openUnit} />
          </Paper>
          <RankingTable ranking={ranking.data} groups={card.data?.groups ?? []} unitLink={unitLink} />
        </Stack>
      ) : null}
      {query !== null && !card.error ? <TrendCharts trend={trend} /> : null}
    </Stack>
  );
}
