/**
 * The outbox of the live sync with the national portal (issue 21): one row per dossier in portal_sync, raised in the
 * transaction of every change of the dossier, so that no change can be committed without the sync hearing of it
 * (ADR 13). A change also frees a dossier that was parked or waiting for a retry: a person's correction is tried at
 * once.
 */
import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';

/** The values and conflict rule of the outbox write of one dossier, for a statement's CTE or a plain insert. */
export function portalFollow<T extends DB>(qc: QueryCreator<T>, dossierIds: readonly string[]) {
  // A statement's CTEs widen the database type; the outbox is written the same way whatever came before it.
  return (qc as unknown as QueryCreator<DB>)
    .insertInto('portal_sync')
    .values(dossierIds.map((dossier_id) => ({ dossier_id })))
    .onConflict((oc) =>
      oc.column('dossier_id').doUpdateSet({
        version: sql`portal_sync.version + 1`,
        pending_since: sql`coalesce(portal_sync.pending_since, now())`,
        next_attempt_at: sql`now()`,
        attempts: 0,
        parked_at: null,
      }),
    );
}

/** Raise the outbox of the dossiers, in the caller's transaction. */
export async function followForPortal(db: Kysely<DB> | Transaction<DB>, dossierIds: readonly string[]): Promise<void> {
  const unique = [...new Set(dossierIds)];
  for (let i = 0; i < unique.length; i += 5000) await portalFollow(db, unique.slice(i, i + 5000)).execute();
}
