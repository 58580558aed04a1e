import '../feedback.css';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { ATTACHMENT_ACCEPT, formatFileSize } from '../../../shared/attachments.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { addFiles, type ChosenFile } from '../feedback-files.js';
import { FIELD_IDS } from '../feedback-form.js';

interface FileAttachmentsProps {
  files: readonly ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  max: number;
  /** The server's word on a file (its content is not what its name says). */
  error?: string | undefined;
}

let nextId = 0;
const newId = () => `tep-${++nextId}`;

/** Up to `max` files, PDF, PNG or JPEG of at most 5 MB each: chosen, listed, removed; refused ones with their reason. */
export function FileAttachments({ files, onChange, max, error }: FileAttachmentsProps) {
  const hintId = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const full = files.length >= max;
  return (
    <Stack gap="xs">
      <label htmlFor={FIELD_IDS.attachments}>
        <Text component="span" fw={500} size="sm">
          Tệp đính kèm (không bắt buộc)
        </Text>
      </label>
      <Text id={hintId} size="sm">
        Tối đa {max} tệp PDF, PNG hoặc JPEG, mỗi tệp không quá 5 MB.{full ? ' Đã đủ số tệp: bỏ bớt một tệp để chọn tệp khác.' : ''}
      </Text>
      <input
        id={FIELD_IDS.attachments}
        className="fb-file-input"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        disabled={full}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const picked = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          const added = addFiles(files, picked, max, newId);
          setProblems(added.problems);
          onChange(added.files);
        }}
      />
      <ProblemList problems={error ? [error, ...problems] : problems} />
      {files.length > 0 ? (
        <ul className="fb-list" aria-label="Tệp đã chọn">
          {files.map((f) => (
            <li key={f.id}>
              <Group gap="sm" wrap="wrap">
                <Text size="sm" className="break-anywhere">
                  {f.file.name} ({formatFileSize(f.file.size)})
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="govRed"
                  onClick={() => onChange(files.filter((x) => x.id !== f.id))}
                  aria-label={`Bỏ tệp ${f.file.name}`}
                >
                  Bỏ tệp
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}
