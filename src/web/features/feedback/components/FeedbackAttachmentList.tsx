import { Alert, Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '../../../shared/api.js';
import { saveBlob } from '../../../shared/download.js';
import { attachmentFile, attachmentPath, type FeedbackAttachmentRow } from '../api/feedback-api.js';
import { attachmentFacts } from '../my-feedback-view.js';

interface Props {
  itemId: string;
  attachments: readonly FeedbackAttachmentRow[];
  /** The reporter's tracking secret; null for a session that may read the files (the handling unit, the sender's account). */
  secret?: string | null;
}

/**
 * An item's attachments, each name a download: a plain link for a session that may read them; with the tracking
 * secret, a button that sends it in a header (never in the address) and hands the file to the browser.
 */
export function FeedbackAttachmentList({ itemId, attachments, secret = null }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (attachments.length === 0) return <Text>Không có tệp đính kèm.</Text>;

  async function download(attachment: FeedbackAttachmentRow, key: string) {
    setPending(attachment.id);
    setError(null);
    try {
      const file = await attachmentFile(itemId, attachment, key);
      saveBlob(file.blob, file.fileName ?? attachment.name);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      {error ? (
        <Alert color="govRed" variant="light" role="alert" title="Không tải được tệp">
          {error}
        </Alert>
      ) : null}
      <ul className="fb-history" data-testid="attachments">
        {attachments.map((a) => (
          <li key={a.id} className="break-anywhere">
            {secret === null ? (
              <Anchor href={attachmentPath(itemId, a.id)} download={a.name} aria-label={`Tải tệp ${a.name}`}>
                {a.name}
              </Anchor>
            ) : (
              <Anchor
                component="button"
                type="button"
                className="fb-link-button"
                onClick={() => void download(a, secret)}
                disabled={pending !== null}
                aria-busy={pending === a.id}
                aria-label={`Tải tệp ${a.name}`}
              >
                {a.name}
              </Anchor>
            )}{' '}
            <Text component="span" size="sm">
              ({pending === a.id ? 'đang tải…' : attachmentFacts(a)})
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}
