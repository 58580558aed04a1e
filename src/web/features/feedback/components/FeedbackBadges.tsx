import '../../dossiers/dossiers.css';
import { Stack, Text } from '@mantine/core';
import type { FeedbackStatus } from '../../../../domain/feedback/feedback.js';
import { ToneBadge } from '../../dossiers/components/ToneBadge.js';
import type { FeedbackSummary } from '../api/feedback-api.js';
import { lateText, nextDeadline, STATUS_TONES } from '../feedback-view.js';

export function FeedbackStatusBadge({ status, label }: { status: FeedbackStatus; label: string }) {
  return <ToneBadge label={label} tone={STATUS_TONES[status]} />;
}

/** "Trễ hạn" in red, with the deadlines missed in words; nothing when none was. */
export function LateBadge({ late }: { late: readonly string[] }) {
  if (late.length === 0) return null;
  return (
    <Stack gap={2} data-testid="late" title={lateText(late) ?? undefined}>
      <ToneBadge label="Trễ hạn" tone="danger" />
      {late.map((label) => (
        <Text key={label} size="xs" c="govRed.9">
          {label}
        </Text>
      ))}
    </Stack>
  );
}

/** The next deadline: what it is for and when (dd/MM/yyyy HH:mm), "Sắp đến hạn" within two days; "—" when none. */
export function NextDeadline({ next, now }: { next: FeedbackSummary['next']; now: Date }) {
  const deadline = nextDeadline(next, now);
  if (!deadline || !next) return <>—</>;
  return (
    <Stack gap={2} data-testid="next-deadline">
      <Text size="xs">{deadline.label}</Text>
      <time dateTime={next.dueAt}>{deadline.at}</time>
      {deadline.tone === 'info' ? null : <ToneBadge label={deadline.tone === 'danger' ? 'Quá hạn' : 'Sắp đến hạn'} tone={deadline.tone} size="sm" />}
    </Stack>
  );
}
