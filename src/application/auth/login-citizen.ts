import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import { appendAudit } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { PersonalDataCipher } from '../personal-data.js';

/** Identity asserted by the eID provider (VNeID or the development simulator) after an OIDC login. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  fullName: string;
  /** 12-digit personal identification number, when the provider releases it. */
  personalId: string | null;
  email: string | null;
  /** Issue 20: what the provider released besides (birthdate, phone_number) and the VNeID assurance level (claim `ial`, Decree 69/2024). */
  birthDate?: string | null;
  phone?: string | null;
  eidLevel?: 1 | 2 | null;
}

/**
 * Find or create the applicant account for an eID identity, and open a session.
 * The personal identification number names the person: an account already holding it is the same
 * citizen, even if the provider (or its subject identifier) changed, so it is linked, not duplicated. The number
 * is stored sealed and found by its keyed hash (application/personal-data.ts).
 */
export async function loginCitizen(
  deps: AppDeps & { sessions: SessionStore; personalData: PersonalDataCipher },
  { identity, meta }: { identity: VerifiedIdentity; meta: RequestMeta },
): Promise<Result<{ sessionId: string; userId: string }>> {
  const now = deps.clock();
  const personalIdHash = identity.personalId ? deps.personalData.lookupKey(identity.personalId) : null;
  return deps.db.transaction().execute(async (trx) => {
    // Serialise logins of the same identity (double clicks, two tabs) without a unique-violation race.
    await sql`select pg_advisory_xact_lock(hashtext(${personalIdHash ?? `${identity.issuer} ${identity.subject}`}))`.execute(trx);
    let query = trx.selectFrom('users').select(['id', 'disabled', 'kind']);
    query = personalIdHash
      ? query.where((eb) =>
          eb.or([eb('personal_id_hash', '=', personalIdHash), eb.and([eb('oidc_issuer', '=', identity.issuer), eb('oidc_subject', '=', identity.subject)])]),
        )
      : query.where('oidc_issuer', '=', identity.issuer).where('oidc_subject', '=', identity.subject);
    const matches = await query.execute();
    if (matches.length > 1 || matches.some((m) => m.kind !== 'applicant')) return fail('OIDC_FAILED', { reason: 'identity matches several accounts' });
    const existing = matches[0];
    if (existing?.disabled) return fail('ACCOUNT_DISABLED');
    const profile = {
      full_name: identity.fullName,
      email: identity.email,
      personal_id_sealed: identity.personalId ? deps.personalData.seal(identity.personalId) : null,
      personal_id_hash: personalIdHash,
      oidc_issuer: identity.issuer,
      oidc_subject: identity.subject,
      // An eID provider that releases the personal ID but no level vouches for level 1 at least.
      eid_level: identity.eidLevel ?? (identity.personalId ? 1 : null),
      birth_date: identity.birthDate ?? null,
      phone: identity.phone ?? null,
    };
    const userId = existing
      ? (await trx.updateTable('users').set(profile).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (
          await trx
            .insertInto('users')
            .values({ kind: 'applicant', role: 'citizen', ...profile })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const session = await deps.sessions.create(trx, userId, now);
    await appendAudit(trx, {
      action: existing ? 'auth.eid_login' : 'auth.eid_register',
      actorId: userId,
      actorRole: 'citizen',
      actorUnit: null,
      targetType: 'user',
      targetId: userId,
      ip: meta.ip,
      requestId: meta.requestId,
      at: now,
    });
    return ok({ sessionId: session.id, userId });
  });
}
