/**
 * Looking a person up in the national population database (issue 20, INTEGRATIONS §6): at the desk with the ID
 * number, name and date of birth the applicant gives, or for a citizen's own online intake after a VNeID login.
 * Every lookup is logged (who, when, for which procedure, later which dossier, what came back) with the person as
 * the keyed hash of their number only. A registry that is down, slow or refusing is an answer, not an error:
 * intake goes on with manual entry and the answer says why. The prefilled values are kept as keyed digests per
 * field, so intake can count what the applicant typed and show where they differ from the registry.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { personalIdProblem } from '../../domain/data-vault/personal-id.js';
import { eFormOf, prefill, type PrefillData } from '../../domain/data-vault/e-form.js';
import type { PopulationAnswer } from '../../domain/data-vault/exchange.js';
import type { PopulationLookup } from '../../contract/data-vault.js';
import type { VaultDeps } from './vault-store.js';

/** A keyed digest of a prefilled value, normalised as the e-form compares them. */
export function prefillDigest(deps: Pick<VaultDeps, 'personalData'>, key: string, value: string): string {
  const normal = value.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  return createHmac('sha256', deps.personalData.lookupKey('eform-prefill')).update(`${key}\u0000${normal}`).digest('base64url').slice(0, 22);
}

const MESSAGES: Record<PopulationAnswer['kind'], string> = {
  found: 'Đã tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư; thông tin được điền sẵn.',
  notFound: 'Không tìm thấy công dân với số định danh, họ tên và ngày sinh này; kiểm tra lại hoặc nhập thông tin bằng tay.',
  refused: 'Nền tảng chia sẻ dữ liệu từ chối tra cứu; tiếp tục nhập thông tin bằng tay.',
  unavailable: 'Cơ sở dữ liệu quốc gia về dân cư không phản hồi; tiếp tục nhập thông tin bằng tay.',
};

export interface LookupSubject {
  personalId: string;
  fullName: string;
  birthDate: string;
  procedureCode: string;
  channel: 'counter' | 'online';
  account: PrefillData['account'];
}

/** One lookup, logged; the answer as the form needs it. */
export async function runPopulationLookup(deps: VaultDeps, subject: LookupSubject, meta: RequestMeta & { actor: NonNullable<RequestMeta['actor']> }) {
  const today = vietnamDate(deps.clock());
  const record = deps.catalogue.inForce(subject.procedureCode, today)?.record;
  if (!record) return fail('PROCEDURE_NOT_FOUND');
  const officer = meta.actor.role === 'citizen' || meta.actor.role === 'organization' ? null : meta.actor.userId;
  const username = officer ? ((await deps.db.selectFrom('users').select('username').where('id', '=', officer).executeTakeFirst())?.username ?? '') : 'vneid';
  const started = Date.now();
  const answer: PopulationAnswer = deps.populationRegistry
    ? await deps.populationRegistry.lookup({
        requestId: randomUUID(),
        serviceCode: record.onlineServiceCode ?? record.code,
        unitCode: meta.actor.unitCode ?? record.agency.implementingUnitCodes[0] ?? '',
        officer: username,
        personalId: subject.personalId,
        fullName: subject.fullName,
        birthDate: subject.birthDate,
      })
    : { kind: 'unavailable', reason: 'down', message: 'Chưa cấu hình kết nối Cơ sở dữ liệu quốc gia về dân cư' };
  const citizen = answer.kind === 'found' ? answer.citizen : null;
  const values = prefill(eFormOf(record), { citizen, account: subject.account });
  if (citizen) values.birthDate = citizen.birthDate;
  const digests = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, prefillDigest(deps, k, v)]));
  const detail =
    answer.kind === 'refused' ? `${answer.status} ${answer.message}` : answer.kind === 'unavailable' ? `${answer.reason}: ${answer.message}` : null;
  const logged = await deps.db
    .insertInto('population_lookups')
    .values({
      at: deps.clock(),
      official_id: officer,
      requested_by: meta.actor.userId,
      unit_code: meta.actor.unitCode,
      channel: subject.channel,
      procedure_code: record.code,
      dossier_id: null,
      subject_hash: deps.personalData.lookupKey(subject.personalId),
      outcome: answer.kind,
      detail: detail?.slice(0, 500) ?? null,
      duration_ms: Date.now() - started,
      prefill_digest: JSON.stringify(digests),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = answer.kind === 'refused' || answer.kind === 'unavailable' ? `${MESSAGES[answer.kind]} (${answer.message})` : MESSAGES[answer.kind];
  return ok({ lookupId: logged.id, outcome: answer.kind, message, prefilled: values, record });
}

/** POST /api/v1/population/lookups: the desk looks a walk-in applicant up. */
export async function lookupPopulation(
  deps: VaultDeps,
  input: { personalId: string; fullName: string; birthDate: string; procedureCode: string; meta: RequestMeta },
): Promise<Result<PopulationLookup>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!hasCapability(actor.role, 'dossier.receive')) return fail('FORBIDDEN_ROLE');
  const problem = personalIdProblem(input.personalId);
  if (problem) return fail('PERSONAL_ID_INVALID', [{ path: 'body.personalId', message: problem }]);
  const done = await runPopulationLookup(deps, { ...input, channel: 'counter', account: null }, { ...input.meta, actor });
  if (!done.ok) return done;
  const { lookupId, outcome, message, prefilled } = done.value;
  return ok({ lookupId, outcome, message, prefilled });
}
