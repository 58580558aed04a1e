import type { Transaction } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import { appendAudit } from '../audit/audit-chain.js';
import { decoyHash, verifyPassword } from '../../infrastructure/auth/password.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { DEFAULT_LOCKOUT, failuresAfter, lockedUntil, type LockoutRules } from '../../domain/access/lockout.js';
import { vietnamDateTime } from '../../domain/calendar/vietnam-time.js';

export interface LoginOfficialInput {
  username: string;
  password: string;
  meta: RequestMeta;
  /** The session this browser already had, ended by the new login. */
  previousSessionHash?: string | undefined;
  /** Lockout after failed passwords (LOGIN_LOCKOUT_THRESHOLD); the default locks from the fifth. */
  lockout?: LockoutRules;
}

/**
 * Password login for officials. Unknown user and wrong password take the same path and time. Failed passwords
 * lock the username (existing or not, so a lock tells nothing) with back-off; a successful login clears them.
 */
export async function loginOfficial(
  deps: AppDeps & { sessions: SessionStore },
  { username, password, meta, previousSessionHash, lockout = { ...DEFAULT_LOCKOUT, threshold: 5 } }: LoginOfficialInput,
): Promise<Result<{ sessionId: string; userId: string }>> {
  const normalized = username.trim().toLowerCase();
  const locked = await deps.db.selectFrom('login_failures').select(['locked_until']).where('username', '=', normalized).executeTakeFirst();
  if (locked?.locked_until && locked.locked_until.getTime() > deps.clock().getTime()) {
    const until = locked.locked_until;
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        action: 'auth.login_locked',
        actorId: null,
        actorRole: null,
        actorUnit: null,
        ip: meta.ip,
        requestId: meta.requestId,
        details: {},
        at: deps.clock(),
      }),
    );
    return fail('ACCOUNT_LOCKED', { retryAt: until.toISOString(), message: `Thử lại sau ${vietnamDateTime(until)}.` });
  }
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
      if (!user || !valid) await countFailure(trx, normalized, now, lockout);
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
    await trx.deleteFrom('login_failures').where('username', '=', normalized).execute();
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

/** One more failed password for `username`, and the lock it earns. */
async function countFailure(trx: Transaction<DB>, username: string, now: Date, rules: LockoutRules): Promise<void> {
  const previous = await trx
    .selectFrom('login_failures')
    .select(['failures', 'last_failure_at'])
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
  const failures = failuresAfter(previous ? { failures: previous.failures, lastFailureAt: previous.last_failure_at.getTime() } : null, now.getTime(), rules);
  const until = lockedUntil(failures, now.getTime(), rules);
  const row = { failures, last_failure_at: now, locked_until: until === null ? null : new Date(until) };
  await trx
    .insertInto('login_failures')
    .values({ username, ...row })
    .onConflict((oc) => oc.column('username').doUpdateSet(row))
    .execute();
}
