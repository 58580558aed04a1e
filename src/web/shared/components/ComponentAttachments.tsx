import { Button, FileButton, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { ATTACHMENT_ACCEPT, checkAttachment, formatFileSize, type Attachment } from '../attachments.js';
import { ProblemList } from './ProblemList.js';

/** The words of the picker: the citizen attaches electronic copies, the desk attaches scans. */
export interface AttachmentWording {
  /** The button. */
  pick: string;
  /** Why the button is disabled (the component is not ticked). */
  disabledHint: string;
  /** After a file chosen while the component is not ticked. */
  disabledNote: string;
}

const PORTAL_WORDING: AttachmentWording = {
  pick: 'Chọn tệp đính kèm',
  disabledHint: 'Đánh dấu đã có giấy tờ để đính kèm bản điện tử.',
  disabledNote: 'chỉ gửi khi đánh dấu đã có giấy tờ',
};

export interface ComponentAttachmentsProps {
  /** The key of the component in the form (its code, or "#n" for a component without one). */
  componentKey: string;
  componentName: string;
  /** The component is not ticked as provided. */
  disabled: boolean;
  /** The component has no code in the catalogue, so the server cannot file anything under it. */
  unavailable?: boolean;
  attachments: readonly Attachment[];
  onChange: (attachments: Attachment[]) => void;
  wording?: AttachmentWording;
}

let sequence = 0;
function localId(): string {
  sequence += 1;
  return `tep-${Date.now().toString(36)}-${sequence}`;
}

/**
 * The files of one component (PDF, PNG, JPEG up to 10 MB each): picked, checked and listed here, kept in
 * memory (not in a draft), and sent once the dossier is created.
 */
export function ComponentAttachments({
  componentKey,
  componentName,
  disabled,
  unavailable = false,
  attachments,
  onChange,
  wording = PORTAL_WORDING,
}: ComponentAttachmentsProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const hintId = useId();
  // Cleared after each pick, so that choosing the same file again (after removing it) is noticed.
  const resetRef = useRef<() => void>(null);

  if (unavailable) {
    return (
      <Text size="sm" c="dimmed" data-attachment-slot={componentKey}>
        Giấy tờ này chưa có mã trong danh mục nên chưa đính kèm tệp được; vui lòng dùng bản giấy.
      </Text>
    );
  }

  function pick(files: File[]) {
    const added: Attachment[] = [];
    const refused: string[] = [];
    for (const file of files) {
      const check = checkAttachment(file);
      if (check.ok) added.push({ id: localId(), file, contentType: check.contentType });
      else refused.push(check.message);
    }
    setProblems(refused);
    resetRef.current?.();
    if (added.length > 0) onChange([...attachments, ...added]);
  }

  return (
    <Stack gap={6} data-attachment-slot={componentKey} data-disabled={disabled ? 'true' : 'false'}>
      <Group gap="sm" wrap="wrap" align="center">
        <FileButton onChange={pick} accept={ATTACHMENT_ACCEPT} multiple disabled={disabled} resetRef={resetRef}>
          {(props) => (
            <Button {...props} variant="outline" size="xs" disabled={disabled} aria-describedby={hintId}>
              {wording.pick}
              <VisuallyHidden component="span">: {componentName}</VisuallyHidden>
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" id={hintId}>
          {disabled ? `${wording.disabledHint} ` : ''}PDF, PNG hoặc JPEG, mỗi tệp tối đa 10 MB.
        </Text>
      </Group>
      <ProblemList problems={problems} />
      {attachments.length > 0 ? (
        <ul className="attachment-files" aria-label={`Tệp đính kèm: ${componentName}`} data-testid="attached-files">
          {attachments.map((a) => (
            <li key={a.id}>
              <Text size="sm" className="break-anywhere">
                {a.file.name}{' '}
                <Text component="span" size="sm" c="dimmed">
                  ({formatFileSize(a.file.size)})
                </Text>
                {disabled ? (
                  <Text component="span" size="sm" c="dimmed">
                    {' '}
                    — {wording.disabledNote}
                  </Text>
                ) : null}
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  setProblems([]);
                  onChange(attachments.filter((x) => x.id !== a.id));
                }}
              >
                Bỏ tệp<VisuallyHidden component="span"> {a.file.name}</VisuallyHidden>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}
