import '../payments.css';
import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ApiError } from '../../../shared/api.js';
import { ServerErrorDetails } from '../../dossiers/components/ServerErrorDetails.js';

/** Under a payment form: the server's refusal in Vietnamese, with the fields at fault. */
export function FormError({ error, title }: { error: ApiError | null; title: string }) {
  if (!error) return null;
  return (
    <Alert color="govRed" variant="light" role="alert" title={title}>
      {error.message}
      <ServerErrorDetails details={error.details} />
    </Alert>
  );
}

/** What was just saved, focused (the form it came from may be gone once nothing is left to collect). */
export function SavedNotice({ text, onClose }: { text: string | null; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      className="pay-focus-target"
      color="govBlue"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel="Ẩn thông báo"
      onClose={onClose}
      data-testid="payment-notice"
    >
      {text}
    </Alert>
  );
}
