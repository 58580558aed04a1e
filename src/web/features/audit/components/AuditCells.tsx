import { Text } from '@mantine/core';
import type { AuditRecord } from '../api/audit-api.js';
import { actionLabel, describeTarget, EMPTY_CELL, roleLabel } from '../audit-labels.js';

type NameOf = (code: string) => string | null;

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
  const label = actionLabel(action);
  if (label === null) return <span className="mono">{action}</span>;
  return (
    <Text component="span" display="block" size="sm">
      {label}
    </Text>
  );
}

/** The official by name, with their login name under it; citizens by name; "Hệ thống" when no one. */
export function ActorCell({ record, withRole = false }: { record: AuditRecord; withRole?: boolean }) {
  const role = withRole && record.role ? ` (${roleLabel(record.role)})` : '';
  return (
    <>
      <Text component="span" display="block" size="sm">
        {record.actorName ?? 'Hệ thống'}
        {role}
      </Text>
      {record.actorUsername ? (
        <Text component="span" display="block" size="xs" c="dimmed" className="mono">
          {record.actorUsername}
        </Text>
      ) : null}
    </>
  );
}

export function UnitCell({ code, nameOf }: { code: string | null; nameOf: NameOf }) {
  if (code === null) return <>{EMPTY_CELL}</>;
  return <LabelOverCode label={nameOf(code)} code={code} />;
}

export function TargetCell({ record, nameOf }: { record: AuditRecord; nameOf: NameOf }) {
  const described = describeTarget(record.targetType, record.targetLabel, nameOf);
  if (described === null) return <>{EMPTY_CELL}</>;
  return (
    <>
      <Text component="span" display="block" size="sm">
        {described.kind}
      </Text>
      {described.label ? (
        <Text component="span" display="block" size="xs" className="mono break-anywhere">
          {described.label}
        </Text>
      ) : null}
    </>
  );
}
