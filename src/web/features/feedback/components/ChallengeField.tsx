import '../../portal-dossiers/portal-dossiers.css';
import { Button, Group, Text, TextInput } from '@mantine/core';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { FeedbackChallenge } from '../api/feedback-api.js';
import { FIELD_IDS } from '../feedback-form.js';

interface ChallengeFieldProps {
  challenge: ApiQuery<FeedbackChallenge>;
  value: string;
  error: string | undefined;
  onChange: (answer: string) => void;
}

/** The question a person answers at once, for a form sent without an account; another question on demand. */
export function ChallengeField({ challenge, value, error, onChange }: ChallengeFieldProps) {
  const question = challenge.data?.question;
  return (
    <fieldset className="pd-fieldset">
      <legend>Câu hỏi kiểm tra</legend>
      <Text size="sm" mb="sm">
        Để chống gửi tự động, vui lòng trả lời câu hỏi dưới đây. Bạn đăng nhập bằng VNeID thì không cần trả lời.
      </Text>
      {challenge.error ? (
        <Text size="sm" c="govRed.9" role="alert" mb="sm">
          Chưa tải được câu hỏi kiểm tra: {challenge.error.message}
        </Text>
      ) : null}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          id={FIELD_IDS.challenge}
          label={question ? `Câu hỏi: ${question}` : 'Câu hỏi: đang tải…'}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          required
          error={error}
          maw={420}
          data-testid="challenge-answer"
        />
        <Button variant="outline" onClick={challenge.reload} loading={challenge.loading}>
          Đổi câu hỏi khác
        </Button>
      </Group>
    </fieldset>
  );
}
