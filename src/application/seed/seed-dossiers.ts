/**
 * `motcua seed --dossiers N`: synthetic dossiers with realistic distributions, for demos, scorecards and
 * benchmarks. Each dossier is lived through the real workflow (decide → evolve) over the past year on the
 * province's calendar: reception (some refused or sent back for documents), steps that mostly keep their
 * budget and sometimes overrun, supplement requests, apologies before a late finish, approval or
 * rejection, return; the most recent ones are still open. Written in batches, deterministic for a seed.
 */
import { seedPayments, type SeededPayments } from './seed-payments.js';
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DB, DossierFilesTable, DossierRatingsTable } from '../../infrastructure/db/schema.js';
import { seededReuse } from './seed-vault.js';
import { insertSeededResults, pushSeededResult, seededSampleResult, type SeededResults } from './seed-results.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { Unit } from '../../domain/units/unit.js';
import type { Channel } from '../../domain/catalogue/procedure.js';
import { decide, type ActorRelation, type ClockRules } from '../../domain/dossier/decide.js';
import { evolve, initialState, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import type { Command, RecordedAction } from '../../domain/dossier/dossier.js';
import { addWorkingTime, localMinutesFromUtcMs, utcMsFromLocalMinutes, workingMinutesPerDay } from '../../domain/calendar/working-time.js';
import { civilFromJdn, isoFromJdn, weekdayOfJdn } from '../../domain/calendar/civil-date.js';
import { tetJdn } from '../../domain/calendar/lunar.js';
import { appendAudit } from '../audit/audit-chain.js';
import type { CatalogueDirectory, CatalogueVersion } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import type { UnitDirectory } from '../context.js';
import { buildHeader } from '../dossier/create-dossier.js';
import { actionRow, projection, toDate } from '../dossier/dossier-store.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { followDossiers } from '../scorecard/statistics.js';
import type { PersonalDataCipher } from '../personal-data.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vi', 'Hoàng', 'Nông', 'Lương', 'Đinh', 'Lộc', 'Chu'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Tuấn', 'Yến'];

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface SeedDossiersOptions {
  count: number;
  seed?: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A one-page scan, stored once: the synthetic component files and e-results all point at it. */
const SAMPLE_SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** How many synthetic citizens (VNeID accounts) submit the online dossiers. */
const SYNTHETIC_CITIZENS = 200;

/** More dossiers in the two weeks before Tết, almost none in the Tết week, fewer just after; few at weekends. */
function seasonalWeight(jd: number): number {
  const c = civilFromJdn(jd);
  const weekday = weekdayOfJdn(jd);
  let w = weekday === 5 || weekday === 6 ? 0.15 : 1; // Saturday, Sunday
  for (const year of [c.year, c.year + 1]) {
    const tet = tetJdn(year);
    if (jd >= tet - 14 && jd < tet - 1) w *= 1.5;
    else if (jd >= tet - 1 && jd <= tet + 5) w *= 0.05;
    else if (jd > tet + 5 && jd <= tet + 20) w *= 0.7;
  }
  return w;
}

export async function seedDossiers(
  deps: {
    db: Kysely<DB>;
    units: UnitDirectory;
    catalogue: CatalogueDirectory;
    calendars: CalendarDirectory;
    files?: FileStore;
    personalData: PersonalDataCipher;
  },
  options: SeedDossiersOptions,
): Promise<{ dossiers: number; actions: number; open: number }> {
  const random = prng(options.seed ?? 20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const now = options.now ?? new Date();
  const nowLocal = localMinutesFromUtcMs(now.getTime());
  const tree = deps.units.tree();
  const today = vietnamDate(now);
  const procedures = deps.catalogue.search({ at: today }).filter((v) => v.record.processTemplate.length > 0);
  if (procedures.length === 0) throw new Error('the catalogue is empty: seed the demo province first');
  const inForce = (u: Unit) => u.validTo === null || u.validTo >= today;
  const communes = tree.all().filter((u) => u.level === 'commune' && inForce(u));
  const centreOf = (code: string) => tree.children(code).find((c) => c.level === 'service_center')?.code ?? code;
  const provinceDesk = tree.all().find((u) => u.level === 'one_stop_desk' && inForce(u))?.code ?? null;
  const officials = new Map<string, string>();
  const officialId = (unitCode: string, role: string) => {
    const key = `${unitCode}:${role}`;
    let id = officials.get(key);
    if (!id) officials.set(key, (id = randomUUID()));
    return id;
  };
  const syntheticId = (cipher: PersonalDataCipher, clear: string) => ({ personal_id_sealed: cipher.seal(clear), personal_id_hash: cipher.lookupKey(clear) });
  // Citizens with VNeID accounts for the online dossiers (created once, reused by later seeds).
  const citizens = await deps.db
    .selectFrom('users')
    .select(['id', 'personal_id_hash'])
    .where('kind', '=', 'applicant')
    .where('oidc_issuer', '=', 'synthetic')
    .limit(SYNTHETIC_CITIZENS)
    .execute();
  const citizenIds = citizens.map((r) => r.id);
  const ownerOf = new Map(citizens.map((r) => [r.id, r.personal_id_hash]));
  for (let i = citizenIds.length; i < SYNTHETIC_CITIZENS; i++) {
    const row = await deps.db
      .insertInto('users')
      .values({
        kind: 'applicant',
        role: 'citizen',
        username: null,
        password_hash: null,
        full_name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
        email: null,
        unit_code: null,
        ...syntheticId(deps.personalData, `099${String(i).padStart(9, '0')}`),
        oidc_issuer: 'synthetic',
        oidc_subject: `synthetic-${i}`,
        eid_level: 2,
      })
      .returning(['id', 'personal_id_hash'])
      .executeTakeFirstOrThrow();
    citizenIds.push(row.id);
    ownerOf.set(row.id, row.personal_id_hash);
  }
  const scan = deps.files ? await deps.files.put(SAMPLE_SCAN) : null;
  const reusedFrom = seededReuse(deps.db, scan, ownerOf, random);
  // Synthetic history shares one result signed with the demo CA (a live dossier's result is its own, issue 19).
  const sample = deps.files ? await seededSampleResult(deps.db, deps.files, new Date(utcMsFromLocalMinutes(nowLocal))) : null;
  // A kiosk rating is entered by a desk officer of the unit (the table insists on a real account).
  const deskOfficers = await deps.db
    .selectFrom('users')
    .select(['id', 'unit_code'])
    .where('kind', '=', 'official')
    .where('role', '=', 'desk_officer')
    .execute();
  const kioskOfficer = (unit: string) => deskOfficers.find((o) => o.unit_code === unit)?.id ?? deskOfficers[0]?.id ?? null;
  const sequences = new Map<string, number>();
  for (const r of await deps.db.selectFrom('dossier_sequences').selectAll().execute()) sequences.set(`${r.unit_code}|${r.day}`, r.last);

  let total = 0;
  let actionsTotal = 0;
  let open = 0;
  const batchSize = options.batchSize ?? 400;
  const dossierRows: Parameters<ReturnType<Kysely<DB>['insertInto']>['values']>[0][] = [];
  const actionRows: ReturnType<typeof actionRow>[] = [];
  const fileRows: Insertable<DossierFilesTable>[] = [];
  const ratingRows: Insertable<DossierRatingsTable>[] = [];
  const results: SeededResults = { documents: [], signatures: [] };
  const payments: { fees: SeededPayments['fees']; attempts: SeededPayments['attempts'] } = { fees: [], attempts: [] };

  const flush = async () => {
    if (dossierRows.length === 0) return;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('dossiers')
        .values(dossierRows as never)
        .execute();
      await followDossiers(
        trx,
        dossierRows.map((r) => (r as { id: string }).id),
      );
      for (let i = 0; i < actionRows.length; i += 2000)
        await trx
          .insertInto('dossier_actions')
          .values(actionRows.slice(i, i + 2000))
          .execute();
      if (fileRows.length > 0) await trx.insertInto('dossier_files').values(fileRows).execute();
      if (ratingRows.length > 0) await trx.insertInto('dossier_ratings').values(ratingRows).execute();
      await insertSeededResults(trx, results);
      if (payments.attempts.length > 0) await trx.insertInto('payment_attempts').values(payments.attempts).execute();
      for (let i = 0; i < payments.fees.length; i += 2000)
        await trx
          .insertInto('dossier_fees')
          .values(payments.fees.slice(i, i + 2000))
          .execute();
    });
    payments.fees.length = 0;
    payments.attempts.length = 0;
    dossierRows.length = 0;
    actionRows.length = 0;
    fileRows.length = 0;
    ratingRows.length = 0;
    results.documents.length = 0;
    results.signatures.length = 0;
    options.onProgress?.(total, options.count);
  };

  const YEAR = 365 * 1440;
  for (let n = 0; n < options.count; n++) {
    const version: CatalogueVersion = pick(procedures);
    const record = version.record;
    const channels = record.methods.map((m) => m.channel);
    const roll = random();
    const channel: Channel =
      channels.includes('online') && roll < 0.45
        ? 'online'
        : channels.includes('postal') && roll > 0.95
          ? 'postal'
          : channels.includes('counter')
            ? 'counter'
            : channels[0]!;
    const unitCode = record.agency.implementingUnitCodes.length > 0 ? pick(record.agency.implementingUnitCodes) : pick(communes).code;
    const receivingUnitCode = channel === 'online' ? unitCode : record.level === 'commune' ? centreOf(unitCode) : (provinceDesk ?? unitCode);
    const applicantId = channel === 'online' ? pick(citizenIds) : null;
    const header: DossierHeader = buildHeader(record, channel, unitCode, receivingUnitCode, applicantId);
    const fee = record.fees.reduce((sum, f) => sum + f.amount, 0);
    const rules: ClockRules = deps.calendars.rulesFor(receivingUnitCode);
    // Submitted at a random working-hours instant over the past year (recent months busier, Tết seasonal).
    let t = nowLocal - Math.floor(Math.pow(random(), 0.8) * YEAR);
    while (random() * 1.5 > seasonalWeight(Math.floor(t / 1440))) t = nowLocal - Math.floor(Math.pow(random(), 0.8) * YEAR);
    const day = Math.floor(t / 1440);
    t = day * 1440 + 7 * 60 + Math.floor(random() * 9 * 60);
    if (t >= nowLocal) t = nowLocal - 60;
    const submittedAt = t;

    let state: DossierState = initialState();
    const history: RecordedAction[] = [];
    const relationFor = (role: string, unit: string): ActorRelation => ({
      userId: officialId(unit, role),
      role,
      atReceivingUnit: true,
      atStepUnit: true,
      atCompetentUnit: true,
      isApplicant: false,
    });
    const step = (command: Command, role: string, unit: string, at: number, userId?: string | null): boolean => {
      if (at > nowLocal) return false;
      const relation = { ...relationFor(role, unit), ...(userId ? { userId, isApplicant: true } : {}) };
      // A seeded e-result is the signed sample result (below): its document record is written with the dossier.
      const decided = decide(header, state, command, relation, at, rules, command.type === 'issueResult' ? { signedResult: true } : {});
      if (!decided.ok) return false;
      const action = { ...decided.event, seq: state.seq + 1, at, actor: { userId: relation.userId, role, unitCode: unit } } as RecordedAction;
      state = evolve(header, state, action);
      history.push(action);
      return true;
    };
    const desk = header.receivingUnitCode;
    let at = submittedAt + (channel === 'online' ? Math.floor(random() * 2 * 1440) : 5);
    const r = random();
    if (r < 0.03) {
      step({ type: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' }, 'desk_officer', desk, at);
    } else {
      if (
        r < 0.08 &&
        step({ type: 'requestSupplementAtReception', reason: 'Thiếu bản sao giấy tờ tùy thân', items: ['Bản sao CCCD'] }, 'desk_officer', desk, at)
      ) {
        at += 1440 * (1 + Math.floor(random() * 3));
        step({ type: 'resubmit' }, 'desk_officer', desk, at);
        at += 10;
      }
      if (step({ type: 'accept' }, 'desk_officer', desk, at)) {
        const late = random() < 0.12;
        let supplemented = false;
        for (let k = 0; k < header.steps.length; k++) {
          const s = header.steps[k]!;
          if (state.status === 'resultReady' || state.status === 'withdrawn') break;
          if (k > 0) {
            at += 5;
            if (!step({ type: 'claim' }, s.role, s.unitCode, at)) break;
          }
          // Time at this step: mostly well inside the budget (wall-clock minutes, roughly 3× working time).
          const factor = late && k === 1 ? 1.5 + random() * 2 : 0.2 + random() * 0.7;
          at += Math.max(10, Math.floor(s.budgetMinutes * factor * 3));
          if (k === 1 && fee > 0 && state.status === 'processing' && step({ type: 'requestFee', amount: fee, note: null }, s.role, s.unitCode, at)) {
            // Online applicants mostly pay through the payment gateway; counter ones at the desk.
            at += 60 + Math.floor(random() * 1440);
            const online = channel === 'online' && random() < 0.7;
            if (!step({ type: 'payFee' }, online ? 'citizen' : 'desk_officer', online ? unitCode : desk, at, online ? applicantId : undefined)) break;
            at += 10;
          }
          if (k === 1 && !supplemented && random() < 0.08) {
            supplemented = true;
            if (step({ type: 'requestSupplement', reason: 'Cần bổ sung giấy tờ chứng minh', items: ['Giấy tờ chứng minh'] }, s.role, s.unitCode, at)) {
              at += 1440 * (1 + Math.floor(random() * 4));
              if (!step({ type: 'receiveSupplement' }, 'desk_officer', desk, at)) break;
              at += 30;
            }
          }
          if (random() < 0.01) {
            step({ type: 'withdraw', reason: 'Người nộp xin rút hồ sơ' }, 'desk_officer', desk, at);
            break;
          }
          if (s.role === 'leader') {
            if (late && state.dueAt !== null && state.extensions === 0 && random() < 0.6) {
              step(
                {
                  type: 'apologize',
                  reason: 'Cần thêm thời gian xác minh',
                  newAppointmentAt: addWorkingTime(rules.calendar, rules.hours, state.dueAt, 3 * workingMinutesPerDay(rules.hours)),
                },
                s.role,
                s.unitCode,
                Math.min(at, state.dueAt - 1440),
              );
            }
            if (
              !step(random() < 0.95 ? { type: 'approve', note: null } : { type: 'reject', reason: 'Không đủ điều kiện theo quy định' }, s.role, s.unitCode, at)
            )
              break;
            // Most results are also issued electronically (indicator 4.1).
            if (sample && state.outcome === 'approved' && random() < 0.6)
              step({ type: 'issueResult', fileSha256: sample.sha256, fileName: 'Kết quả giải quyết.pdf' }, 'desk_officer', desk, at + 5);
            break;
          }
          const next = k + 1 < header.steps.length ? k + 1 : null;
          if (next === null) break;
          if (!step({ type: 'transfer', toStep: next, note: null }, s.role, s.unitCode, at)) break;
        }
        if (state.status === 'resultReady') step({ type: 'returnResult', method: channel }, 'desk_officer', desk, at + Math.floor(random() * 3 * 1440));
      }
    }

    const code = (() => {
      const date = isoFromJdn(Math.floor(submittedAt / 1440));
      const key = `${unitCode}|${date}`;
      const seq = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, seq);
      return `${unitCode}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
    })();
    const id = randomUUID();
    const paid = seedPayments({ dossierId: id, code, unitCode, channel, fees: record.fees, submittedAt, history, random });
    payments.fees.push(...paid.fees);
    payments.attempts.push(...paid.attempts);
    dossierRows.push({
      id,
      code,
      procedure_code: record.code,
      procedure_version_id: version.id,
      channel,
      unit_code: unitCode,
      receiving_unit_code: receivingUnitCode,
      location_independent: false,
      owner_hash: applicantId ? (ownerOf.get(applicantId) ?? null) : null,
      eid_level: applicantId ? 2 : null,
      applicant_id: applicantId,
      applicant: JSON.stringify({ fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`, personalId: null, address: null, phone: null, email: null }),
      components: JSON.stringify(record.components.map((c) => ({ code: c.code, name: c.name, form: c.form, copies: c.quantity }))),
      header: JSON.stringify(header),
      submitted_at: toDate(submittedAt)!,
      created_by: null,
      ...projection(header, state, rules),
      fee_due: paid.feeDue,
    });
    for (const a of history) actionRows.push(actionRow(id, a));
    if (sample) pushSeededResult(results, sample, { dossierId: id, unitCode, history, result: record.results[0] });
    // Component files: uploaded with every online dossier, scanned at the desk for most counter ones.
    if (scan && state.acceptedAt !== null && (channel === 'online' || random() < 0.7)) {
      const component = record.components[0];
      fileRows.push({
        dossier_id: id,
        component_code: component?.code ?? 'TP1',
        file_name: `${component?.name ?? 'Thành phần hồ sơ'}.pdf`.slice(0, 200),
        content_type: 'application/pdf',
        sha256: scan.sha256,
        size: scan.size,
        pages: 1,
        form: channel === 'online' ? 'electronic' : 'copy',
        digitized: channel !== 'online',
        ...(await reusedFrom(applicantId, toDate(state.acceptedAt)!)),
        uploaded_by: applicantId ?? officialId(desk, 'desk_officer'),
        uploaded_at: toDate(state.acceptedAt)!,
      });
    }
    // About four in ten returned dossiers are rated; most are satisfied, a few are not.
    const rater = applicantId ?? kioskOfficer(desk);
    if (state.status === 'returned' && state.returnedAt !== null && rater !== null && random() < 0.4) {
      const ratedAt = Math.min(nowLocal, state.returnedAt + Math.floor(random() * 2 * 1440));
      const unhappy = random() < 0.08;
      const score = () => (unhappy ? 1 + Math.floor(random() * 2) : 4 + (random() < 0.7 ? 1 : 0));
      ratingRows.push({
        dossier_id: id,
        unit_code: unitCode,
        step_unit_codes: [...new Set(state.visits.map((v) => v.unitCode))],
        score_access: score(),
        score_procedure: score(),
        score_official: score(),
        score_result: score(),
        score_feedback: null,
        comment: null,
        via: channel === 'online' ? 'online' : 'kiosk',
        rated_by: rater,
        rated_at: toDate(ratedAt)!,
      });
    }
    total++;
    actionsTotal += history.length;
    if (state.finishedAt === null && state.status !== 'refused') open++;
    if (dossierRows.length >= batchSize) await flush();
  }
  await flush();
  await deps.db.transaction().execute(async (trx) => {
    const rows = [...sequences].map(([key, last]) => {
      const [unit_code, day] = key.split('|') as [string, string];
      return { unit_code, day, last };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('dossier_sequences')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ last: eb.ref('excluded.last') })))
        .execute();
    }
    await appendAudit(trx, {
      action: 'seed.dossiers',
      actorId: null,
      actorRole: null,
      actorUnit: null,
      ip: null,
      requestId: 'seed',
      details: { dossiers: total, actions: actionsTotal },
      at: now,
    });
  });
  return { dossiers: total, actions: actionsTotal, open };
}
