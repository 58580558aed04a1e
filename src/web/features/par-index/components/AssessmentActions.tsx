import { Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { decideAssessment, submitAssessment, type ParAssessment } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { FormFooter } from './ActionMessage.js';

interface Props {
  assessment: ParAssessment;
  actions: ParActions;
}

/** "Gửi kết quả tự đánh giá" (the unit's leader): refused with the sub-criteria that still lack evidence. */
function SubmitPanel({ assessment, actions }: Props) {
  const key = 'submit';
  return (
    <Stack gap="sm">
      <Text size="sm">
        Gửi kết quả tự đánh giá tới cơ quan thẩm định. Số liệu tự động được chốt lúc gửi; tiêu chí có điểm và yêu cầu tài liệu kiểm chứng cần có ít nhất một tài
        liệu.
      </Text>
      <FormFooter
        actions={actions}
        actionKey={key}
        onClick={() =>
          void actions.run(
            key,
            () => submitAssessment(assessment.round.id, assessment.unitCode, assessment.seq),
            'Đã gửi kết quả tự đánh giá tới cơ quan thẩm định.',
          )
        }
      >
        Gửi kết quả tự đánh giá
      </FormFooter>
    </Stack>
  );
}

/** "Yêu cầu bổ sung tài liệu kiểm chứng" (once, with what is missing) and "Hoàn thành thẩm định". */
function DecisionPanel({ assessment, actions }: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = (a: 'requestEvidence' | 'finish') => assessment.availableActions.includes(a);
  const ask = 'requestEvidence';
  const finish = 'finish';

  async function handleAsk(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(note.trim() === '' ? 'Nêu tài liệu kiểm chứng cần bổ sung.' : null);
    if (note.trim() === '') return;
    const body = { expectedSeq: assessment.seq, decision: 'requestEvidence' as const, note: note.trim() };
    const done = await actions.run(
      ask,
      () => decideAssessment(assessment.round.id, assessment.unitCode, body),
      'Đã gửi yêu cầu bổ sung tài liệu kiểm chứng tới đơn vị.',
    );
    if (done) setNote('');
  }

  return (
    <Stack gap="md">
      {can('requestEvidence') ? (
        <form onSubmit={(e) => void handleAsk(e)} noValidate aria-label="Yêu cầu bổ sung tài liệu kiểm chứng">
          <Stack gap="xs">
            <Textarea
              label="Tài liệu kiểm chứng cần bổ sung"
              description="Chỉ yêu cầu bổ sung một lần; kết quả được trả lại đơn vị để bổ sung và gửi lại."
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={error}
              maxLength={2000}
            />
            <FormFooter actions={actions} actionKey={ask}>
              Yêu cầu bổ sung tài liệu kiểm chứng
            </FormFooter>
          </Stack>
        </form>
      ) : null}
      {can('finish') ? (
        <Stack gap="xs">
          <Text size="sm">Tiêu chí chưa thẩm định giữ điểm đơn vị tự chấm.</Text>
          <FormFooter
            actions={actions}
            actionKey={finish}
            onClick={() =>
              void actions.run(
                finish,
                () => decideAssessment(assessment.round.id, assessment.unitCode, { expectedSeq: assessment.seq, decision: 'finish', note: null }),
                'Đã hoàn thành thẩm định kết quả của đơn vị.',
              )
            }
          >
            Hoàn thành thẩm định
          </FormFooter>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The assessment's next steps the server offers: the leader's submission, or the appraisers' decisions. */
export function AssessmentActions({ assessment, actions }: Props) {
  const submit = assessment.availableActions.includes('submit');
  const decide = assessment.availableActions.includes('requestEvidence') || assessment.availableActions.includes('finish');
  const last = actions.outcome && ['submit', 'requestEvidence', 'finish'].includes(actions.outcome.key) && actions.outcome.ok ? actions.outcome : null;
  if (!submit && !decide)
    return last ? (
      <Text role="status" data-testid="par-notice">
        {last.message}
      </Text>
    ) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="par-buoc-tiep">
      <Stack gap="sm">
        <Title order={2} size="h3" id="par-buoc-tiep">
          {submit ? 'Gửi kết quả tự đánh giá' : 'Kết luận thẩm định'}
        </Title>
        {submit ? <SubmitPanel assessment={assessment} actions={actions} /> : null}
        {decide ? <DecisionPanel assessment={assessment} actions={actions} /> : null}
      </Stack>
    </Paper>
  );
}
