/**
 * Intake on three channels. Online: a citizen submits (status 1, waiting for the desk). Counter and postal:
 * a desk officer enters the dossier for the applicant and usually accepts it at once, in the same
 * transaction. The procedure version in force that day is fixed in the dossier's header, with its time
 * limit for the channel and its process template.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { openOrNull, sealApplicant, type PersonalDataCipher } from '../personal-data.js';
import { actionDigest, appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize, deskMayReceive, deskServes, scopeRootOf } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Channel, ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { workingMinutes } from '../../domain/catalogue/completeness.js';
import { decide } from '../../domain/dossier/decide.js';
import { missingMandatoryComponents } from '../../domain/dossier/intake.js';
import { evolve, initialState, type DossierHeader } from '../../domain/dossier/fold.js';
import type { Command, RecordedAction } from '../../domain/dossier/dossier.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { actionRow, nextDossierCode, projection, relationOf, toLocal } from './dossier-store.js';
import { enqueueDossierNotifications } from './notifications.js';
import { followDossiers } from '../scorecard/statistics.js';
import { addIntakeFeeLines } from '../payment/fee-lines.js';
import { linkLookup, LookupAlreadyUsed, resolveIntakeEForm } from '../data-vault/intake-form.js';

export interface ApplicantInput {
  fullName: string;
  personalId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface CreateDossierInput {
  procedureCode: string;
  channel: Channel;
  /** The competent unit; defaults to the only implementing unit, or the desk's commune for a commune procedure. */
  unitCode: string | null;
  /** Counter and postal: required. Online: the name, ID number and e-mail come from the eID account; the contact given here is kept. */
  applicant: ApplicantInput | null;
  components: { code: string; name: string; form: string; copies: number }[];
  /** Counter and postal intake: accept at once (the clock starts); refused while a mandatory component is missing. */
  accept: boolean;
  /**
   * Counter and postal intake of an incomplete dossier: record it with a reception-time supplement request
   * (form 02, no clock) instead of accepting it. `items` defaults to the mandatory components not received.
   */
  receptionSupplement?: { reason: string; items: string[] } | null;
  /** Issue 20: the e-form's values, the population-registry lookup that prefilled them, when the desk opened the form. */
  formData?: Record<string, string> | null;
  populationLookupId?: string | null;
  intakeStartedAt?: string | null;
  meta: RequestMeta;
}

type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory; personalData: PersonalDataCipher };

/** The header fixed at intake: the channel's time limit and the process template with its units resolved. */
export function buildHeader(record: ProcedureRecord, channel: Channel, unitCode: string, receivingUnitCode: string, applicantId: string | null): DossierHeader {
  const method = record.methods.find((m) => m.channel === channel) ?? record.methods[0]!;
  return {
    channel,
    unitCode,
    receivingUnitCode,
    applicantId,
    timeLimit: method.timeLimit,
    steps: record.processTemplate.map((s) => ({
      name: s.name,
      role: s.role,
      // A template's "null" unit: the desk that received the dossier for the desk's steps, else the competent unit.
      unitCode: s.unitCode ?? (s.role === 'desk_officer' ? receivingUnitCode : unitCode),
      interAgency: s.interAgency,
      budgetMinutes: workingMinutes(s.budget) ?? 0,
    })),
  };
}

