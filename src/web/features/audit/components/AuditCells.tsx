import { Text } from '@mantine/core';
import type { AuditRecord } from '../api/audit-api.js';
import { actionLabel, describeTarget, EMPTY_CELL } from '../audit-labels.js';

/** A readable label over its machine code; the code alone when there is no label. */
function LabelOverCode({ label, code }: { label: string | null; code: string }) {
  if (label === null) return <span className="mono">{code}</span>;
  return (
    <>
      <Text component="span" display="block" size="sm">
        {label}
      </Text>
      <Text component="span" display="block" size="xs" c="dimmed" className="mono">
        {code}
      </Text>
    </>
  );
}

/** Pieces of one audit record shared by the desktop table and the phone list. */
export function ActionCell({ action }: { action: string }) {
  return <LabelOverCode label={actionLabel(action)} code={action} />;
}

export function UnitCell({ code, nameOf }: { code: string | null; nameOf: (code: string) => string | null }) {
  if (code === null) return <>{EMPTY_CELL}</>;
  return <LabelOverCode label={nameOf(code)} code={code} />;
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
