/**
 * A dossier waiting for its fees (feeRequested) moves on once nothing payable is owed: the payment module
 * records "Xác nhận đã nộp phí, lệ phí" (payFee) for it, in the name of whoever paid (the applicant online,
 * the official at the desk), through the same use case as any action, so the history, the applicant's
 * message and the audit follow. A dossier someone else changed meanwhile is read again (three tries).
 */
import type { RequestMeta } from '../context.js';
import type { Actor } from '../../domain/access/policy.js';
import { isRole } from '../../domain/access/roles.js';
import { payableNow } from '../../domain/payment/fees.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import { actOnDossier } from '../dossier/act-on-dossier.js';
import { loadFeeLines } from './fee-lines.js';

type ActDeps = Parameters<typeof actOnDossier>[0];

export async function advancePaidDossier(deps: ActDeps, input: { dossierId: string; payer: Actor | 'applicant'; requestId: string }): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const d = await deps.db.selectFrom('dossiers').select(['id', 'last_seq', 'status', 'applicant_id']).where('id', '=', input.dossierId).executeTakeFirst();
    if (!d || (d.status as DossierStatus) !== 'feeRequested') return false;
    const lines = await loadFeeLines(deps.db, d.id);
    if (lines.some((l) => l.moment !== 'result' && payableNow(l, 'feeRequested'))) return false;
    const actor = input.payer === 'applicant' ? await applicantActor(deps, d.applicant_id) : input.payer;
    if (!actor) return false;
    const meta: RequestMeta = { actor, ip: null, requestId: input.requestId };
    const acted = await actOnDossier(deps, { id: d.id, command: { type: 'payFee' }, expectedSeq: d.last_seq, meta });
    if (acted.ok) return true;
    if (acted.error.code !== 'DOSSIER_CHANGED') return false;
  }
  return false;
}

async function applicantActor(deps: ActDeps, userId: string | null): Promise<Actor | null> {
  if (!userId) return null;
  const user = await deps.db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  return user && isRole(user.role) ? { userId: user.id, role: user.role, unitCode: null } : null;
}
