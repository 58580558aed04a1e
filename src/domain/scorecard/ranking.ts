/**
 * Ranking sibling units fairly: each unit's score with the size of its sample (the dossiers indicator 2.1
 * counted) and a Wilson score interval for its on-time share, so that a small unit's lucky month is not read
 * as excellence. Below a minimum sample a unit is shown but not ranked (mySociety withdrew raw league tables
 * for being unfair; ANCHORS.md).
 */

/** Wilson score interval (percentages, 2 decimals) for k successes out of n, at z (1.96: 95 %). */
export function wilsonInterval(k: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10000) / 100;
  return { low: round((centre - spread) / denom), high: round((centre + spread) / denom) };
}

export interface RankInput {
  unitCode: string;
  total: number;
  /** Sample size and on-time count behind the ranking. */
  sample: number;
  onTime: number;
}

export interface Ranked extends RankInput {
  /** 1 = best; null when the sample is below the minimum. Equal totals share a rank. */
  rank: number | null;
  interval: { low: number; high: number } | null;
  /** Its interval overlaps the next ranked unit's: the order between them may be chance. */
  indistinctFromNext: boolean;
}

export function rankUnits(units: readonly RankInput[], minSample: number): Ranked[] {
  const withCi = units.map((u) => ({ ...u, interval: wilsonInterval(u.onTime, u.sample), rank: null as number | null, indistinctFromNext: false }));
  const eligible = withCi.filter((u) => u.sample >= minSample).sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));
  eligible.forEach((u, i) => {
    const prev = eligible[i - 1];
    u.rank = prev && prev.total === u.total ? prev.rank : i + 1;
    const next = eligible[i + 1];
    u.indistinctFromNext = !!(next && u.interval && next.interval && next.interval.high >= u.interval.low);
  });
  const unranked = withCi.filter((u) => u.sample < minSample).sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));
  return [...eligible, ...unranked];
}
