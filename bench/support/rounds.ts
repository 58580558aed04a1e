/**
 * Interleaved rounds: a ratio is measured as bare, full, bare, full, … so that a neighbour's load or the machine's
 * drift falls on both sides alike; each round gives one ratio, and the bench reports the median ratio with its
 * spread (the lowest and highest round), never a single pass.
 */
export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, values };
}

/** "41.2 % (39.8–43.0)": the median and the range of the rounds. */
export function showSpread(s: Spread, digits = 1, unit = ' %'): string {
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/**
 * Run `rounds` rounds; in each, every step runs once, in order. Returns each step's results by round.
 * Steps are named; a ratio is then `spread(results.full.map((f, i) => f.rps / results.bare[i].rps))`.
 */
export async function interleave<T>(
  rounds: number,
  steps: { name: string; run: () => Promise<T> }[],
  onResult?: (round: number, name: string, result: T) => void,
): Promise<Map<string, T[]>> {
  const results = new Map<string, T[]>(steps.map((s) => [s.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const step of steps) {
      const result = await step.run();
      results.get(step.name)!.push(result);
      onResult?.(round, step.name, result);
    }
  }
  return results;
}
