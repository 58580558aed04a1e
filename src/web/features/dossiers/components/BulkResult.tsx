import { Alert, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { BulkRun } from '../hooks/useBulkAction.js';

/** After a bulk action: how many dossiers were done, and each one that was not, with the reason. */
export function BulkResult({ run, onClose }: { run: BulkRun; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [run]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color={run.allDone ? 'govBlue' : 'yellow'}
      variant="light"
      role={run.allDone ? 'status' : 'alert'}
      data-testid="bulk-result"
      withCloseButton
      closeButtonLabel="Ẩn thông báo"
      onClose={onClose}
    >
      <Text fw={700} size="sm" data-testid="bulk-summary">
        {run.summary}.
      </Text>
      {run.failures.length > 0 ? (
        <ul className="dos-history" aria-label="Hồ sơ chưa thực hiện được">
          {run.failures.map((f) => (
            <li key={f.id} className="break-anywhere">
              <span className="mono">{f.code}</span>: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
