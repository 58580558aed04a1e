import { Badge } from '@mantine/core';
import { statusTone, type StatusTone } from '../dossier-format.js';

// Colour doubles the words, never replaces them; theme shades keep 4.5:1 contrast, yellow takes dark text.
const LOOK: Record<StatusTone, { color: string; variant: 'filled' | 'light' | 'outline'; autoContrast?: boolean }> = {
  progress: { color: 'govBlue', variant: 'light' },
  action: { color: 'yellow.4', variant: 'filled', autoContrast: true },
  done: { color: 'govBlue', variant: 'filled' },
  closed: { color: 'gray.8', variant: 'outline' },
};

export function DossierStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <Badge component="span" tt="none" size="lg" radius="sm" classNames={{ root: 'pd-badge', label: 'pd-badge-label' }} data-testid="dossier-status" {...LOOK[statusTone(status)]}>
      {label}
    </Badge>
  );
}
