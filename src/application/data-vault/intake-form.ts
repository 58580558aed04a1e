/**
 * The e-form at intake (issue 20): what a procedure's form asks, prefilled from the eID account and the
 * population registry (GET /api/v1/my/intake-form for a citizen online), and, when the dossier is sent, the
 * record of it: the values checked against the declared schema, the fields the applicant had to type, those
 * prefilled, and where the applicant differs from what the registry said (shown to the officer). A lookup
 * sent with the dossier must be the sender's own, unused, recent and of the same person; it is then linked to
 * the dossier, which is how the dossier records that it used population data (DSKetNoiCSDL, indicator 4.5).
 */
import type { Transaction } from 'kysely';
import type { RequestMeta } from '../context.js';
import type { DB, EFormRecord } from '../../infrastructure/db/schema.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { checkEForm, eFormOf, prefill } from '../../domain/data-vault/e-form.js';
import type { IntakeForm } from '../../contract/data-vault.js';
import { openOrNull } from '../personal-data.js';
import { prefillDigest, runPopulationLookup } from './lookup-population.js';
import type { VaultDeps } from './vault-store.js';

/** How long a lookup stays usable for the dossier it prefilled. */
const LOOKUP_TTL_MS = 4 * 3_600_000;

type IntakeDeps = Pick<VaultDeps, 'db' | 'personalData' | 'clock'>;

