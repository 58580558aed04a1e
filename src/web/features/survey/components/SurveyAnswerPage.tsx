import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { invitationPath, type SurveyInvitation } from '../api/survey-api.js';
import { closedMessage } from '../survey-view.js';
import { SurveyForm } from './SurveyForm.js';

const TITLE = 'Khảo sát mức độ hài lòng';

/**
 * /khao-sat/{token}: the survey an applicant was invited to (by e-mail, or from their dossier's page), without login:
 * what it is about, the questions, and a thank-you once sent; an answered or ended invitation says so.
 */
export function SurveyAnswerPage() {
  usePageTitle(TITLE);
  const { token = '' } = useParams();
  const wellFormed = /^[A-Za-z0-9_-]{43}$/.test(token);
  const invitation = useApiQuery<SurveyInvitation>(wellFormed ? invitationPath(token) : null);
  const [answered, setAnswered] = useState(false);
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answered) thanks.current?.focus();
  }, [answered]);

  const data = invitation.data;
  const closed = data ? closedMessage(data.state) : null;
  return (
    <Stack gap="lg">
      <Title order={1}>{TITLE}</Title>
      {!wellFormed || invitation.error?.status === 404 ? (
        <Alert color="govRed" variant="light" role="alert" title="Đường dẫn khảo sát không đúng">
          Vui lòng mở lại đường dẫn trong thư mời, hoặc mở phiếu từ trang hồ sơ của Ông/Bà trong mục “Hồ sơ của tôi”.
        </Alert>
      ) : null}
      {invitation.error && invitation.error.status !== 404 ? <ErrorState error={invitation.error} onRetry={invitation.reload} /> : null}
      {invitation.loading ? <LoadingState label="Đang tải phiếu khảo sát…" /> : null}
      {data ? (
        <Paper withBorder p="md">
          <dl className="rt-summary" data-testid="survey-about">
            <div>
              <dt>Đợt khảo sát</dt>
              <dd>{data.roundName}</dd>
            </div>
            <div>
              <dt>Cơ quan giải quyết</dt>
              <dd>{data.unitName}</dd>
            </div>
            <div>
              <dt>Thủ tục</dt>
              <dd>{data.procedureName}</dd>
            </div>
            <div>
              <dt>Ngày trả kết quả</dt>
              <dd>{formatIsoDate(data.returnedOn)}</dd>
            </div>
            <div>
              <dt>Hạn trả lời</dt>
              <dd>Hết ngày {formatIsoDate(data.answerBy)}</dd>
            </div>
          </dl>
        </Paper>
      ) : null}
      {answered ? (
        <Alert
          ref={thanks}
          tabIndex={-1}
          className="rt-focus-target"
          color="govBlue"
          variant="light"
          role="status"
          title="Cảm ơn Ông/Bà"
          data-testid="survey-thanks"
        >
          Phiếu khảo sát đã được gửi. Ý kiến của Ông/Bà được tổng hợp chung để cơ quan hành chính cải thiện chất lượng phục vụ.
        </Alert>
      ) : closed ? (
        <Alert color="govBlue" variant="light" role="status" title={closed.title} data-testid="survey-closed">
          {closed.text}
        </Alert>
      ) : data ? (
        <SurveyForm token={token} questions={data.questions} onAnswered={() => setAnswered(true)} onStale={invitation.reload} />
      ) : null}
      {data && !answered && !closed ? (
        <Text size="sm" c="dimmed">
          Phiếu chỉ gửi được một lần. Mọi thông tin Ông/Bà trả lời không gắn với họ tên, số định danh.
        </Text>
      ) : null}
    </Stack>
  );
}
