import { Badge } from '@mantine/core';
import type { DossierStatus } from '../../../../domain/dossier/dossier.js';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';

export type Tone = 'danger' | 'warning' | 'info' | 'neutral' | 'success';

const TONE_STYLES: Record<Tone, BadgeLook> = {
  ...BADGE_LOOKS,
  neutral: { color: 'gray', variant: 'outline' },
  success: { color: 'gray', variant: 'light' },
};

/** Words in a badge coloured by urgency or outcome. */
export function ToneBadge({ label, tone, size = 'md' }: { label: string; tone: Tone; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      component="span"
      tt="none"
      size={size}
      radius="sm"
      data-tone={tone}
      classNames={{ root: 'dos-badge', label: 'dos-badge-label' }}
      {...TONE_STYLES[tone]}
    >
      {label}
    </Badge>
  );
}

const STATUS_TONES = {
  submitted: 'info',
  receptionSupplement: 'warning',
  refused: 'neutral',
  accepted: 'info',
  processing: 'info',
  supplementRequested: 'warning',
  feeRequested: 'warning',
  resultReady: 'success',
  returned: 'success',
  withdrawn: 'neutral',
  stopped: 'neutral',
} as const satisfies Record<DossierStatus, Tone>;

export function StatusBadge({ status, label, size }: { status: DossierStatus; label: string; size?: 'sm' | 'md' | 'lg' }) {
  return <ToneBadge label={label} tone={STATUS_TONES[status] ?? 'neutral'} {...(size ? { size } : {})} />;
}

const TIMELINESS_TONES: Record<string, Tone> = {
  early: 'success',
  onTime: 'success',
  late: 'danger',
  lateWithApology: 'danger',
  notYetDue: 'info',
  notDue: 'info',
  overdue: 'danger',
};

export function TimelinessBadge({ timeliness, label }: { timeliness: string; label: string }) {
  return <ToneBadge label={label} tone={TIMELINESS_TONES[timeliness] ?? 'neutral'} size="sm" />;
}
