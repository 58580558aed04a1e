import '../payments.css';
import { Badge } from '@mantine/core';
import { BADGE_LOOKS, type BadgeLook } from '../../../shared/badge-looks.js';
import type { PaymentTone } from '../payment-view.js';

const LOOKS: Record<PaymentTone, BadgeLook> = {
  success: { color: 'gray', variant: 'light' },
  warning: BADGE_LOOKS.warning,
  info: BADGE_LOOKS.info,
  danger: BADGE_LOOKS.danger,
  neutral: { color: 'gray.8', variant: 'outline' },
};

/** A fee line's or a payment's state in words; the colour only helps (paid: green, to pay: yellow, failed: red). */
export function PaymentBadge({ label, tone, testId }: { label: string; tone: PaymentTone; testId?: string }) {
  return (
    <Badge
      component="span"
      tt="none"
      radius="sm"
      data-tone={tone}
      data-testid={testId}
      classNames={{ root: 'pay-badge', label: 'pay-badge-label' }}
      {...LOOKS[tone]}
    >
      {label}
    </Badge>
  );
}
