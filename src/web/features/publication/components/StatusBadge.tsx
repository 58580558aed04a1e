import { Badge } from '@mantine/core';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';
import type { Tone } from '../watchdog-view.js';

const TONE_STYLES: Record<Tone, BadgeLook> = { danger: BADGE_LOOKS.danger, warning: BADGE_LOOKS.warning, past: BADGE_LOOKS.info };

/** A status as a badge: its words, in a colour that matches its urgency. */
export function StatusBadge({ label, tone }: { label: string; tone: Tone }) {
  return (
    <Badge component="span" tt="none" size="md" radius="sm" classNames={{ root: 'pub-badge', label: 'pub-badge-label' }} {...TONE_STYLES[tone]}>
      {label}
    </Badge>
  );
}
