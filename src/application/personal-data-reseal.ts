/**
 * Bring every stored ID number under the current key: values stored in clear before sealing began, and values
 * sealed under an earlier key (after PERSONAL_DATA_KEY was rotated), are sealed again and their lookup hash
 * recomputed. Users first (a citizen is found by the hash at login, so the server waits for them); dossiers
 * after, in batches by id, when a migration asked for it or the users showed a rotated key. Idempotent: a
 * crash in the middle leaves rows each either done or not, and the next run finishes.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../infrastructure/db/schema.js';
import type { PersonalDataCipher } from './personal-data.js';
import { appendAudit } from './audit/audit-chain.js';

const BATCH = 500;

export interface ResealReport {
  users: number;
  dossiers: number;
}

/** Reseal the users' ID numbers; how many were not under the current key. */
export async function resealUsers(db: Kysely<DB>, cipher: PersonalDataCipher): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'personal_id_sealed'])
      .where('personal_id_sealed', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return done;
    after = rows[rows.length - 1]!.id;
    const stale = rows.filter((r) => !cipher.isCurrent(r.personal_id_sealed!));
    for (const r of stale) {
      const clear = cipher.open(r.personal_id_sealed!);
      await db
        .updateTable('users')
        .set({ personal_id_sealed: cipher.seal(clear), personal_id_hash: cipher.lookupKey(clear) })
        .where('id', '=', r.id)
        .execute();
    }
    done += stale.length;
  }
}

/** Reseal the applicants' ID numbers in dossiers, reporting progress every 10,000 dossiers read; stops between batches when aborted. */
export async function resealDossiers(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  progress?: (read: number, resealed: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  let done = 0;
  let read = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    if (signal?.aborted) return done;
    const rows = await db
      .selectFrom('dossiers')
      .select(['id', sql<string | null>`applicant ->> 'personalId'`.as('personal_id')])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH * 4)
      .execute();
    if (rows.length === 0) return done;
    after = rows[rows.length - 1]!.id;
    const stale = rows.filter((r) => r.personal_id !== null && !cipher.isCurrent(r.personal_id));
    if (stale.length > 0) {
      await db.transaction().execute(async (trx) => {
        for (const r of stale) {
          const sealed = cipher.seal(cipher.open(r.personal_id!));
          await sql`update dossiers set applicant = jsonb_set(applicant, '{personalId}', to_jsonb(${sealed}::text)) where id = ${r.id} and applicant ->> 'personalId' = ${r.personal_id}`.execute(
            trx,
          );
        }
      });
    }
    done += stale.length;
    const before = read;
    read += rows.length;
    if (progress && Math.floor(read / 10_000) > Math.floor(before / 10_000)) progress(read, done);
  }
}

/** Forget the requests, and record what was done in the audit trail (counts only, never a number). */
async function finish(db: Kysely<DB>, report: ResealReport, requestId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('personal_data_reseal_requests').execute();
    if (report.users + report.dossiers > 0) {
      await appendAudit(trx, {
        action: 'personal_data.resealed',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        ip: null,
        requestId,
        details: { ...report },
        at: new Date(),
      });
    }
  });
}

/**
 * At start-up, after resealUsers: the dossiers too, when a migration asked or the users showed a rotated key.
 * A rotation is written down as a request first, so that a start stopped halfway finishes at the next one.
 * Null when there was nothing to do or it was stopped.
 */
export async function resealRequestedDossiers(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  options: { resealedUsers: number; progress?: (read: number, resealed: number) => void; signal?: AbortSignal },
): Promise<ResealReport | null> {
  if (options.resealedUsers > 0) await db.insertInto('personal_data_reseal_requests').values({ reason: 'PERSONAL_DATA_KEY rotated' }).execute();
  else if (
    (
      await db
        .selectFrom('personal_data_reseal_requests')
        .select(sql<number>`1`.as('one'))
        .limit(1)
        .execute()
    ).length === 0
  )
    return null;
  const dossiers = await resealDossiers(db, cipher, options.progress, options.signal);
  if (options.signal?.aborted) return null;
  const report = { users: options.resealedUsers, dossiers };
  await finish(db, report, 'start-up');
  return report;
}

/** Everything, then forget the requests (`motcua personal-data reseal`, after a rotation). */
export async function resealPersonalData(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  progress?: (read: number, resealed: number) => void,
): Promise<ResealReport> {
  const report = { users: await resealUsers(db, cipher), dossiers: await resealDossiers(db, cipher, progress) };
  await finish(db, report, 'cli');
  return report;
}