/** An online applicant as the eID account knows them (name, ID number, e-mail), with the contact they typed. */
async function accountApplicant(deps: Deps, userId: string, typed: ApplicantInput | null): Promise<ApplicantInput | null> {
  const user = await deps.db.selectFrom('users').select(['full_name', 'personal_id_sealed', 'email']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  return {
    fullName: user.full_name,
    personalId: openOrNull(deps.personalData, user.personal_id_sealed),
    address: typed?.address ?? null,
    phone: typed?.phone ?? null,
    email: typed?.email ?? user.email,
  };
}

/** An online applicant's contact from the e-form (what the account does not know). */
const fromForm = (form: Record<string, string>, typed: ApplicantInput | null): ApplicantInput => ({
  fullName: typed?.fullName ?? form.fullName ?? '',
  personalId: null,
  address: typed?.address ?? form.permanentAddress ?? null,
  phone: typed?.phone ?? form.phone ?? null,
  email: typed?.email ?? form.email ?? null,
});

export async function createDossier(deps: Deps, input: CreateDossierInput): Promise<Result<{ id: string; code: string; status: string }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const tree = deps.units.tree();
  const now = deps.clock();
  const today = vietnamDate(now);
  const version = deps.catalogue.inForce(input.procedureCode, today);
  if (!version) return fail('PROCEDURE_NOT_FOUND');
  const record: ProcedureRecord = version.record;
  const method = record.methods.find((m) => m.channel === input.channel);
  if (!method) return fail('CHANNEL_NOT_OFFERED');

  const online = input.channel === 'online';
  if (online && actor.role !== 'citizen' && actor.role !== 'organization') return fail('FORBIDDEN_ROLE');
  const typed = online && input.formData ? fromForm(input.formData, input.applicant) : input.applicant;
  const applicant = online ? await accountApplicant(deps, actor.userId, typed) : input.applicant;
  if (!applicant) return fail('VALIDATION_FAILED', [{ path: 'body.applicant', message: 'Cần thông tin người nộp hồ sơ' }]);
  const intakeStartedAt = !online && input.intakeStartedAt ? new Date(Math.min(Date.parse(input.intakeStartedAt), now.getTime())) : null;
  if (!online) {
    const allowed = authorize(actor, 'dossier.receive');
    if (!allowed.ok) return fail(allowed.code);
  }
  const eform = await resolveIntakeEForm(deps, {
    record,
    online,
    userId: actor.userId,
    ownerPersonalId: applicant.personalId,
    formData: input.formData ?? null,
    lookupId: input.populationLookupId ?? null,
  });
  if (!eform.ok) return eform;
  // The competent unit.
  let unitCode = input.unitCode;
  if (unitCode === null) {
    if (record.agency.implementingUnitCodes.length === 1) unitCode = record.agency.implementingUnitCodes[0]!;
    else if (record.level === 'commune' && actor.unitCode) unitCode = scopeRootOf(actor.unitCode, tree);
  }
  const unit = unitCode ? tree.find(unitCode) : undefined;
  if (!unit || !unitCode) return fail('VALIDATION_FAILED', [{ path: 'body.unitCode', message: 'Cần chọn cơ quan giải quyết hồ sơ' }]);
  const implementing =
    record.agency.implementingUnitCodes.length > 0
      ? record.agency.implementingUnitCodes.includes(unitCode)
      : record.level === 'commune' && unit.level === 'commune';
  if (!implementing) return fail('VALIDATION_FAILED', [{ path: 'body.unitCode', message: `${unit.name} không thực hiện thủ tục này` }]);
  // Where it is received: the desk for counter and postal intake, the competent unit for online submissions.
  const receivingUnitCode = online ? unitCode : actor.unitCode!;
  // A desk receives its own local government's dossiers, and others of its province only where the procedure
  // allows location-independent reception (ADR 7): the provincial centre does not take a commune's procedure.
  if (!online && !deskMayReceive(receivingUnitCode, unitCode, record.locationIndependent, tree)) {
    return fail('FORBIDDEN_UNIT', [{ path: 'body.unitCode', message: 'Thủ tục này không được tiếp nhận không phụ thuộc địa giới hành chính' }]);
  }
  const header = buildHeader(record, input.channel, unitCode, receivingUnitCode, online ? actor.userId : null);
  let state = initialState();
  const supplement = online ? null : (input.receptionSupplement ?? null);
  const accepting = input.accept && !online && supplement === null;
  // The desk accepts only a complete dossier; an incomplete one gets form 02 (REFERENCE §2.6).
  const missing = online ? [] : missingMandatoryComponents(record.components, input.components);
  if (accepting && missing.length > 0) {
    return fail(
      'MANDATORY_COMPONENTS_MISSING',
      missing.map((c) => ({ path: 'body.components', message: `Thiếu thành phần bắt buộc: ${c.name}` })),
    );
  }
  let accept: RecordedAction | null = null;
  const rules = deps.calendars.rulesFor(receivingUnitCode);
  const first: Command | null = accepting
    ? { type: 'accept' }
    : supplement
      ? { type: 'requestSupplementAtReception', reason: supplement.reason, items: supplement.items.length > 0 ? supplement.items : missing.map((c) => c.name) }
      : null;
  if (first) {
    const decided = decide(header, state, first, relationOf(actor, header, state, tree), toLocal(now), rules);
    if (!decided.ok) return fail(decided.refusal.code);
    accept = { ...decided.event, seq: 1, at: toLocal(now), actor: { userId: actor.userId, role: actor.role, unitCode: actor.unitCode } } as RecordedAction;
    state = evolve(header, state, accept);
  }
  // The day's number is taken in a statement of its own: the unit's sequence row is then locked for that statement,
  // not for the whole intake, so the desks of one centre do not queue behind each other. An intake that fails after
  // it leaves a gap in the day's numbers, which the code format allows (REFERENCE §2: a sequence reset daily).
  const code = await nextDossierCode(deps.db, unitCode, today);
  let created: { id: string; code: string };
  try {
    created = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('dossiers')
        .values({
          code,
          procedure_code: record.code,
          procedure_version_id: version.id,
          channel: input.channel,
          unit_code: unitCode,
          receiving_unit_code: receivingUnitCode,
          location_independent: record.locationIndependent && !deskServes(receivingUnitCode, unitCode, tree),
          applicant_id: header.applicantId,
          applicant: JSON.stringify(sealApplicant(deps.personalData, applicant)),
          components: JSON.stringify(input.components),
          header: JSON.stringify(header),
          submitted_at: now,
          created_by: actor.userId,
          owner_hash: applicant.personalId ? deps.personalData.lookupKey(applicant.personalId) : null,
          eid_level: online ? eform.value.eidLevel : null,
          eform: eform.value.eform ? JSON.stringify(eform.value.eform) : null,
          intake_started_at: intakeStartedAt,
          ...projection(header, state, rules),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await linkLookup(trx, eform.value.lookupId, row.id);
      const recorded = accept ? actionRow(row.id, accept) : null;
      if (recorded) await trx.insertInto('dossier_actions').values(recorded).execute();
      // Its fee lines, from the version's schedule at the channel's amounts (issue 18).
      if (await addIntakeFeeLines(trx, row.id, record.fees, input.channel, now))
        await trx.updateTable('dossiers').set({ fee_due: true }).where('id', '=', row.id).execute();
      await followDossiers(trx, [row.id]);
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: accepting ? 'dossier.received_and_accepted' : supplement ? 'dossier.received_supplement_requested' : 'dossier.submitted',
        targetType: 'dossier',
        targetId: row.id,
        details: { code, procedureCode: record.code, channel: input.channel, ...(recorded ? { seq: recorded.seq, action: actionDigest(recorded) } : {}) },
        at: now,
      });
      await enqueueDossierNotifications(
        trx,
        { dossierId: row.id, code, channel: input.channel, before: null, after: state, action: accept, at: now },
        deps.personalData,
      );
      return { id: row.id, code };
    });
  } catch (error) {
    if (error instanceof LookupAlreadyUsed)
      return fail('VALIDATION_FAILED', [{ path: 'body.populationLookupId', message: 'Lượt tra cứu dân cư này đã dùng cho một hồ sơ khác' }]);
    throw error;
  }
  return ok({ ...created, status: state.status });
}
