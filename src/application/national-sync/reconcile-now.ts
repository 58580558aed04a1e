/** The reconciliation button (issue 21 §4): one run now, for the connections' administrator. */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { PortalReconciliation } from '../../contract/national-portal.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import { reconcileWithPortal, type ReconcileResult } from './reconcile-with-portal.js';
import { lastReconciliation } from './portal-sync-report.js';
import type { SyncDeps } from './sync-to-portal.js';

export async function reconcileNow(
  deps: Omit<SyncDeps, 'portal'> & { nationalPortal: NationalPortal | null; publicUrl: string },
  input: { meta: RequestMeta },
): Promise<Result<PortalReconciliation>> {
  const allowed = authorize(input.meta.actor, 'integrations.manage');
  if (!allowed.ok) return fail(allowed.code);
  if (!deps.nationalPortal) return fail('PORTAL_NOT_CONFIGURED');
  const run: ReconcileResult = await reconcileWithPortal({ ...deps, portal: deps.nationalPortal }, { trigger: 'button', publicUrl: deps.publicUrl });
  const stored = await lastReconciliation(deps.db);
  return ok(stored && stored.id === run.id ? stored : { ...run, startedAt: deps.clock().toISOString(), finishedAt: null, trigger: 'button' });
}
