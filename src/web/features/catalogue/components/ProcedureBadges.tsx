import { Badge } from '@mantine/core';
import { ONLINE_LEVEL_LABELS, type OnlineLevel } from '../../../../domain/catalogue/procedure.js';
import { HAS_FEE_TEXT, NO_FEE_TEXT } from '../catalogue-format.js';

const badgeStyles = {
  root: { height: 'auto', minHeight: '1.5rem' },
  label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, paddingBlock: 2 },
} as const;

const ONLINE_LEVEL_LOOK = {
  full: { variant: 'filled', color: 'govBlue' },
  partial: { variant: 'light', color: 'govBlue' },
  none: { variant: 'outline', color: 'gray.8' },
} as const satisfies Record<OnlineLevel, { variant: string; color: string }>;

/** "Dịch vụ công trực tuyến toàn trình" and its kin; wraps instead of widening a phone screen. */
export function OnlineLevelBadge({ level }: { level: OnlineLevel }) {
  const look = ONLINE_LEVEL_LOOK[level];
  return (
    <Badge component="span" tt="none" size="md" radius="sm" variant={look.variant} color={look.color} styles={badgeStyles}>
      {ONLINE_LEVEL_LABELS[level]}
    </Badge>
  );
}

export function FeeBadge({ hasFee }: { hasFee: boolean }) {
  return (
    <Badge component="span" tt="none" size="md" radius="sm" variant="outline" color={hasFee ? 'govRed.7' : 'gray.8'} styles={badgeStyles}>
      {hasFee ? HAS_FEE_TEXT : NO_FEE_TEXT}
    </Badge>
  );
}

export function LocationIndependentBadge() {
  return (
    <Badge component="span" tt="none" size="md" radius="sm" variant="outline" color="govBlue.8" styles={badgeStyles}>
      Nộp ở bất kỳ đâu trong tỉnh
    </Badge>
  );
}
