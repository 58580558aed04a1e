import '../feedback.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Alert, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

interface ErrorSummaryProps {
  title: string;
  /** The fields at fault, each linked to its input. */
  entries: readonly { id: string; message: string }[];
  /** Problems of no field (the server's general message). */
  other?: readonly string[];
  /** Bumped on each refused attempt: the summary takes focus again. */
  attempt: number;
}

/** The problems of a form, above it: each a link that moves focus to its field; focused on each refused attempt. */
export function ErrorSummary({ title, entries, other = [], attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = entries.length + other.length > 0;
  useEffect(() => {
    if (attempt > 0 && shown) ref.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <Alert ref={ref} tabIndex={-1} className="pd-focus-target" color="govRed" variant="light" title={title} role="alert" data-testid="error-summary">
      {other.map((message) => (
        <Text key={message} size="sm" className="break-anywhere">
          {message}
        </Text>
      ))}
      {entries.length > 0 ? (
        <ul className="fb-history">
          {entries.map((entry) => (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                className="break-anywhere"
                style={{ color: 'var(--mantine-color-govRed-9)' }}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(entry.id)?.focus();
                }}
              >
                {entry.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
