import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { RATING_ELEMENTS, SURVEY_ELEMENTS, SURVEY_SCALE, type RatingElement } from '../../../../domain/survey/survey.js';
import { answerSurvey, type SurveyInvitationQuestion } from '../api/survey-api.js';
import { useSurveyAction } from '../hooks/useSurvey.js';
import { buildSurveyAnswer, emptySurveyValues, MAX_SURVEY_COMMENT, SKIPPED, type SurveyErrors, type SurveyValues } from '../survey-view.js';
import { ChoiceGroup, type Choice } from './ChoiceGroup.js';

const SCALE: readonly Choice[] = SURVEY_SCALE.map((s) => ({ value: String(s.score), label: `${s.score} – ${s.label}` }));
const SKIP: Choice = { value: SKIPPED, label: 'Không có góp ý, phản ánh' };
const PRIORITIES: readonly Choice[] = [...SURVEY_ELEMENTS.map((e) => ({ value: e, label: RATING_ELEMENTS[e] })), { value: '', label: 'Không chọn' }];

interface SurveyFormProps {
  token: string;
  questions: readonly SurveyInvitationQuestion[];
  /** The answer was kept. */
  onAnswered: () => void;
  /** 409: answered meanwhile, or the round ended: reload to show why. */
  onStale: () => void;
}

/** The survey's questions on a 5-point scale, the element to improve first and a comment; sent once. */
export function SurveyForm({ token, questions, onAnswered, onStale }: SurveyFormProps) {
  const [values, setValues] = useState<SurveyValues>(emptySurveyValues);
  const [errors, setErrors] = useState<SurveyErrors>({});
  const send = useSurveyAction(answerSurvey);
  const form = useRef<HTMLFormElement>(null);
  const prefix = useId();
  const nameOf = (key: string) => `${prefix}-${key}`;

  const score = (element: RatingElement, value: string) => {
    setValues((v) => ({ ...v, scores: { ...v.scores, [element]: value } }));
    setErrors((e) => ({ ...e, [element]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (send.pending) return;
    const built = buildSurveyAnswer(questions, values);
    if (!built.ok) {
      setErrors(built.errors);
      // The first question left unanswered takes the focus, so that a keyboard or screen reader user lands on it.
      const first = questions.find((q) => built.errors[q.element]);
      const target = first ? form.current?.querySelector<HTMLInputElement>(`input[name="${nameOf(first.element)}"]`) : form.current?.querySelector('textarea');
      target?.focus();
      return;
    }
    if (await send.run(token, built.body)) onAnswered();
  }

  const missing = questions.filter((q) => errors[q.element]).length;
  return (
    <form ref={form} noValidate onSubmit={(e) => void submit(e)} data-testid="survey-form">
      <Stack gap="md">
        <Text>Mỗi câu, chọn một mức từ 1 (rất không hài lòng) đến 5 (rất hài lòng). Câu không ghi “không bắt buộc” cần được trả lời.</Text>
        {questions.map((q, i) => (
          <ChoiceGroup
            key={q.element}
            name={nameOf(q.element)}
            legend={`Câu ${i + 1}. ${q.label}${q.optional ? ' (không bắt buộc)' : ''}`}
            hint={q.text}
            choices={q.optional ? [...SCALE, SKIP] : SCALE}
            value={values.scores[q.element] ?? ''}
            error={errors[q.element]}
            onChange={(v) => score(q.element, v)}
            testId={`survey-${q.element}`}
          />
        ))}
        <ChoiceGroup
          name={nameOf('expectation')}
          legend={`Câu ${questions.length + 1}. Điều Ông/Bà mong muốn được cải thiện nhất (không bắt buộc)`}
          choices={PRIORITIES}
          value={values.expectation}
          onChange={(v) => setValues((s) => ({ ...s, expectation: v }))}
        />
        <Textarea
          label="Ý kiến khác (không bắt buộc)"
          description="Xin đừng ghi họ tên, số điện thoại hay số định danh: ý kiến được tổng hợp chung."
          autosize
          minRows={3}
          maxLength={MAX_SURVEY_COMMENT}
          value={values.comment}
          error={errors.comment}
          onChange={(e) => {
            const comment = e.currentTarget.value;
            setValues((s) => ({ ...s, comment }));
          }}
        />
        {missing > 0 ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa gửi được phiếu">
            Còn {missing} câu chưa chọn mức hài lòng.
          </Alert>
        ) : null}
        {send.error ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa gửi được phiếu">
            {send.error.message}
            {send.error.status === 409 ? (
              <Button variant="subtle" size="compact-sm" ml="xs" onClick={onStale}>
                Tải lại
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <Button type="submit" size="md" loading={send.pending} style={{ alignSelf: 'flex-start' }}>
          Gửi phiếu khảo sát
        </Button>
      </Stack>
    </form>
  );
}
