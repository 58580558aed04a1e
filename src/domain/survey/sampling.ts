/**
 * How many to ask and whom (INTEGRATIONS §5, the Ministry of Home Affairs' guide): the sample size of a population of
 * N transactions at a margin of error e is `n = N / (1 + N·e²)`, rounded up; the sample is drawn at random from the
 * population, reproducibly from a seed; the margin of error of r answers out of N is the same formula read backwards,
 * `e = √(1/r − 1/N)`. Pure: shared by the server and the web app.
 */

/** e = 5%, the guide's. */
export const DEFAULT_MARGIN = 0.05;
/** Margins are kept in basis points (1/10,000), so that the formula stays in whole numbers. */
export const MARGIN_SCALE = 10_000;

/** 0.05 → 500. */
export const marginBasisPoints = (margin: number): number => Math.round(margin * MARGIN_SCALE);

/**
 * The sample size for a population of `population` at the margin `margin` (a fraction: 0.05 for 5%), rounded up.
 * Computed in whole numbers, N·10⁸ / (10⁸ + N·k²) with k the margin in basis points, so that no rounding of a
 * binary fraction can make an exact 80 into an 81.
 */
export function sampleSize(population: number, margin: number = DEFAULT_MARGIN): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population must be a whole number ≥ 0: ${population}`);
  const k = marginBasisPoints(margin);
  if (k <= 0 || k > MARGIN_SCALE) throw new RangeError(`margin must lie in (0, 1]: ${margin}`);
  if (population === 0) return 0;
  const scale = BigInt(MARGIN_SCALE) * BigInt(MARGIN_SCALE);
  const numerator = BigInt(population) * scale;
  const denominator = scale + BigInt(population) * BigInt(k) * BigInt(k);
  return Number((numerator + denominator - 1n) / denominator);
}

/**
 * The margin of error, in percentage points rounded to 2 decimals, of `responses` answers drawn from `population`:
 * 0 for a census, null without answers or when the population counted is smaller than the answers (not known).
 */
export function marginOfError(responses: number, population: number): number | null {
  if (responses <= 0 || population < responses) return null;
  const e = Math.sqrt(Math.max(0, 1 / responses - 1 / population));
  return Math.round(e * 10_000) / 100;
}

/** 32-bit FNV-1a of a string (its UTF-16 code units). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The murmur3 finaliser: every bit of the input flips about half the bits of the output. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Numbers in [0, 1) from a seed, the same sequence on every machine: a counter stepped by the golden ratio from the
 * seed's hash, each step mixed (a counter-based generator, as SplitMix).
 */
export function seededRandom(seed: string): () => number {
  const base = fnv1a(seed);
  let counter = 0;
  return () => {
    counter += 1;
    return mix32(base + Math.imul(counter, 0x9e3779b9)) / 4294967296;
  };
}

/**
 * `size` distinct positions in [0, population), chosen at random from `seed` (Floyd's algorithm: every subset of that
 * size equally likely), in ascending order. The same seed, population and size give the same positions.
 */
export function drawSample(population: number, size: number, seed: string): number[] {
  if (!Number.isInteger(size) || size < 0 || size > population) throw new RangeError(`cannot draw ${size} of ${population}`);
  const random = seededRandom(seed);
  const chosen = new Set<number>();
  for (let j = population - size; j < population; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}
