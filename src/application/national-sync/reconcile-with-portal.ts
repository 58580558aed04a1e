/**
 * Reconciliation with the national portal (issue 21): every dossier the portal acknowledged is looked up
 * (`TraCuuHoSo`, LOOKUP_BATCH codes a call) and compared with what motcua holds: the record's key fields and the
 * progress entries. A dossier the portal does not hold (deleted there, or lost) or holds stale is put back in the
 * outbox in doubt, so that the sync job asks again and re-sends exactly the difference. Runs daily and by the button;
 * each run is recorded (portal_reconciliations) for the report.
 */
import { sql } from 'kysely';
import type { SyncDeps } from './sync-to-portal.js';
import { progressKey, summaryOf } from './sync-to-portal.js';
import { syncRecordsByIds } from '../dossier/sync-export.js';
import { loadPortalMapping } from './portal-mapping.js';
import type { SyncProgress } from '../../contract/national-sync.js';

const LOOKUP_BATCH = 100;

export interface ReconcileResult {
  id: string;
  checked: number;
  missing: number;
  stale: number;
  resent: number;
  error: string | null;
}

export async function reconcileWithPortal(
  deps: SyncDeps,
  input: { trigger: 'schedule' | 'button'; publicUrl: string; signal?: AbortSignal; onProgress?: (checked: number) => void },
): Promise<ReconcileResult> {
  const started = deps.clock();
  const run = await deps.db
    .insertInto('portal_reconciliations')
    .values({ started_at: started, trigger: input.trigger })
    .returning('id')
    .executeTakeFirstOrThrow();
  const result: ReconcileResult = { id: run.id, checked: 0, missing: 0, stale: 0, resent: 0, error: null };
  const mapping = await loadPortalMapping(deps.db);
  let after = '';
  try {
    for (;;) {
      if (input.signal?.aborted) break;
      // Only what the portal acknowledged and nothing newer waits for: the rest is the sync job's.
      const rows = await deps.db
        .selectFrom('portal_sync as s')
        .innerJoin('dossiers as d', 'd.id', 's.dossier_id')
        .select(['s.dossier_id', 'd.code'])
        .where('s.created_on_portal', '=', true)
        .whereRef('s.synced_version', '=', 's.version')
        .where('d.code', '>', after)
        .orderBy('d.code')
        .limit(LOOKUP_BATCH)
        .execute();
      if (rows.length === 0) break;
      after = rows.at(-1)!.code;
      const answer = await deps.portal.lookup(rows.map((r) => r.code));
      if (answer.kind !== 'ok') {
        result.error = answer.message;
        break;
      }
      const held = new Map(answer.result.map((v) => [v.MaHoSo, v]));
      const records = await syncRecordsByIds(
        deps,
        rows.map((r) => r.dossier_id),
        { publicUrl: input.publicUrl, portal: mapping },
      );
      const resend: string[] = [];
      for (const row of rows) {
        const mine = records.get(row.dossier_id);
        if (!mine) continue;
        result.checked += 1;
        const theirs = held.get(row.code);
        if (!theirs) {
          result.missing += 1;
          resend.push(row.dossier_id);
          continue;
        }
        const ours = mine.QuaTrinhXuLy.map(progressKey).join('\n');
        const portal = theirs.QuaTrinhXuLy.map((p) => progressKey(p as unknown as SyncProgress)).join('\n');
        if (summaryOf(theirs as unknown as typeof mine) !== summaryOf(mine) || ours !== portal) {
          result.stale += 1;
          resend.push(row.dossier_id);
        }
      }
      if (resend.length > 0) {
        await deps.db
          .updateTable('portal_sync')
          .set({
            version: sql`version + 1`,
            in_doubt: true,
            pending_since: sql`now()`,
            next_attempt_at: sql`now()`,
            attempts: 0,
            parked_at: null,
            last_error: 'Đối soát: Cổng không có hoặc có bản cũ của hồ sơ; gửi lại',
          })
          .where('dossier_id', 'in', resend)
          .execute();
        result.resent += resend.length;
      }
      input.onProgress?.(result.checked);
    }
  } finally {
    await deps.db
      .updateTable('portal_reconciliations')
      .set({ finished_at: deps.clock(), checked: result.checked, missing: result.missing, stale: result.stale, resent: result.resent, error: result.error })
      .where('id', '=', run.id)
      .execute();
  }
  return result;
}
