/**
 * A data vault as its owner sees it online, and as a desk officer sees a walk-in citizen's with the consent they
 * gave at the desk (recorded, for the officer's unit, until it expires). With a procedure, the listing also says
 * which documents can meet which component today, after asking the national portal's vault for the result codes
 * the components list (what it returns is copied in, hashed and flagged).
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { personalIdProblem } from '../../domain/data-vault/personal-id.js';
import { offersFor, replacingCodes } from '../../domain/data-vault/vault.js';
import type { VaultChannel } from '../../domain/data-vault/exchange.js';
import type { VaultListing } from '../../contract/data-vault.js';
import { openOrNull } from '../personal-data.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { importFromNationalVault, type NationalImport } from './national-vault-import.js';
import { isoDay, ownerDocuments, vaultView, type VaultDeps } from './vault-store.js';

/** The name of a document type: the result of the procedure whose code the result code starts with. */
export function resultTypeName(deps: Pick<VaultDeps, 'catalogue'>, today: string): (code: string) => string | null {
  return (code) => {
    const procedure = /^(\d\.\d{6})/.exec(code)?.[1];
    const record = procedure ? deps.catalogue.inForce(procedure, today)?.record : undefined;
    return record?.results.find((r) => r.code === code)?.name ?? null;
  };
}

interface Owner {
  hash: string;
  id: string;
  requesterId: string;
  requesterName: string;
  channel: VaultChannel;
  userId: string;
}

async function listing(deps: VaultDeps, owner: Owner, procedureCode: string | undefined): Promise<Result<VaultListing>> {
  const today = vietnamDate(deps.clock());
  const record = procedureCode ? deps.catalogue.inForce(procedureCode, today)?.record : undefined;
  if (procedureCode && !record) return fail('PROCEDURE_NOT_FOUND');
  let national: NationalImport = { status: 'notAsked', message: null, copied: 0 };
  if (record) {
    national = await importFromNationalVault(deps, {
      ownerHash: owner.hash,
      ownerId: owner.id,
      requesterId: owner.requesterId,
      requesterName: owner.requesterName,
      channel: owner.channel,
      procedureCode: record.code,
      resultCodes: replacingCodes(record.components),
      userId: owner.userId,
    });
  }
  const rows = await ownerDocuments(deps.db, owner.hash);
  const facts = rows.map((r) => ({ id: r.id, resultCode: r.result_code, validUntil: isoDay(r.valid_until), superseded: r.superseded }));
  const offers = record ? offersFor(record.components, facts, today) : new Map<string, typeof facts>();
  const typeName = resultTypeName(deps, today);
  return ok({
    documents: rows.map((r) => vaultView(r, today, typeName)),
    offers: record
      ? record.components
          .filter((c) => offers.has(c.code))
          .map((c) => ({ componentCode: c.code, componentName: c.name, documentIds: offers.get(c.code)!.map((d) => d.id) }))
      : [],
    national,
  });
}

/** GET /api/v1/my/vault: the logged-in citizen's or organisation's own vault. */
export async function listMyVault(deps: VaultDeps, input: { procedure?: string | undefined; meta: RequestMeta }): Promise<Result<VaultListing>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (actor.role !== 'citizen' && actor.role !== 'organization') return fail('FORBIDDEN_ROLE');
  const user = await deps.db
    .selectFrom('users')
    .select(['full_name', 'personal_id_sealed', 'personal_id_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  const id = openOrNull(deps.personalData, user?.personal_id_sealed);
  if (!user || !id || !user.personal_id_hash)
    return ok({ documents: [], offers: [], national: { status: 'notAsked', message: 'Tài khoản chưa có số định danh cá nhân', copied: 0 } });
  return listing(
    deps,
    { hash: user.personal_id_hash, id, requesterId: id, requesterName: user.full_name, channel: 'online', userId: actor.userId },
    input.procedure,
  );
}

/** The consent of this owner for the actor's unit in force now (its id), or null. */
export async function consentInForce(deps: VaultDeps, ownerHash: string, unitCode: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom('vault_consents')
    .select('id')
    .where('owner_hash', '=', ownerHash)
    .where('unit_code', '=', unitCode)
    .where('expires_at', '>', deps.clock())
    .executeTakeFirst();
  return row?.id ?? null;
}

/** GET /api/v1/vault?personalId=…: a walk-in citizen's vault at the desk, with their consent. */
export async function listDeskVault(
  deps: VaultDeps,
  input: { personalId: string; procedure?: string | undefined; meta: RequestMeta },
): Promise<Result<VaultListing>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'dossier.receive') || !actor.unitCode) return fail('FORBIDDEN_ROLE');
  if (personalIdProblem(input.personalId))
    return fail('PERSONAL_ID_INVALID', [{ path: 'querystring.personalId', message: personalIdProblem(input.personalId) }]);
  const hash = deps.personalData.lookupKey(input.personalId);
  const consent = await consentInForce(deps, hash, actor.unitCode);
  if (!consent) return fail('VAULT_CONSENT_REQUIRED');
  // Every opening of a citizen's vault at the desk is in the audit trail, under the consent it relied on.
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'vault.opened_at_desk',
      targetType: 'vault_consent',
      targetId: consent,
      details: { procedure: input.procedure ?? null },
      at: deps.clock(),
    }),
  );
  const official = await deps.db.selectFrom('users').select(['full_name']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  // At the counter (KenhThucHien 1) the official asks on the owner's behalf: the owner's number, the official's name.
  return listing(
    deps,
    { hash, id: input.personalId, requesterId: input.personalId, requesterName: official.full_name, channel: 'counter', userId: actor.userId },
    input.procedure,
  );
}
