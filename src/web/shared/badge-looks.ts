/** How a badge looks: a theme colour and a variant; `autoContrast` gives a light colour dark text. */
export interface BadgeLook {
  color: string;
  variant: 'filled' | 'light' | 'outline';
  autoContrast?: boolean;
}

/**
 * The looks every badge of the app gives the same meaning. Colour doubles the words, never replaces them;
 * theme shades keep 4.5:1 contrast, yellow takes dark text.
 */
export const BADGE_LOOKS = {
  /** Late, refused, overdue. */
  danger: { color: 'govRed', variant: 'filled' },
  /** Something to do soon, or waiting on someone. */
  warning: { color: 'yellow.4', variant: 'filled', autoContrast: true },
  /** Under way, or for information. */
  info: { color: 'govBlue', variant: 'light' },
} as const satisfies Record<string, BadgeLook>;
