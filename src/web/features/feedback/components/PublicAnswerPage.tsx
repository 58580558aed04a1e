import '../feedback.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { FEEDBACK_PAGE, formatDay, normalizeFeedbackCode } from '../feedback-view.js';
import { usePublicAnswer } from '../hooks/useFeedback.js';
import { VoteButtons } from './VoteButtons.js';

/** Label–value pairs (stacked on a phone). */
export function Facts({ rows, testId }: { rows: readonly (readonly [string, ReactNode])[]; testId?: string }) {
  return (
    <dl className="pd-facts" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled block of text as it was written. */
export function TextBlock({ id, title, text, testId }: { id: string; title: string; text: string; testId?: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <p className="fb-text" data-testid={testId}>
        {text}
      </p>
    </Stack>
  );
}

const backLink = (
  <Anchor component={Link} to={FEEDBACK_PAGE} style={{ alignSelf: 'flex-start' }}>
    ‹ Các phản ánh, kiến nghị đã được trả lời
  </Anchor>
);

/**
 * /phan-anh-kien-nghi/{code}: one answered feedback in public: the question and the answer, the unit, the dates
 * (dd/MM/yyyy), the reporter's name only when they agreed, and the likes and dislikes.
 */
export function PublicAnswerPage() {
  const { code: raw = '' } = useParams();
  const code = normalizeFeedbackCode(raw);
  const answer = usePublicAnswer(code);
  const item = answer.data;
  usePageTitle(item ? item.title : 'Phản ánh, kiến nghị');

  if (answer.loading && !item) return <LoadingState />;
  if (answer.error || !item) {
    return (
      <Stack gap="lg">
        <Title order={1}>Phản ánh, kiến nghị</Title>
        {answer.error?.status === 404 ? (
          <Text role="alert">Không tìm thấy câu trả lời công khai của phản ánh {code}: phản ánh chưa được trả lời, hoặc đang được xem xét lại.</Text>
        ) : answer.error ? (
          <ErrorState error={answer.error} onRetry={answer.reload} />
        ) : null}
        {backLink}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {backLink}
      <Title order={1} className="break-anywhere">
        {item.title}
      </Title>
      <Facts
        testId="answer-facts"
        rows={[
          ['Mã phản ánh', <span className="pd-code">{item.code}</span>],
          ...(item.reporterName ? [['Người phản ánh', item.reporterName] as const] : []),
          ['Ngày gửi', formatDay(item.receivedAt)],
          ['Cơ quan trả lời', item.unitName],
          ...(item.fieldName ? [['Lĩnh vực', item.fieldName] as const] : []),
          ...(item.procedureCode
            ? [
                [
                  'Thủ tục liên quan',
                  <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(item.procedureCode)}`}>
                    {item.procedureCode}
                  </Anchor>,
                ] as const,
              ]
            : []),
          ['Ngày công khai trả lời', <span data-testid="published-date">{formatDay(item.publishedAt)}</span>],
        ]}
      />
      <TextBlock id="pakn-noi-dung-hoi" title="Nội dung phản ánh, kiến nghị" text={item.content} testId="answer-question" />
      <Paper withBorder p="md" bg="govBlue.0">
        <TextBlock id="pakn-tra-loi" title="Trả lời của cơ quan nhà nước" text={item.answer} testId="answer-text" />
      </Paper>
      <VoteButtons key={item.code} code={item.code} counts={item} secret={null} />
    </Stack>
  );
}
