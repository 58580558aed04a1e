import type { AppDeps, RequestMeta } from '../context.js';
import type { SessionStore } from '../../infrastructure/auth/session-store.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';

export async function logout(deps: AppDeps & { sessions: SessionStore }, { sessionHash, meta }: { sessionHash: string; meta: RequestMeta }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await deps.sessions.revoke(trx, sessionHash);
    await appendAudit(trx, {
      action: 'auth.logout',
      ...auditActor(meta),
      at: deps.clock(),
    });
  });
}
