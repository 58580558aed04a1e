import { Text } from '@mantine/core';
import type { AuditRecord } from '../api/audit-api.js';
import { actionLabel, describeTarget, EMPTY_CELL } from '../audit-labels.js';

/** Pieces of one audit record shared by the desktop table and the phone list. */
export function ActionCell({ action }: { action: string }) {
  const label = actionLabel(action);
  if (label === null) return <span className="mono">{action}</span>;
  return (
    <>
      <Text component="span" display="block" size="sm">
        {label}
      </Text>
      <Text component="span" display="block" size="xs" c="dimmed" className="mono">
        {action}
      </Text>
    </>
  );
}

export function UnitCell({ code, nameOf }: { code: string | null; nameOf: (code: string) => string | null }) {
  if (code === null) return <>{EMPTY_CELL}</>;
  const name = nameOf(code);
  if (name === null) return <span className="mono">{code}</span>;
  return (
    <>
      <Text component="span" display="block" size="sm">
        {name}
      </Text>
      <Text component="span" display="block" size="xs" c="dimmed" className="mono">
        {code}
      </Text>
    </>
  );
}

export function TargetCell({ target }: { target: AuditRecord['target'] }) {
  const described = describeTarget(target);
  if (described === null) return <>{EMPTY_CELL}</>;
  return (
    <>
      {described.kind ? (
        <Text component="span" display="block" size="sm">
          {described.kind}
        </Text>
      ) : null}
      <Text component="span" display="block" size="xs" c="dimmed" className="mono break-anywhere">
        {described.id}
      </Text>
    </>
  );
}
