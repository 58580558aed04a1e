import { Anchor, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm government palette. Shade 7 (the primary shade) keeps ≥ 4.5:1 contrast with white text,
 * and every "light" variant pairs shade 1 with shade 9, so Mantine's defaults stay WCAG AA.
 */
const govBlue: MantineColorsTuple = ['#e7eff9', '#cfdef2', '#a0bde6', '#6e9ad8', '#4a7fcd', '#3470c6', '#2563b4', '#1a4f94', '#133f78', '#0c2f5c'];

const govRed: MantineColorsTuple = ['#fdeceb', '#f9d4d2', '#f1a7a3', '#e87771', '#e04f48', '#db3a32', '#c92d25', '#a8221c', '#8c1b16', '#6f1410'];

export const theme = createTheme({
  primaryColor: 'govBlue',
  primaryShade: { light: 7, dark: 5 },
  colors: { govBlue, govRed },
  defaultRadius: 'sm',
  fontFamily: 'Roboto, "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily: 'Roboto, "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    // Page titles shrink on phones so a Vietnamese title rarely breaks into a lonely last word.
    sizes: {
      h1: { fontSize: 'clamp(1.625rem, 1.25rem + 1.6vw, 2.125rem)', lineHeight: '1.25' },
      h2: { fontSize: 'clamp(1.375rem, 1.15rem + 0.9vw, 1.625rem)', lineHeight: '1.3' },
    },
  },
  components: {
    // Links inside text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Mantine's dimmed (gray 6) and error (red 6) text fall below 4.5:1 on white; darken both. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-govRed-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
