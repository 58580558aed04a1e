import { Badge } from '@mantine/core';
import type { Tone } from '../watchdog-view.js';

// Colour doubles the text, never replaces it. Theme shades keep 4.5:1 contrast; yellow takes dark text.
const TONE_STYLES: Record<Tone, { color: string; variant: 'filled' | 'light' | 'outline'; autoContrast?: boolean }> = {
  danger: { color: 'govRed', variant: 'filled' },
  warning: { color: 'yellow.4', variant: 'filled', autoContrast: true },
  past: { color: 'govBlue', variant: 'light' },
};

/** A status as a badge: its words, in a colour that matches its urgency. */
export function StatusBadge({ label, tone }: { label: string; tone: Tone }) {
  return (
    <Badge component="span" tt="none" size="md" radius="sm" classNames={{ root: 'pub-badge', label: 'pub-badge-label' }} {...TONE_STYLES[tone]}>
      {label}
    </Badge>
  );
}
