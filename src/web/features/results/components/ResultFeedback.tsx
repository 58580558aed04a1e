import '../results.css';
import { Alert, CloseButton, Group, Text } from '@mantine/core';
import type { ApiError } from '../../../shared/api.js';
import { ServerErrorDetails } from '../../dossiers/components/ServerErrorDetails.js';
import { errorReason } from '../results-view.js';

/**
 * The server's refusal in Vietnamese and, when the signing service or the certificate gave one, its own reason
 * ("Dịch vụ ký số từ xa từ chối yêu cầu ký…" — "Lý do: người ký không xác nhận trên ứng dụng").
 */
export function ResultErrorAlert({ error, title, onClose }: { error: ApiError | null; title: string; onClose?: () => void }) {
  if (!error) return null;
  const reason = errorReason(error);
  return (
    <Alert
      color="govRed"
      variant="light"
      role="alert"
      title={title}
      data-testid="result-error"
      withCloseButton={onClose !== undefined}
      closeButtonLabel="Ẩn thông báo"
      onClose={onClose}
    >
      <Text size="sm">{error.message}</Text>
      {reason ? (
        <Text size="sm" mt={4} className="break-anywhere" data-testid="result-error-reason">
          Lý do: {reason}
        </Text>
      ) : null}
      <ServerErrorDetails details={error.details} />
    </Alert>
  );
}

/** Focuses an element once, when it appears. */
const focusOnMount = (element: HTMLDivElement | null) => element?.focus();

/**
 * What was just done, focused as it appears (keyed by its text): the button pressed may be gone, as "Trình ký" is once
 * the draft was sent for signature.
 */
export function ResultNotice({ text, onClose }: { text: string | null; onClose: () => void }) {
  if (!text) return null;
  return (
    <Alert key={text} ref={focusOnMount} role="status" data-testid="result-notice" tabIndex={-1} className="res-focus-target" variant="light" color="govBlue">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Text size="sm">{text}</Text>
        <CloseButton size="sm" aria-label="Ẩn thông báo" onClick={onClose} />
      </Group>
    </Alert>
  );
}
