/**
 * Scoring an index (issue 23 §2–5): the points of a sub-criterion from a unit's answer, a figure or a survey result;
 * the final points once appraised; totals per criterion, field and unit; and the ranking of the units of a level,
 * with the change from last year.
 */
import { maxOfCriterion, maxOfField, maxOfScheme, round2, type SchemeDefinition, type SubCriterion } from './scheme.js';

/** What a unit (or the system, for figures) answers for a sub-criterion. */
export type Answer =
  | { kind: 'yesNo'; done: boolean }
  | { kind: 'levels'; level: number }
  | { kind: 'figure'; value: number | null }
  | { kind: 'survey'; value: number | null }
  | { kind: 'manual'; points: number };

const clamp = (x: number, max: number) => round2(Math.min(max, Math.max(0, x)));

/** The points an answer earns under the sub-criterion's method; null when it cannot be scored (wrong kind, no figure). */
export function pointsFor(sub: SubCriterion, answer: Answer): number | null {
  const m = sub.method;
  if (answer.kind !== m.kind) return null;
  switch (answer.kind) {
    case 'yesNo':
      return answer.done ? sub.maxPoints : 0;
    case 'levels': {
      const level = m.kind === 'levels' ? m.levels[answer.level] : undefined;
      return level ? clamp(level.points, sub.maxPoints) : null;
    }
    case 'figure': {
      if (answer.value === null || m.kind !== 'figure') return null;
      if (!m.bands || m.bands.length === 0) return clamp((sub.maxPoints * answer.value) / 100, sub.maxPoints);
      const reached = m.bands.filter((b) => b.from <= answer.value!).sort((a, b) => b.from - a.from)[0];
      return reached ? clamp(reached.points, sub.maxPoints) : 0;
    }
    case 'survey':
      return answer.value === null ? null : clamp((sub.maxPoints * answer.value) / 100, sub.maxPoints);
    case 'manual':
      return answer.points >= 0 && answer.points <= sub.maxPoints ? round2(answer.points) : null;
  }
}

/** A sub-criterion's points as they stand: the appraisers' when they changed it, else the unit's own. */
export interface SubScore {
  code: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
}
export const finalPoints = (s: SubScore | undefined): number => s?.appraisedPoints ?? s?.selfPoints ?? 0;

export interface Totals {
  total: number;
  max: number;
  /** total ÷ max, a percentage with 2 decimals (the PAR INDEX is published so). */
  percent: number;
  fields: { code: string; name: string; points: number; max: number; percent: number; criteria: { code: string; points: number; max: number }[] }[];
}

const percentOf = (points: number, max: number) => (max > 0 ? round2((points / max) * 100) : 0);

export function totalsOf(d: SchemeDefinition, scores: ReadonlyMap<string, SubScore>): Totals {
  const fields = d.fields.map((f) => {
    const criteria = f.criteria.map((c) => ({
      code: c.code,
      points: round2(c.subCriteria.reduce((s, x) => s + finalPoints(scores.get(x.code)), 0)),
      max: maxOfCriterion(c),
    }));
    const points = round2(criteria.reduce((s, c) => s + c.points, 0));
    const max = maxOfField(f);
    return { code: f.code, name: f.name, points, max, percent: percentOf(points, max), criteria };
  });
  const total = round2(fields.reduce((s, f) => s + f.points, 0));
  const max = maxOfScheme(d);
  return { total, max, percent: percentOf(total, max), fields };
}

export interface RankedUnit {
  unitCode: string;
  total: number;
  /** 1 = best; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** Last year's rank and total in the same level, when the unit was assessed then. */
  previousRank: number | null;
  /** Positive: up that many places since last year. */
  rankChange: number | null;
  totalChange: number | null;
}

/** Ranks the units of one level by total, best first; ties by unit code for a stable order. */
export function rankByTotal(units: readonly { unitCode: string; total: number }[]): { unitCode: string; total: number; rank: number }[] {
  const sorted = [...units].sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || u.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...u, rank };
  });
}

export function rankWithChange(
  current: readonly { unitCode: string; total: number }[],
  previous: readonly { unitCode: string; total: number }[],
): RankedUnit[] {
  const before = new Map(rankByTotal(previous).map((u) => [u.unitCode, u]));
  return rankByTotal(current).map((u) => {
    const p = before.get(u.unitCode);
    return {
      ...u,
      previousRank: p?.rank ?? null,
      rankChange: p ? p.rank - u.rank : null,
      totalChange: p ? round2(u.total - p.total) : null,
    };
  });
}
