/**
 * Keeping the rolled-up statistics in step with the dossiers (domain/scorecard/measures.ts):
 * - every change of a dossier's facts queues the dossier in the same transaction (`followDossiers`);
 * - the worker (`processStatQueue`) reads the queued dossiers' current facts from the view
 *   `dossier_stat_source`, retracts the contribution of the facts it applied last time (`stat_facts`), adds
 *   the new one to every unit above the dossier's unit, per day, month and year, and deletes the queue rows,
 *   in one transaction. It works from states, not events: a dossier queued twice, or processed after a
 *   crash, changes nothing more;
 * - `rebuildStatistics` recomputes everything from the dossiers in SQL (statistics-rebuild.ts).
 * One worker runs at a time (an advisory lock), so that two servers never apply the same change twice.
 */
import { followForPortal } from '../national-sync/portal-outbox.js';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, StatFactsTable } from '../../infrastructure/db/schema.js';
import { contributionChange, contributions, procedureKeyOf, type Delta, type StatFacts } from '../../domain/scorecard/measures.js';
import { civilFromJdn, isoFromJdn, jdnFromCivil } from '../../domain/calendar/civil-date.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import type { UnitDirectory } from '../context.js';
import { toLocal } from '../dossier/dossier-store.js';

export type FactsRow = Selectable<StatFactsTable>;

const local = (d: Date | null) => (d === null ? null : toLocal(d));

/** The domain's facts from a row of dossier_stat_source or stat_facts. */
export function factsFromRow(r: FactsRow): StatFacts {
  return {
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    channel: r.channel,
    locationIndependent: r.location_independent,
    status: r.status as DossierStatus,
    acceptedAt: local(r.accepted_at),
    finishedAt: local(r.finished_at),
    dueAt: local(r.due_at),
    extensions: r.extensions,
    repeatedSupplement: r.repeated_supplement,
    pausedSince: local(r.paused_since),
    approved: r.approved,
    resultFile: r.result_file,
    feeDue: r.fee_due,
    feePaidOnline: r.fee_paid_online,
    componentFiles: r.component_files,
    reusedData: r.reused_data,
    nationalVault: r.national_vault,
    syncedToPortal: r.synced_to_portal,
    eidVerified: r.eid_verified,
    fullOnlineEligible: r.full_online_eligible,
    paperResultRequired: r.paper_result_required,
    rating: r.rated_at === null ? null : { at: toLocal(r.rated_at), dissatisfied: r.dissatisfied },
    firstFeedbackAt: local(r.first_feedback_at),
    settlementTime:
      r.settlement_minutes === null || r.settlement_working_minutes === null
        ? null
        : { workingMinutes: r.settlement_working_minutes, minutes: r.settlement_minutes },
    timeUnit: r.time_unit,
    certificationService: r.certification_service,
    certifiedCopy: r.certified_copy,
  };
}

/**
 * Queue dossiers whose facts may have changed, in the caller's transaction: the statistics follow them, and so does
 * the live sync with the national portal (its outbox, application/national-sync/portal-outbox.ts). `portal: false`
 * for a change the portal caused (its acknowledgement), which is not news to it.
 */
export async function followDossiers(db: Kysely<DB> | Transaction<DB>, dossierIds: readonly string[], options: { portal?: boolean } = {}): Promise<void> {
  for (let i = 0; i < dossierIds.length; i += 5000) {
    await db
      .insertInto('stat_queue')
      .values(dossierIds.slice(i, i + 5000).map((dossier_id) => ({ dossier_id })))
      .execute();
  }
  if (options.portal !== false) await followForPortal(db, dossierIds);
}

export const GRAINS = ['d', 'm', 'y'] as const;
export type Grain = (typeof GRAINS)[number];

/** The first day (yyyy-MM-dd) of the day, month or year bucket holding a Julian day. */
export function bucketStart(day: number, grain: Grain): string {
  if (grain === 'd') return isoFromJdn(day);
  const c = civilFromJdn(day);
  return isoFromJdn(jdnFromCivil({ year: c.year, month: grain === 'm' ? c.month : 1, day: 1 }));
}

interface Change {
  unitCode: string;
  procedureCode: string;
  deltas: Delta[];
}

/** Add changes to the unit rollups of every unit from the dossier's up to the root, and to its own unit's procedure rollups. */
async function applyChanges(trx: Transaction<DB>, tree: UnitTree, changes: readonly Change[]): Promise<number> {
  const units = new Map<string, { unit_code: string; grain: Grain; start: string; measure: string; value: number }>();
  const procedures = new Map<string, { unit_code: string; measure: string; grain: Grain; start: string; procedure_code: string; value: number }>();
  const ancestry = new Map<string, string[]>();
  for (const c of changes) {
    let above = ancestry.get(c.unitCode);
    if (!above) ancestry.set(c.unitCode, (above = tree.ancestry(c.unitCode).map((u) => u.code)));
    if (above.length === 0) above = [c.unitCode];
    for (const d of c.deltas) {
      for (const grain of GRAINS) {
        const start = bucketStart(d.day, grain);
        for (const unit of above) {
          const k = `${unit}|${grain}|${start}|${d.measure}`;
          const u = units.get(k);
          if (u) u.value += d.value;
          else units.set(k, { unit_code: unit, grain, start, measure: d.measure, value: d.value });
        }
        // Per procedure at the dossier's own unit only: readers sum a subtree's units.
        const procedureCode = procedureKeyOf(c.procedureCode, d);
        const pk = `${c.unitCode}|${grain}|${start}|${d.measure}|${procedureCode}`;
        const p = procedures.get(pk);
        if (p) p.value += d.value;
        else procedures.set(pk, { unit_code: c.unitCode, measure: d.measure, grain, start, procedure_code: procedureCode, value: d.value });
      }
    }
  }
  const unitRows = [...units.values()].filter((r) => r.value !== 0);
  const procedureRows = [...procedures.values()].filter((r) => r.value !== 0);
  for (let i = 0; i < unitRows.length; i += 2000) {
    await trx
      .insertInto('stat_rollups')
      .values(unitRows.slice(i, i + 2000))
      .onConflict((oc) => oc.columns(['unit_code', 'grain', 'start', 'measure']).doUpdateSet({ value: sql`stat_rollups.value + excluded.value` }))
      .execute();
  }
  for (let i = 0; i < procedureRows.length; i += 2000) {
    await trx
      .insertInto('stat_procedure_rollups')
      .values(procedureRows.slice(i, i + 2000))
      .onConflict((oc) =>
        oc.columns(['unit_code', 'measure', 'grain', 'start', 'procedure_code']).doUpdateSet({ value: sql`stat_procedure_rollups.value + excluded.value` }),
      )
      .execute();
  }
  return unitRows.length + procedureRows.length;
}

