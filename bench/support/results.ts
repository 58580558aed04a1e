/**
 * Every bench records its figures here, one JSON line each, and `bench/summary.ts` prints them as one table at the
 * end of `npm run bench`. The file lives in `.bench/` (ignored by git); BENCH_RESULTS names another.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Spread } from './rounds.js';

export const RESULTS_FILE = process.env.BENCH_RESULTS ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bench', 'results.jsonl');

export interface Figure {
  bench: string;
  /** What was measured, e.g. "POST …/actions, % of bare transaction". */
  name: string;
  /** The figure: a median with its spread when measured in rounds. */
  value: number;
  spread?: { min: number; max: number } | undefined;
  unit: string;
  /** The goal, e.g. "≥ 50" or "≤ 100"; the verdict is computed from it. */
  goal?: string | undefined;
  /** The size and engine it was measured at, e.g. "PostgreSQL, 1,000,100 dossiers". */
  at: string;
  machine: string;
}

export function meets(value: number, goal: string | undefined): boolean | undefined {
  if (!goal) return undefined;
  const m = /^([≥≤])\s*([\d.]+)$/.exec(goal.trim());
  if (!m) return undefined;
  const bound = Number(m[2]);
  return m[1] === '≥' ? value >= bound : value <= bound;
}

export function record(figure: Omit<Figure, 'spread'> & { spread?: Spread | { min: number; max: number } }): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const spread = figure.spread ? { min: figure.spread.min, max: figure.spread.max } : undefined;
  appendFileSync(RESULTS_FILE, `${JSON.stringify({ ...figure, spread })}\n`);
}

export function readResults(): Figure[] {
  if (!existsSync(RESULTS_FILE)) return [];
  return readFileSync(RESULTS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Figure);
}
