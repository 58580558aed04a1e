import type { AppDeps, RequestMeta } from '../context.js';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import { appendAudit } from '../audit/audit-chain.js';

export async function logout(
  deps: AppDeps & { sessions: SessionStore },
  { sessionHash, meta }: { sessionHash: string; meta: RequestMeta },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deps.sessions.revoke(trx, sessionHash);
    await appendAudit(trx, {
      action: 'auth.logout',
      actorId: meta.actor?.userId ?? null,
      actorRole: meta.actor?.role ?? null,
      actorUnit: meta.actor?.unitCode ?? null,
      ip: meta.ip,
      requestId: meta.requestId,
      at: deps.clock(),
    });
  });
}
