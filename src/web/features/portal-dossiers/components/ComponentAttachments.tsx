import { Text } from '@mantine/core';

export interface ComponentAttachmentsProps {
  /** componentKey() of the paper (its code, or "#n" for a paper without one). */
  componentKey: string;
  componentName: string;
  /** The citizen has not declared this paper as provided. */
  disabled: boolean;
}

/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ FILE UPLOAD GOES HERE (to be built by the engineer adding attachments).                          │
 * │ One slot per paper of the checklist, rendered by ComponentsChecklist under the paper's "Số bản". │
 * │ Expected: upload the electronic copy (PDF/image) of this paper, list and remove uploaded files,  │
 * │ then carry the file references into SubmissionDraft.components[componentKey] and the request     │
 * │ built by toSubmission() (submission-form.ts).                                                     │
 * └──────────────────────────────────────────────────────────────────────────────────────────────────┘
 * For now it only says that attaching files is not available yet.
 */
export function ComponentAttachments({ componentKey, disabled }: ComponentAttachmentsProps) {
  return (
    <Text size="sm" c="dimmed" data-attachment-slot={componentKey} data-disabled={disabled ? 'true' : 'false'}>
      Đính kèm tệp (bản điện tử): chức năng đang được hoàn thiện.
    </Text>
  );
}
