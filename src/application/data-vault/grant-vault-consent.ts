/**
 * A walk-in citizen's consent at the desk (issue 20): the desk officer records that the citizen agreed to let the
 * officer's unit open their data vault, for a purpose, for two hours. The officer must first have found the citizen
 * in the population registry (number, name and date of birth: the person at the desk, not a number alone) within
 * the last four hours. Audited; the ID number is kept as its keyed hash only, and stays out of the audit trail.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { personalIdProblem } from '../../domain/data-vault/personal-id.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import type { VaultDeps } from './vault-store.js';

export const CONSENT_MINUTES = 120;

export async function grantVaultConsent(
  deps: VaultDeps,
  input: { personalId: string; purpose: string; meta: RequestMeta },
): Promise<Result<{ id: string; expiresAt: string }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'dossier.receive') || !actor.unitCode) return fail('FORBIDDEN_ROLE');
  const problem = personalIdProblem(input.personalId);
  if (problem) return fail('PERSONAL_ID_INVALID', [{ path: 'body.personalId', message: problem }]);
  const now = deps.clock();
  const ownerHash = deps.personalData.lookupKey(input.personalId);
  const checked = await deps.db
    .selectFrom('population_lookups')
    .select('id')
    .where('requested_by', '=', actor.userId)
    .where('subject_hash', '=', ownerHash)
    .where('outcome', '=', 'found')
    .where('at', '>', new Date(now.getTime() - 4 * 3_600_000))
    .executeTakeFirst();
  if (!checked) return fail('VAULT_IDENTITY_NOT_CHECKED');
  const expiresAt = new Date(now.getTime() + CONSENT_MINUTES * 60_000);
  const row = await deps.db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto('vault_consents')
      .values({
        owner_hash: ownerHash,
        unit_code: actor.unitCode!,
        granted_to: actor.userId,
        purpose: input.purpose,
        granted_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'vault.consent_recorded',
      targetType: 'vault_consent',
      targetId: saved.id,
      details: { purpose: input.purpose, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    return saved;
  });
  return ok({ id: row.id, expiresAt: expiresAt.toISOString() });
}
