import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { ATTACHMENT_ACCEPT } from '../../../shared/attachments.js';
import { addPages, movePage, pageLabel, removePage, SCAN_MAX_PAGES, type ScanPage } from '../scan-pages.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';

interface ScanPagesFieldProps {
  id: string;
  pages: readonly ScanPage[];
  onChange: (pages: ScanPage[]) => void;
  error?: string | undefined;
}

let sequence = 0;
function localId(): string {
  sequence += 1;
  return `trang-${Date.now().toString(36)}-${sequence}`;
}

/**
 * The scanner's pages, in order: add them one by one (or several at once), see their order, move one earlier or
 * later, remove one. One PDF stands alone; images are made into one PDF by the server, in this order.
 */
export function ScanPagesField({ id, pages, onChange, error }: ScanPagesFieldProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const resetRef = useRef<() => void>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const listId = useId();

  function add(files: File[]) {
    const added = addPages(
      pages,
      files.map((file) => ({ id: localId(), file })),
    );
    setProblems(added.problems);
    resetRef.current?.();
    if (added.pages.length !== pages.length) onChange(added.pages);
  }

  return (
    <Stack gap={6} data-testid="scan-pages-field">
      <Text size="sm" fw={500} id={listId}>
        Trang quét ({pages.length}/{SCAN_MAX_PAGES})
      </Text>
      <Group gap="sm" align="center">
        <FileButton onChange={add} accept={ATTACHMENT_ACCEPT} multiple resetRef={resetRef}>
          {(props) => (
            <Button {...props} ref={addButton} id={id} variant="outline" size="sm" aria-describedby={`${hintId}${error ? ` ${id}-loi` : ''}`}>
              Thêm trang quét
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" id={hintId}>
          Một tệp PDF, hoặc ảnh PNG, JPEG của từng trang theo thứ tự (mỗi tệp tối đa 10 MB); các ảnh được ghép thành một tệp PDF.
        </Text>
      </Group>
      {pages.length > 0 ? (
        <ol className="dig-pages" aria-labelledby={listId} data-testid="scan-pages">
          {pages.map((page, index) => {
            const label = pageLabel(page, index, pages.length);
            return (
              <li key={page.id}>
                <Text size="sm" className="break-anywhere">
                  {label}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Đưa lên trước – ${label}`}
                    disabled={index === 0}
                    onClick={() => onChange(movePage(pages, index, -1))}
                  >
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Đưa xuống sau – ${label}`}
                    disabled={index === pages.length - 1}
                    onClick={() => onChange(movePage(pages, index, 1))}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <Button
                    variant="subtle"
                    color="govRed"
                    size="compact-sm"
                    aria-label={`Xóa – ${label}`}
                    onClick={() => {
                      onChange(removePage(pages, page.id));
                      addButton.current?.focus();
                    }}
                  >
                    Xóa
                  </Button>
                </Group>
              </li>
            );
          })}
        </ol>
      ) : null}
      <ProblemList problems={problems} />
      {error ? (
        <Text id={`${id}-loi`} size="sm" c="govRed.7">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