/** What the logged-in account knows of its holder (the eID provider's claims at the last login). */
async function accountOf(deps: IntakeDeps, userId: string) {
  const user = await deps.db
    .selectFrom('users')
    .select(['full_name', 'personal_id_sealed', 'birth_date', 'phone', 'email', 'eid_level'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  return {
    fullName: user.full_name,
    personalId: openOrNull(deps.personalData, user.personal_id_sealed),
    birthDate: user.birth_date,
    phone: user.phone,
    email: user.email,
    eidLevel: user.eid_level,
  };
}

function accountValues(account: NonNullable<Awaited<ReturnType<typeof accountOf>>>): Record<string, string> {
  const out: Record<string, string> = { fullName: account.fullName };
  if (account.personalId) out.personalId = account.personalId;
  if (account.birthDate) out.birthDate = account.birthDate;
  if (account.phone) out.phone = account.phone;
  if (account.email) out.email = account.email;
  return out;
}

/** GET /api/v1/my/intake-form?procedure=…: the form, prefilled for the logged-in citizen. */
export async function intakeForm(deps: VaultDeps, input: { procedure: string; meta: RequestMeta }): Promise<Result<IntakeForm>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (actor.role !== 'citizen' && actor.role !== 'organization') return fail('FORBIDDEN_ROLE');
  const record = deps.catalogue.inForce(input.procedure, vietnamDate(deps.clock()))?.record;
  if (!record) return fail('PROCEDURE_NOT_FOUND');
  const account = await accountOf(deps, actor.userId);
  if (!account) return fail('AUTH_REQUIRED');
  const fields = eFormOf(record);
  const fromAccount = prefill(fields, { citizen: null, account: { email: account.email, phone: account.phone } });
  const base = { ...accountValues(account), ...fromAccount };
  let lookup: IntakeForm['lookup'] = {
    lookupId: null,
    outcome: 'unavailable',
    message: 'Tài khoản chưa có đủ số định danh và ngày sinh để tra cứu Cơ sở dữ liệu quốc gia về dân cư; nhập thông tin còn thiếu.',
    prefilled: base,
  };
  if (account.personalId && account.birthDate) {
    const done = await runPopulationLookup(
      deps,
      { personalId: account.personalId, fullName: account.fullName, birthDate: account.birthDate, procedureCode: record.code, channel: 'online', account },
      { ...input.meta, actor },
    );
    if (!done.ok) return done;
    lookup = { lookupId: done.value.lookupId, outcome: done.value.outcome, message: done.value.message, prefilled: { ...base, ...done.value.prefilled } };
  }
  return ok({ procedureCode: record.code, fields, lookup, eidLevel: account.eidLevel, eidLevel2Required: record.eidLevel2Required === true });
}

const norm = (v: string) => v.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

export interface ResolvedEForm {
  eform: EFormRecord | null;
  lookupId: string | null;
  /** The VNeID level of an online sender's account. */
  eidLevel: 1 | 2 | null;
}

/** Checks the e-form and the lookup sent with a new dossier; what the dossier will record of them. */
export async function resolveIntakeEForm(
  deps: IntakeDeps,
  input: {
    record: ProcedureRecord;
    online: boolean;
    userId: string;
    ownerPersonalId: string | null;
    formData: Record<string, string> | null;
    lookupId: string | null;
  },
): Promise<Result<ResolvedEForm>> {
  const account = input.online ? await accountOf(deps, input.userId) : null;
  // An account from before levels were kept was opened through the eID provider all the same: level 1 at least.
  const eidLevel = account ? (account.eidLevel ?? 1) : null;
  if (input.online && input.record.eidLevel2Required && eidLevel !== 2) return fail('EID_LEVEL_REQUIRED');
  let digests: Record<string, string> = {};
  let registry: EFormRecord['registry'] = 'notAsked';
  if (input.lookupId) {
    const row = await deps.db.selectFrom('population_lookups').selectAll().where('id', '=', input.lookupId).executeTakeFirst();
    const fresh = row && deps.clock().getTime() - row.at.getTime() < LOOKUP_TTL_MS;
    const same = row && input.ownerPersonalId !== null && row.subject_hash === deps.personalData.lookupKey(input.ownerPersonalId);
    if (!row || row.requested_by !== input.userId || row.dossier_id !== null || !fresh || !same || row.procedure_code !== input.record.code)
      return fail('VALIDATION_FAILED', [
        { path: 'body.populationLookupId', message: 'Lượt tra cứu dân cư không dùng được cho hồ sơ này (hết hạn, đã dùng hoặc của người khác)' },
      ]);
    digests = row.prefill_digest ?? {};
    registry = row.outcome;
  }
  if (!input.formData) return ok({ eform: null, lookupId: input.lookupId, eidLevel });
  const fields = eFormOf(input.record);
  const problems = checkEForm(fields, input.formData);
  if (problems.length > 0)
    return fail(
      'VALIDATION_FAILED',
      problems.map((p) => ({ path: `body.formData.${p.key}`, message: p.message })),
    );
  const known = account ? accountValues(account) : {};
  const prefilledKeys: string[] = [];
  const differs: string[] = [];
  let typed = 0;
  for (const f of fields) {
    const v = (input.formData[f.key] ?? '').trim();
    const fromAccount = known[f.key];
    const fromRegistry = digests[f.key];
    const given = fromAccount !== undefined || fromRegistry !== undefined;
    const matches =
      (fromAccount !== undefined && norm(fromAccount) === norm(v)) || (fromRegistry !== undefined && prefillDigest(deps, f.key, v) === fromRegistry);
    if (given && matches) prefilledKeys.push(f.key);
    else if (v !== '') typed++;
    if (v !== '' && fromRegistry !== undefined && prefillDigest(deps, f.key, v) !== fromRegistry) differs.push(f.key);
  }
  // ID numbers are kept sealed (ADR 8): the applicant's in the sealed applicant only, any other (a partner's) sealed here.
  const values: Record<string, string> = {};
  for (const f of fields) {
    const v = input.formData[f.key];
    if (v === undefined || f.key === 'personalId') continue;
    values[f.key] = f.type === 'personalId' && v !== '' ? deps.personalData.seal(v) : v;
  }
  return ok({
    eform: { values, declared: fields.length, typed, prefilled: prefilledKeys, mismatches: differs, registry },
    lookupId: input.lookupId,
    eidLevel,
  });
}

/** A lookup another dossier took first (a double submit): the intake is rolled back. */
export class LookupAlreadyUsed extends Error {}

/** Links the lookup to the dossier it served, in the intake's transaction; throws LookupAlreadyUsed when another dossier has it. */
export async function linkLookup(trx: Transaction<DB>, lookupId: string | null, dossierId: string): Promise<void> {
  if (!lookupId) return;
  const linked = await trx
    .updateTable('population_lookups')
    .set({ dossier_id: dossierId })
    .where('id', '=', lookupId)
    .where('dossier_id', 'is', null)
    .executeTakeFirst();
  if (Number(linked.numUpdatedRows) !== 1) throw new LookupAlreadyUsed();
}
