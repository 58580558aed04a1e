import { Group } from '@mantine/core';
import { urgencyBadges } from '../urgency.js';
import { ToneBadge } from './ToneBadge.js';

interface UrgencyBadgesProps {
  status: string;
  dueAt: string | null;
  stepDueAt: string | null;
  /** The server's one judgement, when known. */
  timeliness?: string | null;
  now: Date;
}

/** The dossier's due date, then its current step's budget when it runs short; "paused" while waiting for a supplement. */
export function UrgencyBadges({ status, dueAt, stepDueAt, timeliness, now }: UrgencyBadgesProps) {
  const badges = urgencyBadges({ status, dueAt, stepDueAt, timeliness }, now);
  if (badges.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" data-testid="urgency">
      {badges.map((b) => (
        <ToneBadge key={b.label} label={b.label} tone={b.tone} />
      ))}
    </Group>
  );
}
