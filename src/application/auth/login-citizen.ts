import type { AppDeps, RequestMeta } from '../context.js';
import type { SessionStore } from './sessions.js';
import { appendAudit } from '../audit/audit-chain.js';

/** Identity asserted by the eID provider (VNeID or the development simulator) after an OIDC login. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  fullName: string;
  /** 12-digit personal identification number, when the provider releases it. */
  personalId: string | null;
  email: string | null;
}

/** Find or create the applicant account for an eID identity, and open a session. */
export async function loginCitizen(
  deps: AppDeps & { sessions: SessionStore },
  { identity, meta }: { identity: VerifiedIdentity; meta: RequestMeta },
): Promise<{ sessionId: string; userId: string }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select(['id'])
      .where('oidc_issuer', '=', identity.issuer)
      .where('oidc_subject', '=', identity.subject)
      .executeTakeFirst();
    let userId: string;
    if (existing) {
      userId = existing.id;
      await trx
        .updateTable('users')
        .set({ full_name: identity.fullName, email: identity.email, personal_id: identity.personalId })
        .where('id', '=', userId)
        .execute();
    } else {
      const created = await trx
        .insertInto('users')
        .values({
          kind: 'applicant',
          role: 'citizen',
          full_name: identity.fullName,
          email: identity.email,
          personal_id: identity.personalId,
          oidc_issuer: identity.issuer,
          oidc_subject: identity.subject,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = created.id;
    }
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
    return { sessionId: session.id, userId };
  });
}
