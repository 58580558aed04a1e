import { describe, expect, it } from 'vitest';
import { contrastRatio, labelColour, NO_DATA_FILL, SCORE_PALETTE, scoreFill } from './score-colours.js';

describe('the score colour scale', () => {
  it('goes from the first colour at the minimum to the last at the maximum', () => {
    expect(scoreFill(20, 20, 40)).toBe(SCORE_PALETTE[0]);
    expect(scoreFill(40, 20, 40)).toBe(SCORE_PALETTE.at(-1));
    expect(scoreFill(99, 20, 40)).toBe(SCORE_PALETTE.at(-1));
    expect(scoreFill(25, 25, 25)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps labels readable (WCAG AA, 4.5:1) on every fill of the scale', () => {
    for (let total = 0; total <= 100; total += 2.5) {
      const fill = scoreFill(total, 0, 100);
      expect(contrastRatio(fill, labelColour(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(NO_DATA_FILL, labelColour(NO_DATA_FILL))).toBeGreaterThanOrEqual(4.5);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1a4f94', '#ffffff')).toBeGreaterThan(7);
  });
});
