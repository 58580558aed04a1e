import '../par-index.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { hasCapability } from '../../../../domain/access/roles.js';
import { SCHEME_LEVEL_LABELS } from '../../../../domain/par-index/scheme.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatDateTime, formatIsoDate } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { Facts } from '../../feedback/components/PublicAnswerPage.js';
import type { ParAssessment } from '../api/par-api.js';
import { useAssessment, useKept, useParActions } from '../hooks/usePar.js';
import { roundPage, totalText } from '../par-view.js';
import { AssessmentActions } from './AssessmentActions.js';
import { BackToIndex } from './BackToIndex.js';
import { SchemeOutline } from './SchemeOutline.js';
import { AssessmentBadge, RoundBadge } from './StatusBadges.js';

/** The unit's own total and the total after appraisal (the appraisers' points where they changed the unit's). */
function Totals({ assessment }: { assessment: ParAssessment }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="par-totals">
      <Paper withBorder p="sm">
        <Text size="sm" c="gray.8">
          Tổng điểm đơn vị tự chấm
        </Text>
        <Text fw={700} size="lg" data-testid="par-total-self">
          {totalText(assessment.totals.self)}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" c="gray.8">
          Tổng điểm sau thẩm định
        </Text>
        <Text fw={700} size="lg" data-testid="par-total-final">
          {totalText(assessment.totals.final)}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

/** The appraisers asked for more evidence (once): what, said to the unit while it is back with them. */
function EvidenceRequest({ assessment }: { assessment: ParAssessment }) {
  if (!assessment.evidenceRequested || !assessment.evidenceNote) return null;
  const back = assessment.status === 'returned';
  return (
    <Alert
      color={back ? 'govRed' : 'govBlue'}
      variant="light"
      title={back ? 'Cơ quan thẩm định yêu cầu bổ sung tài liệu kiểm chứng' : 'Đã yêu cầu bổ sung tài liệu kiểm chứng'}
      data-testid="par-evidence-request"
    >
      <Text size="sm" className="break-anywhere">
        {assessment.evidenceNote}
      </Text>
      {back ? <Text size="sm">Bổ sung tài liệu ở các tiêu chí liên quan rồi gửi lại kết quả tự đánh giá.</Text> : null}
    </Alert>
  );
}

/**
 * /can-bo/chi-so-cai-cach/dot/{id}/don-vi/{unit}: a unit's assessment. Its officials score each sub-criterion (yes/no,
 * a level, points; figures come from the system with a link to their proof, survey results from the appraisers) and
 * attach evidence; the leader submits. The department appraises each score, asks once for more evidence and finishes.
 * Every change is sent against the version read; a change by someone else meanwhile reloads the page with a message.
 */
export function ParAssessmentPage() {
  const { id = '', unit = '' } = useParams();
  const user = useCurrentOfficial();
  const manager = hasCapability(user.role, 'par.manage');
  const query = useAssessment(id, unit);
  const assessment = useKept(query.data, `${id}/${unit}`);
  const actions = useParActions(query.reload);
  usePageTitle(assessment ? `Chỉ số CCHC: ${assessment.unitName}` : 'Kết quả tự đánh giá chỉ số cải cách hành chính');

  const back = (
    <Group gap="md">
      <BackToIndex />
      {manager ? (
        <Anchor component={Link} to={roundPage(id)}>
          ‹ Đợt đánh giá
        </Anchor>
      ) : null}
    </Group>
  );
  if (!assessment) {
    if (query.loading) return <LoadingState />;
    return (
      <Stack gap="lg">
        {back}
        <Title order={1}>Kết quả tự đánh giá chỉ số cải cách hành chính</Title>
        {query.error ? <ErrorState error={query.error} onRetry={query.reload} /> : null}
      </Stack>
    );
  }
  const closed = assessment.round.status === 'closed';
  return (
    <Stack gap="lg">
      {back}
      <Stack gap="xs">
        <Title order={1} className="break-anywhere">
          {assessment.unitName}: tự đánh giá Chỉ số CCHC năm {assessment.round.year}
        </Title>
        <Group gap="xs">
          <AssessmentBadge status={assessment.status} />
          {closed ? <RoundBadge status="closed" /> : null}
        </Group>
      </Stack>
      <Facts
        testId="par-assessment-facts"
        rows={[
          ['Đợt đánh giá', assessment.round.name],
          ['Bộ chỉ số', `${assessment.scheme.name} (${SCHEME_LEVEL_LABELS[assessment.scheme.level]})`],
          ['Hạn tự đánh giá', formatIsoDate(assessment.round.deadline)],
          ['Gửi kết quả lúc', assessment.submittedAt ? formatDateTime(assessment.submittedAt) : 'Chưa gửi'],
        ]}
      />
      <Totals assessment={assessment} />
      {closed ? <Text role="status">Đợt đánh giá đã kết thúc: kết quả đã được chốt.</Text> : null}
      <EvidenceRequest assessment={assessment} />
      <AssessmentActions assessment={assessment} actions={actions} />
      <SchemeOutline assessment={assessment} actions={actions} />
    </Stack>
  );
}
