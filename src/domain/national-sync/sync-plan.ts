/**
 * What one dossier's sync sends, from what motcua holds and what the portal acknowledged (INTEGRATIONS §3.1):
 * `DongBoHoSoMC` first when the record changed (isUpdating "True" once the portal holds it), then the progress
 * entries it lacks with `CapNhatTienDoHoSoMC`, in order, PROGRESS_BATCH at a time, and only after the record was
 * taken. When the outcome of an earlier send is in doubt, the portal's own view (TraCuuHoSo) replaces what was
 * acknowledged, so that nothing is written twice.
 */
export const PROGRESS_BATCH = 10;

/** What the portal holds of a dossier, as TraCuuHoSo tells it. */
export interface PortalHolding {
  /** The key fields of its record (summaryOf), to compare with motcua's. */
  summary: string;
  progressCount: number;
  /** The progress entries it holds, as keys (progressKey), when it tells them. */
  progressKeys: readonly string[] | null;
}

export interface Acknowledged {
  createdOnPortal: boolean;
  fingerprint: string | null;
  progressAcked: number;
}

export interface SyncPlan {
  /**
   * Send the record: null when the portal's copy is current. `withHistory`: the portal holds progress entries motcua
   * does not have, or in another order; the record then carries the whole QuaTrinhXuLy, which replaces the portal's.
   */
  record: { isUpdating: boolean; withHistory: boolean } | null;
  /** The first progress entry to send with CapNhatTienDoHoSoMC (entries before it are on the portal). */
  progressFrom: number;
}

/** The plan from what was acknowledged (no doubt) or from the portal's holding (after a doubt; null: it has nothing). */
export function planSync(input: {
  fingerprint: string;
  summary: string;
  progressKeys: readonly string[];
  acknowledged: Acknowledged;
  holding?: PortalHolding | null;
}): SyncPlan {
  const { acknowledged, holding } = input;
  if (holding === undefined) {
    return {
      record:
        acknowledged.fingerprint === input.fingerprint && acknowledged.createdOnPortal
          ? null
          : { isUpdating: acknowledged.createdOnPortal, withHistory: false },
      progressFrom: Math.min(acknowledged.progressAcked, input.progressKeys.length),
    };
  }
  if (holding === null) return { record: { isUpdating: false, withHistory: false }, progressFrom: 0 };
  const count = input.progressKeys.length;
  const diverged =
    holding.progressCount > count || (holding.progressKeys !== null && commonPrefix(holding.progressKeys, input.progressKeys) < holding.progressKeys.length);
  if (diverged) return { record: { isUpdating: true, withHistory: true }, progressFrom: count };
  return { record: holding.summary === input.summary ? null : { isUpdating: true, withHistory: false }, progressFrom: holding.progressCount };
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Batches of the entries from `from`, in order. */
export function progressBatches<T>(entries: readonly T[], from: number, size = PROGRESS_BATCH): { start: number; items: T[] }[] {
  const out: { start: number; items: T[] }[] = [];
  for (let i = from; i < entries.length; i += size) out.push({ start: i, items: entries.slice(i, i + size) });
  return out;
}
