import type { AppDeps, RequestMeta } from '../context.js';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import { appendAudit } from '../audit/audit-chain.js';
import { decoyHash, verifyPassword } from '../../infrastructure/auth/password.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

export interface LoginOfficialInput {
  username: string;
  password: string;
  meta: RequestMeta;
  /** The session this browser already had, ended by the new login. */
  previousSessionHash?: string | undefined;
}

/** Password login for officials. Unknown user and wrong password take the same path and time. */
export async function loginOfficial(
  deps: AppDeps & { sessions: SessionStore },
  { username, password, meta, previousSessionHash }: LoginOfficialInput,
): Promise<Result<{ sessionId: string; userId: string }>> {
  const normalized = username.trim().toLowerCase();
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'role', 'unit_code', 'password_hash', 'disabled'])
    .where('username', '=', normalized)
    .where('kind', '=', 'official')
    .executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), password);
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    if (!user || !valid || user.disabled) {
      await appendAudit(trx, {
        action: 'auth.login_failed',
        actorId: user?.id ?? null,
        actorRole: user?.role ?? null,
        actorUnit: user?.unit_code ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
        details: { reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'bad_password' },
        at: now,
      });
      return fail(user && valid && user.disabled ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS');
    }
    if (previousSessionHash) await deps.sessions.revoke(trx, previousSessionHash);
    const session = await deps.sessions.create(trx, user.id, now);
    await appendAudit(trx, {
      action: 'auth.login',
      actorId: user.id,
      actorRole: user.role,
      actorUnit: user.unit_code,
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      requestId: meta.requestId,
      at: now,
    });
    return ok({ sessionId: session.id, userId: user.id });
  });
}
