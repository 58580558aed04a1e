/**
 * Colours of a score among sibling units: a red–blue diverging scale (readable with the common colour
 * vision deficiencies), from the lowest to the highest total shown, and for each fill the label colour,
 * black or white, that keeps WCAG AA contrast (at least 4.5:1).
 */

/** Low → high (ColorBrewer RdBu, 8 classes). */
export const SCORE_PALETTE = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'] as const;

/** A unit without dossiers in the period. */
export const NO_DATA_FILL = '#dee2e6';

function channels(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the fill. */
export function labelColour(fill: string): '#000000' | '#ffffff' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** The fill of a total on the scale from `min` (first colour) to `max` (last), interpolated between classes. */
export function scoreFill(total: number, min: number, max: number): string {
  const t = max > min ? Math.min(1, Math.max(0, (total - min) / (max - min))) : 0.5;
  const position = t * (SCORE_PALETTE.length - 1);
  const i = Math.min(SCORE_PALETTE.length - 2, Math.floor(position));
  const f = position - i;
  const [a, b] = [channels(SCORE_PALETTE[i]!), channels(SCORE_PALETTE[i + 1]!)];
  return toHex(a.map((c, k) => c + (b[k]! - c) * f));
}

/** The CSS gradient of the legend, low on the left. */
export function paletteGradient(): string {
  return `linear-gradient(to right, ${SCORE_PALETTE.join(', ')})`;
}
