import '../../portal-dossiers/portal-dossiers.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useUnits } from '../../units/hooks/useUnits.js';
import { submitFeedback, type FeedbackReceipt } from '../api/feedback-api.js';
import { PORTAL_MAX_FILES } from '../feedback-files.js';
import { EMPTY_FEEDBACK, submitBody, validateFeedback, type FeedbackValues } from '../feedback-form.js';
import { useChallenge } from '../hooks/useFeedback.js';
import { useFeedbackForm } from '../hooks/useFeedbackForm.js';
import { ChallengeField } from './ChallengeField.js';
import { ErrorSummary } from './ErrorSummary.js';
import { FeedbackTextFields } from './FeedbackTextFields.js';
import { FileAttachments } from './FileAttachments.js';
import { ReporterFieldset } from './ReporterFieldset.js';
import { SimilarAnswers } from './SimilarAnswers.js';

interface FeedbackFormProps {
  /** The signed-in citizen's name; null without an account (the challenge is then asked). */
  citizenName: string | null;
  onSent: (receipt: FeedbackReceipt) => void;
}

/**
 * The portal's form: what it is about (with the answers already published that resemble its title), who sends it or
 * that it is anonymous, the consent to show the name, up to 3 files, and without an account the challenge (a new
 * question after a wrong answer).
 */
export function FeedbackForm({ citizenName, onSent }: FeedbackFormProps) {
  const signedIn = citizenName !== null;
  const validate = (v: FeedbackValues) => validateFeedback(v, { challenge: !signedIn });
  const form = useFeedbackForm<FeedbackValues>(() => ({ ...EMPTY_FEEDBACK, reporterMode: signedIn ? 'account' : 'contact' }), validate);
  const { values, errors, change } = form;
  const challenge = useChallenge(!signedIn);
  const { data: unitData } = useUnits();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = signedIn ? null : (challenge.data?.token ?? '');
    const receipt = await form.submit(
      (attachments) => submitFeedback(submitBody(values, attachments, token)),
      (e) => {
        if (e.code !== 'FEEDBACK_CHALLENGE_FAILED') return null;
        // A new question: the old one cannot be answered again.
        change({ challenge: '' });
        challenge.reload();
        return { challenge: e.message };
      },
    );
    if (receipt) onSent(receipt);
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Gửi phản ánh, kiến nghị">
      <Stack gap="lg">
        <ErrorSummary title="Phản ánh chưa gửi được" entries={form.summary} other={form.other} attempt={form.attempt} />
        <fieldset className="pd-fieldset">
          <legend>Nội dung phản ánh, kiến nghị</legend>
          <FeedbackTextFields
            values={values}
            errors={errors}
            onChange={change}
            units={unitData?.units}
            unitRequired={false}
            afterTitle={<SimilarAnswers title={values.title} />}
          />
        </fieldset>
        <ReporterFieldset values={values} errors={errors} onChange={change} accountName={citizenName} legend="Người gửi phản ánh" />
        <fieldset className="pd-fieldset">
          <legend>Tài liệu kèm theo</legend>
          <FileAttachments files={form.files} onChange={form.setFiles} max={PORTAL_MAX_FILES} error={errors.attachments} />
        </fieldset>
        {signedIn ? null : (
          <ChallengeField challenge={challenge} value={values.challenge} error={errors.challenge} onChange={(answer) => change({ challenge: answer })} />
        )}
        <Text size="sm">
          Sau khi gửi, bạn nhận được mã phản ánh và mã tra cứu để theo dõi. Câu trả lời được công khai trên Cổng; thông tin liên hệ của bạn không bao giờ được
          công khai.
        </Text>
        <Group>
          <Button type="submit" size="md" loading={form.pending}>
            Gửi phản ánh
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
