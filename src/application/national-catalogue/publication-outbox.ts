/**
 * The outbox of CongKhaiTTHC (issue 21 item 5): the procedures of a publication decision are to be made public on the
 * national procedure database (CSDLQG), one row each in portal_procedure_publications, raised in the transaction
 * that publishes the decision, so that no publication can be committed without the job hearing of it. The job
 * (send-procedure-publications.ts) records the portal's acknowledgement; its NgayCongKhai is the date indicator 1.2
 * and the watchdog read.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';

async function raise(trx: Kysely<DB> | Transaction<DB>, decisionId: string, procedureCodes: readonly string[], history: Date | null): Promise<void> {
  const codes = [...new Set(procedureCodes)];
  if (codes.length === 0) return;
  await trx
    .insertInto('portal_procedure_publications')
    .values(
      codes.map((procedure_code) => ({
        decision_id: decisionId,
        procedure_code,
        ...(history ? { made_public_at: history, origin: 'history' as const } : {}),
      })),
    )
    .onConflict((oc) => oc.columns(['decision_id', 'procedure_code']).doNothing())
    .execute();
}

/** The procedures of a decision just published wait for the portal, in the caller's transaction. */
export const awaitPortalPublication = (trx: Kysely<DB> | Transaction<DB>, decisionId: string, procedureCodes: readonly string[]) =>
  raise(trx, decisionId, procedureCodes, null);

/**
 * History (the demo's decisions, published before motcua sent them to the portal): the procedures were made public on
 * the day given, marked 'history' so that nobody takes it for the portal's acknowledgement.
 */
export const recordHistoricPublication = (trx: Transaction<DB>, decisionId: string, procedureCodes: readonly string[], at: Date) =>
  raise(trx, decisionId, procedureCodes, at);

/** When each procedure of the decisions was made public on CSDLQG, by decision then procedure (only those that were). */
export async function madePublicDates(db: Kysely<DB>): Promise<Map<string, Map<string, Date>>> {
  const rows = await db
    .selectFrom('portal_procedure_publications')
    .select(['decision_id', 'procedure_code', 'made_public_at'])
    .where('made_public_at', 'is not', null)
    .execute();
  const out = new Map<string, Map<string, Date>>();
  for (const r of rows) {
    const byCode = out.get(r.decision_id) ?? new Map<string, Date>();
    byCode.set(r.procedure_code, r.made_public_at!);
    out.set(r.decision_id, byCode);
  }
  return out;
}
