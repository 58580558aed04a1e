import { Badge } from '@mantine/core';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../../domain/par-index/assessment.js';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';

const LOOKS: Record<AssessmentStatus, BadgeLook> = {
  draft: BADGE_LOOKS.info,
  submitted: BADGE_LOOKS.warning,
  returned: BADGE_LOOKS.danger,
  appraised: { color: 'govBlue', variant: 'filled' },
};

/** A unit's assessment status, in words (colour only doubles them). */
export function AssessmentBadge({ status }: { status: AssessmentStatus }) {
  const look = LOOKS[status];
  return (
    <Badge color={look.color} variant={look.variant} autoContrast={look.autoContrast} className="par-badge">
      {ASSESSMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A round open for self-assessment, or closed. */
export function RoundBadge({ status }: { status: 'open' | 'closed' }) {
  const look = status === 'open' ? BADGE_LOOKS.info : { color: 'gray.7', variant: 'filled' as const };
  return (
    <Badge color={look.color} variant={look.variant} className="par-badge">
      {status === 'open' ? 'Đang mở' : 'Đã kết thúc'}
    </Badge>
  );
}
