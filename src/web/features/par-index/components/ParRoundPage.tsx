import '../par-index.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { hasCapability } from '../../../../domain/access/roles.js';
import { SCHEME_LEVEL_LABELS, type SchemeLevel } from '../../../../domain/par-index/scheme.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { Facts } from '../../feedback/components/PublicAnswerPage.js';
import { useKept, useParActions, useResults, useRound, useScheme } from '../hooks/usePar.js';
import { surveySubCriteria } from '../par-view.js';
import { ActionMessage } from './ActionMessage.js';
import { BackToIndex } from './BackToIndex.js';
import { CloseRoundPanel } from './CloseRoundPanel.js';
import { PageSection } from './PageSection.js';
import { RoundResults } from './RoundResults.js';
import { RoundUnitsTable } from './RoundUnitsTable.js';
import { RoundBadge } from './StatusBadges.js';
import { SurveyResultsForm } from './SurveyResultsForm.js';

/**
 * /can-bo/chi-so-cai-cach/dot/{id}: a round with its units and their progress; for the department the survey's results,
 * the end of the round, and the results (ranking, bars, a unit's radar, the change from last year, the report).
 */
export function ParRoundPage() {
  const { id = '' } = useParams();
  const user = useCurrentOfficial();
  const manager = hasCapability(user.role, 'par.manage');
  const reader = manager || hasCapability(user.role, 'scorecard.view');
  const roundQuery = useRound(id);
  const resultsQuery = useResults(reader ? id : null);
  const round = useKept(roundQuery.data, id);
  const results = useKept(resultsQuery.data, id);
  const scheme = useScheme(manager && round?.status === 'open' ? round.schemeId : null);
  const previous = useResults(results?.previousRound?.id ?? null);
  usePageTitle(round ? round.name : 'Đợt đánh giá chỉ số cải cách hành chính');
  const reloadRound = roundQuery.reload;
  const reloadResults = resultsQuery.reload;
  const reload = useCallback(() => {
    reloadRound();
    reloadResults();
  }, [reloadRound, reloadResults]);
  const actions = useParActions(reload);

  if (!round) {
    if (roundQuery.loading) return <LoadingState />;
    return (
      <Stack gap="lg">
        <BackToIndex />
        <Title order={1}>Đợt đánh giá chỉ số cải cách hành chính</Title>
        {roundQuery.error ? <ErrorState error={roundQuery.error} onRetry={roundQuery.reload} /> : null}
      </Stack>
    );
  }
  const surveySubs = scheme.data ? surveySubCriteria(scheme.data.definition) : [];
  // A unit's officials (or a reader outside the round's province) do not see the ranking of the other units.
  const resultsHidden = resultsQuery.error && [403, 404].includes(resultsQuery.error.status);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <BackToIndex />
        <Title order={1} className="break-anywhere">
          {round.name}
        </Title>
        <RoundBadge status={round.status} />
      </Stack>
      <Facts
        testId="par-round-facts"
        rows={[
          ['Bộ chỉ số', round.schemeName],
          ['Cấp đánh giá', SCHEME_LEVEL_LABELS[round.level as SchemeLevel] ?? round.level],
          ['Năm đánh giá', String(round.year)],
          ['Hạn tự đánh giá', formatIsoDate(round.deadline)],
        ]}
      />
      <PageSection id="par-don-vi" title="Đơn vị được đánh giá">
        <RoundUnitsTable round={round} manager={manager} />
      </PageSection>
      {manager && round.status === 'open' && surveySubs.length > 0 ? (
        <PageSection id="par-dieu-tra-tieu-de" title="Nhập kết quả điều tra xã hội học" boxed>
          <SurveyResultsForm roundId={round.id} units={round.units} subs={surveySubs} actions={actions} />
        </PageSection>
      ) : null}
      {manager && round.status === 'open' ? (
        <PageSection id="par-ket-thuc" title="Kết thúc đợt đánh giá" boxed>
          <CloseRoundPanel round={round} actions={actions} />
        </PageSection>
      ) : null}
      {reader ? (
        <PageSection id="par-ket-qua" title="Kết quả và xếp hạng">
          {/* Once the round is closed, the panel that closed it is gone: its notice is said here. */}
          {manager && round.status === 'closed' ? <ActionMessage actions={actions} actionKey="close" only="ok" /> : null}
          {results ? (
            <RoundResults results={results} previous={previous.data ?? null} linkUnits={manager} />
          ) : resultsHidden ? (
            <Text>Kết quả xếp hạng do cơ quan đánh giá công bố.</Text>
          ) : resultsQuery.error ? (
            <ErrorState error={resultsQuery.error} onRetry={resultsQuery.reload} />
          ) : (
            <LoadingState />
          )}
        </PageSection>
      ) : null}
    </Stack>
  );
}
