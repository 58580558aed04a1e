/**
 * The catalogue goes out (issue 21 item 5): the job that makes the procedures of published publication decisions
 * public on the national procedure database (CSDLQG) with the portal's `CongKhaiTTHC` ({MaTTHC, SoQuyetDinh,
 * NgayQuyetDinh, MaDonVi}), one procedure at a time, from the outbox raised in the transaction that published the
 * decision (publication-outbox.ts). The portal's acknowledgement carries NgayCongKhai: recorded as the day the
 * procedure was made public, the only date indicator 1.2 and the watchdog read.
 *
 * A refusal or the portal out of reach leaves the row to be sent again after a wait that doubles with each attempt
 * (full jitter, capped: domain/national-sync/retry.ts); nothing is parked, since only the portal's word can make a
 * procedure public. The portal out of reach ends the run: the other rows wait for the next one. Rows are claimed
 * for a while (a lease), so two instances never send the same procedure at once.
 */
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from '../../domain/national-sync/retry.js';
import { loadPortalMapping } from '../national-sync/portal-mapping.js';
import { forgetWatchedDecisions } from '../scorecard/scorecard.js';

export type PublicationDeps = AppDeps & { portal: NationalPortal };

export interface PublicationOptions {
  /** Rows claimed per run. */
  batch?: number;
  leaseMs?: number;
  retry?: Pick<RetryPolicy, 'baseMs' | 'capMs'>;
  random?: () => number;
  signal?: AbortSignal;
}

export interface PublicationRun {
  claimed: number;
  acknowledged: number;
  refused: number;
  /** The portal was out of reach: the run stopped there. */
  unavailable: number;
  lastError: string | null;
}

interface Claimed {
  decision_id: string;
  procedure_code: string;
  attempts: number;
}

export async function sendProcedurePublications(deps: PublicationDeps, options: PublicationOptions = {}): Promise<PublicationRun> {
  const run: PublicationRun = { claimed: 0, acknowledged: 0, refused: 0, unavailable: 0, lastError: null };
  const now = deps.clock();
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const claimed = await sql<Claimed>`
    update portal_procedure_publications set leased_until = ${new Date(now.getTime() + (options.leaseMs ?? 60_000))}
    where (decision_id, procedure_code) in (
      select decision_id, procedure_code from portal_procedure_publications
      where made_public_at is null and next_attempt_at <= ${now} and (leased_until is null or leased_until < ${now})
      order by next_attempt_at, created_at, procedure_code
      limit ${options.batch ?? 100}
      for update skip locked)
    returning decision_id, procedure_code, attempts`.execute(deps.db);
  const rows = claimed.rows;
  run.claimed = rows.length;
  if (rows.length === 0) return run;
  const decisions = new Map(
    (
      await deps.db
        .selectFrom('publication_decisions')
        .select(['id', 'number', 'issued_on', 'unit_code'])
        .where('id', 'in', [...new Set(rows.map((r) => r.decision_id))])
        .execute()
    ).map((d) => [d.id, d]),
  );
  const mapping = await loadPortalMapping(deps.db);
  const release = (left: readonly Claimed[]) =>
    Promise.all(
      left.map((r) =>
        deps.db
          .updateTable('portal_procedure_publications')
          .set({ leased_until: null })
          .where('decision_id', '=', r.decision_id)
          .where('procedure_code', '=', r.procedure_code)
          .execute(),
      ),
    );
  for (const [i, row] of rows.entries()) {
    if (options.signal?.aborted) {
      await release(rows.slice(i));
      break;
    }
    const decision = decisions.get(row.decision_id)!;
    const where = { decision_id: row.decision_id, procedure_code: row.procedure_code };
    const answer = await deps.portal.publishProcedure({
      code: row.procedure_code,
      decisionNumber: decision.number,
      decisionDate: decision.issued_on,
      agencyId: mapping.agency(decision.unit_code),
    });
    const at = deps.clock();
    if (answer.kind === 'ok') {
      await deps.db
        .updateTable('portal_procedure_publications')
        .set({ made_public_at: answer.result.madePublicAt, origin: 'portal', last_attempt_at: at, last_error: null, leased_until: null })
        .where('decision_id', '=', where.decision_id)
        .where('procedure_code', '=', where.procedure_code)
        .execute();
      run.acknowledged += 1;
      continue;
    }
    const attempts = row.attempts + 1;
    run.lastError = answer.message;
    await deps.db
      .updateTable('portal_procedure_publications')
      .set({
        attempts,
        last_attempt_at: at,
        last_error: answer.message,
        next_attempt_at: new Date(at.getTime() + retryDelayMs(attempts, { ...retry, parkAfter: Infinity }, random())),
        leased_until: null,
      })
      .where('decision_id', '=', where.decision_id)
      .where('procedure_code', '=', where.procedure_code)
      .execute();
    if (answer.kind === 'unavailable') {
      run.unavailable += 1;
      await release(rows.slice(i + 1));
      break;
    }
    run.refused += 1;
  }
  if (run.acknowledged > 0) forgetWatchedDecisions(deps.db);
  return run;
}