/** The advisory lock key that lets one statistics worker run at a time. */
export const WORKER_LOCK = 766_2026;

/**
 * Take up to `limit` rows of the queue and bring their dossiers' contributions up to date. Returns how many
 * dossiers were processed and queue rows taken (0: the queue was empty, or another worker holds the lock).
 */
export async function processStatQueue(
  deps: { db: Kysely<DB>; units: UnitDirectory },
  options: { limit?: number } = {},
): Promise<{ dossiers: number; rows: number; taken: number }> {
  const tree = deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${WORKER_LOCK}) as ok`.execute(trx);
    if (!locked.rows[0]?.ok) return { dossiers: 0, rows: 0, taken: 0 };
    const taken = await trx
      .deleteFrom('stat_queue')
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('stat_queue')
          .select('id')
          .orderBy('id')
          .limit(options.limit ?? 1000),
      )
      .returning('dossier_id')
      .execute();
    const ids = [...new Set(taken.map((t) => t.dossier_id))];
    if (ids.length === 0) return { dossiers: 0, rows: 0, taken: 0 };
    const [current, applied] = await Promise.all([
      trx.selectFrom('dossier_stat_source').selectAll().where('dossier_id', 'in', ids).execute(),
      trx.selectFrom('stat_facts').selectAll().where('dossier_id', 'in', ids).execute(),
    ]);
    const before = new Map(applied.map((r) => [r.dossier_id, r]));
    const changes: Change[] = [];
    for (const row of current) {
      const old = before.get(row.dossier_id);
      const next = factsFromRow(row);
      if (old && (old.unit_code !== row.unit_code || old.procedure_code !== row.procedure_code)) {
        const prev = factsFromRow(old);
        changes.push({ unitCode: prev.unitCode, procedureCode: prev.procedureCode, deltas: contributionChange(contributions(prev), []) });
        changes.push({ unitCode: next.unitCode, procedureCode: next.procedureCode, deltas: contributions(next) });
      } else {
        const deltas = contributionChange(old ? contributions(factsFromRow(old)) : [], contributions(next));
        if (deltas.length > 0) changes.push({ unitCode: next.unitCode, procedureCode: next.procedureCode, deltas });
      }
    }
    const rows = await applyChanges(trx, tree, changes);
    for (let i = 0; i < current.length; i += 1000) {
      await trx
        .insertInto('stat_facts')
        .values(current.slice(i, i + 1000))
        .onConflict((oc) => oc.column('dossier_id').doUpdateSet((eb) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])) as never))
        .execute();
    }
    return { dossiers: ids.length, rows, taken: taken.length };
  });
}

/** The stat_facts columns besides the key. */
export const FACT_COLUMNS = [
  'unit_code',
  'procedure_code',
  'channel',
  'location_independent',
  'status',
  'accepted_at',
  'finished_at',
  'due_at',
  'extensions',
  'repeated_supplement',
  'paused_since',
  'approved',
  'result_file',
  'fee_due',
  'fee_paid_online',
  'component_files',
  'reused_data',
  'eid_verified',
  'full_online_eligible',
  'paper_result_required',
  'rated_at',
  'dissatisfied',
  'settlement_working_minutes',
  'settlement_minutes',
  'time_unit',
  'certification_service',
  'certified_copy',
  'national_vault',
  'synced_to_portal',
  'first_feedback_at',
] as const satisfies readonly (keyof StatFactsTable)[];

/** Drain the queue (tests, the CLI, the end of a seed). */
export async function drainStatQueue(deps: { db: Kysely<DB>; units: UnitDirectory }, onProgress?: (done: number) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const { dossiers } = await processStatQueue(deps, { limit: 2000 });
    if (dossiers === 0) {
      const left = await deps.db
        .selectFrom('stat_queue')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) return total;
      await new Promise((r) => setTimeout(r, 50)); // another worker holds the lock
      continue;
    }
    total += dossiers;
    onProgress?.(total);
  }
}

/**
 * One run of the statistics job: batches until the queue comes back short of a full batch (of queue rows: a dossier
 * acted on twice is one dossier), so a burst drains without waiting a pause per batch. Figures are visible once a
 * batch commits, within about one pause of an action (src/background-jobs.ts).
 */
export async function runStatWorker(deps: { db: Kysely<DB>; units: UnitDirectory }, signal: AbortSignal): Promise<void> {
  for (let n = 1000; n >= 1000 && !signal.aborted;) n = (await processStatQueue(deps, { limit: 1000 })).taken;
}
