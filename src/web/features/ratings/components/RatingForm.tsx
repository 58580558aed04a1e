import '../ratings.css';
import { Alert, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { DossierRating } from '../api/ratings-api.js';
import { useRateDossier } from '../hooks/useRating.js';
import {
  buildRatingBody,
  emptyRatingValues,
  MAX_COMMENT,
  NOT_APPLICABLE,
  NOT_APPLICABLE_LABEL,
  RATING_QUESTIONS,
  SCORE_OPTIONS,
  type RatingErrors,
  type RatingKey,
  type RatingQuestion,
  type RatingValues,
} from '../rating-form.js';

interface RatingFormProps {
  dossierId: string;
  /** 'kiosk': large type and targets, for the applicant at the counter. */
  variant?: 'page' | 'kiosk';
  /** The rating was saved. */
  onRated: (rating: DossierRating) => void;
  /** 409: already rated meanwhile, or no longer ratable — reload to show what is there. */
  onStale?: () => void;
}

/** The five questions, each answered on a 1–5 scale of labelled radio buttons, and an optional comment. */
export function RatingForm({ dossierId, variant = 'page', onRated, onStale }: RatingFormProps) {
  const [values, setValues] = useState<RatingValues>(emptyRatingValues);
  const [errors, setErrors] = useState<RatingErrors>({});
  const { submit, pending, error } = useRateDossier(dossierId);
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = useId();
  const kiosk = variant === 'kiosk';
  const size = kiosk ? 'lg' : 'md';

  function set(key: RatingKey | 'comment', value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const built = buildRatingBody(values);
    if (!built.ok) {
      setErrors(built.errors);
      // Focus the first question left unanswered (or the comment), so that a keyboard or screen reader user lands on it.
      const first = RATING_QUESTIONS.find((q) => built.errors[q.key]);
      const target = first
        ? formRef.current?.querySelector<HTMLInputElement>(`input[name="${idPrefix}-${first.key}"]`)
        : formRef.current?.querySelector<HTMLTextAreaElement>('textarea');
      target?.focus();
      return;
    }
    const saved = await submit(built.body);
    if (saved) onRated(saved);
  }

  const missing = RATING_QUESTIONS.filter((q) => errors[q.key]).length;
  const stale = error?.status === 409;

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className={kiosk ? 'rt-kiosk' : undefined} data-testid="rating-form">
      <Stack gap={kiosk ? 'xl' : 'md'}>
        <Text size={kiosk ? 'xl' : 'md'}>
          Mỗi câu, chọn một mức từ “Rất không hài lòng” đến “Rất hài lòng”. Câu 1 đến 4 là bắt buộc; câu 5 và ý kiến khác có thể bỏ qua.
        </Text>
        {RATING_QUESTIONS.map((q, i) => (
          <Question
            key={q.key}
            index={i}
            question={q}
            name={`${idPrefix}-${q.key}`}
            value={values[q.key]}
            error={errors[q.key]}
            size={size}
            onChange={(v) => set(q.key, v)}
          />
        ))}
        <Textarea
          label="Ý kiến khác (không bắt buộc)"
          description="Ví dụ: điều bạn hài lòng, điều cần cải thiện."
          size={size}
          autosize
          minRows={3}
          maxLength={MAX_COMMENT}
          value={values.comment}
          error={errors.comment}
          onChange={(e) => set('comment', e.currentTarget.value)}
        />
        {missing > 0 ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa gửi được đánh giá">
            Còn {missing} câu chưa chọn mức đánh giá.
          </Alert>
        ) : null}
        {error ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa gửi được đánh giá">
            {error.message}
            {stale && onStale ? (
              <Button variant="subtle" size="compact-sm" ml="xs" onClick={onStale}>
                Tải lại
              </Button>
            ) : null}
          </Alert>
        ) : null}
        <Button type="submit" size={kiosk ? 'xl' : 'md'} loading={pending} style={{ alignSelf: 'flex-start' }}>
          Gửi đánh giá
        </Button>
      </Stack>
    </form>
  );
}

interface QuestionProps {
  index: number;
  question: RatingQuestion;
  name: string;
  value: string;
  error: string | undefined;
  size: 'md' | 'lg';
  onChange: (value: string) => void;
}

/** One question as a fieldset of native radio buttons: arrow keys move between the answers. */
function Question({ index, question: q, name, value, error, size, onChange }: QuestionProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const options = [
    ...SCORE_OPTIONS.map((o) => ({ value: String(o.score), label: o.label })),
    ...(q.optional ? [{ value: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL }] : []),
  ];
  return (
    <fieldset
      className="rt-question"
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      data-invalid={error ? true : undefined}
      data-testid={`rating-${q.key}`}
    >
      <legend>
        {index + 1}. {q.element}
        {q.optional ? ' (nếu có)' : ''}
      </legend>
      <Text id={hintId} size={size}>
        {q.question}
      </Text>
      {error ? (
        <Text id={errorId} c="govRed.8" fw={600} size={size} mt={4}>
          {error}
        </Text>
      ) : null}
      <div className="rt-options">
        {options.map((o) => (
          <div key={o.value} className="rt-option" data-checked={value === o.value ? true : undefined}>
            <Radio name={name} value={o.value} label={o.label} size={size} checked={value === o.value} onChange={() => onChange(o.value)} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
