import { Badge } from '@mantine/core';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';
import { statusTone, type StatusTone } from '../dossier-format.js';

const LOOK: Record<StatusTone, BadgeLook> = {
  progress: BADGE_LOOKS.info,
  action: BADGE_LOOKS.warning,
  done: { color: 'govBlue', variant: 'filled' },
  closed: { color: 'gray.8', variant: 'outline' },
};

export function DossierStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge
      component="span"
      tt="none"
      size="lg"
      radius="sm"
      classNames={{ root: 'pd-badge', label: 'pd-badge-label' }}
      data-testid="dossier-status"
      {...LOOK[statusTone(status)]}
    >
      {label}
    </Badge>
  );
}
