/** Dossier views: the full dossier for its officials and applicant, work queues, and the public status. */
import { QUEUES, type Queue } from '../../domain/dossier/vocabulary.js';
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { openApplicant, type PersonalDataCipher } from '../personal-data.js';
import type { ApplicantInput } from './create-dossier.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { availableActions } from '../../domain/dossier/decide.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { openStepWarning, type StepWarningKind } from '../../domain/dossier/step-overrun.js';
import { STATUS_LABELS, type ActionType, type DossierStatus } from '../../domain/dossier/dossier.js';
import { stepOverruns } from '../../domain/dossier/step-overrun.js';
import { judge, VERDICT_LABELS } from '../../domain/dossier/timeliness.js';
import { coveredUnits, coversUnit, type Actor } from '../../domain/access/policy.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import { relationOf, toDate, toLocal } from './dossier-store.js';
import { seenBy } from './visible-dossier.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { Dossier } from '../../contract/dossier.js';
import type { DossierQueue, DueSoonList, MyDossierList } from '../../contract/dossier-queue.js';

type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory; personalData: PersonalDataCipher };

const iso = (local: number | null) => (local === null ? null : vietnamIso(toDate(local)!));

/** Each visit of a step against its own deadline, by the one judgement (step-overrun.ts), as of this minute. */
function stepsView(deps: Deps, header: DossierHeader, state: DossierState, now: number) {
  const tree = deps.units.tree();
  const measured = new Map(stepOverruns(header, state, deps.calendars.rulesFor(header.receivingUnitCode), now + 1).visits.map((m) => [m.visit, m]));
  return state.visits.map((v, position) => {
    const step = header.steps[v.index];
    const verdict = measured.get(position)?.verdict ?? 'notDue';
    return {
      index: v.index,
      name: step?.name ?? `Bước ${v.index + 1}`,
      unitCode: v.unitCode,
      unitName: tree.find(v.unitCode)?.name ?? v.unitCode,
      interAgency: step?.interAgency ?? false,
      receivedAt: iso(v.receivedAt)!,
      dueAt: iso(v.dueAt)!,
      handedOverAt: iso(v.handedOverAt),
      timeliness: verdict,
      timelinessLabel: VERDICT_LABELS[verdict],
    };
  });
}

function summary(deps: Deps, header: DossierHeader, state: DossierState, now: number) {
  // The one judgement, as of this minute: what the report and the scorecard count this dossier as.
  const judged = state.dueAt === null && !state.repeatedSupplement ? null : judge(state, now + 1);
  const timeliness = judged?.verdict ?? null;
  const step = state.stepIndex === null ? null : header.steps[state.stepIndex];
  return {
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    nationalCode: state.nationalCode,
    seq: state.seq,
    currentStep:
      step && state.visits.at(-1)?.handedOverAt === null
        ? { index: state.stepIndex!, name: step.name, unitCode: step.unitCode, unitName: deps.units.tree().find(step.unitCode)?.name ?? step.unitCode }
        : null,
    acceptedAt: iso(state.acceptedAt),
    dueAt: iso(state.dueAt),
    appointmentAt: iso(state.appointmentAt),
    finishedAt: iso(state.finishedAt),
    returnedAt: iso(state.returnedAt),
    timeliness,
    timelinessLabel: timeliness ? VERDICT_LABELS[timeliness] : null,
    repeatedSupplement: state.repeatedSupplement,
    extensions: state.extensions,
    explanation: state.explanation,
  };
}

interface HistoryEntry {
  seq: number;
  type: string;
  /** ISO instant as JSON gives it. */
  at: string;
  role: string | null;
  reason: string | null;
  note: string | null;
  /** The papers asked for by a supplement request. */
  items: string[] | null;
}

export async function getDossier(deps: Deps, input: { id: string; meta: RequestMeta }) {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  // One round trip: the dossier with its history (seq, type, time, role and the reason or note of each action).
  const found = await deps.db
    .selectFrom('dossiers as d')
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'd.procedure_version_id',
      'd.channel',
      'd.unit_code',
      'd.receiving_unit_code',
      'd.location_independent',
      'd.applicant',
      'd.components',
      'd.submitted_at',
      'd.header',
      'd.state',
      'd.lookup_key',
    ])
    .select(
      sql<
        HistoryEntry[]
      >`(select coalesce(json_agg(json_build_object('seq', a.seq, 'type', a.type, 'at', a.at, 'role', a.actor_role, 'reason', a.payload ->> 'reason', 'note', a.payload ->> 'note', 'items', a.payload -> 'items') order by a.seq), '[]'::json)
        from dossier_actions a where a.dossier_id = d.id)`.as('history'),
    )
    .where('d.id', '=', input.id)
    .executeTakeFirst();
  const tree = deps.units.tree();
  const seen = seenBy(actor, found, tree);
  if (!seen.ok) return seen;
  const { row, header, state, relation } = seen.value;
  const now = toLocal(deps.clock());
  const procedure = deps.catalogue.history(row.procedure_code).find((v) => v.id === row.procedure_version_id);
  return ok<Dossier>({
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: procedure?.record.name ?? row.procedure_code,
    procedureVersion: procedure?.version ?? null,
    channel: row.channel,
    unitCode: row.unit_code,
    unitName: tree.find(row.unit_code)?.name ?? row.unit_code,
    receivingUnitCode: row.receiving_unit_code,
    locationIndependent: row.location_independent,
    applicant: openApplicant(deps.personalData, row.applicant as ApplicantInput),
    components: row.components as { code: string; name: string; form: string; copies: number }[],
    submittedAt: vietnamIso(row.submitted_at),
    lookupKey: row.lookup_key,
    ...summary(deps, header, state, now),
    assigneeId: state.assigneeId,
    steps: stepsView(deps, header, state, now),
    template: header.steps.map((s, index) => ({
      index,
      name: s.name,
      role: s.role,
      unitCode: s.unitCode,
      interAgency: s.interAgency,
      budgetMinutes: s.budgetMinutes,
    })),
    availableActions: availableActions(header, state, relation) as ActionType[],
    history: row.history.map((a) => ({
      seq: a.seq,
      type: a.type as ActionType,
      at: vietnamIso(new Date(a.at)),
      actorRole: a.role ?? '',
      note: a.reason || a.note || null,
      items: Array.isArray(a.items) ? a.items : [],
    })),
  });
}

type QueueRow = {
  id: string;
  code: string;
  procedure_code: string;
  status: string;
  assignee_id: string | null;
  due_at: Date | null;
  appointment_at: Date | null;
  step_due_at: Date | null;
  step_index: number | null;
  submitted_at: Date;
  channel: string;
  header: unknown;
  state: unknown;
  last_seq: number;
};

/** What every list of dossiers shows of one: its code, procedure (by its current name) and status. */
function dossierListing(deps: Deps, r: { id: string; code: string; procedure_code: string; status: string }) {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: deps.catalogue.history(r.procedure_code).at(-1)?.record.name ?? r.procedure_code,
    status: r.status as DossierStatus,
    statusLabel: STATUS_LABELS[r.status as DossierStatus],
  };
}

/** The request's actor when it is an official of a unit: AUTH_REQUIRED without one, FORBIDDEN_ROLE for anyone else. */
function officialOf(meta: RequestMeta): Result<Actor> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!isOfficialRole(actor.role) || !actor.unitCode) return fail('FORBIDDEN_ROLE');
  return ok(actor);
}

/** One row of a work queue. */
function queueItem(deps: Deps, r: QueueRow, actor: NonNullable<RequestMeta['actor']>, now: number) {
  const header = r.header as DossierHeader;
  const state = r.state as DossierState;
  const tree = deps.units.tree();
  const step = r.step_index === null ? null : header.steps[r.step_index];
  const deadline = r.step_due_at ?? r.due_at;
  return {
    ...dossierListing(deps, r),
    channel: r.channel,
    stepName: step?.name ?? null,
    assigned: r.assignee_id !== null,
    stepDueAt: r.step_due_at ? vietnamIso(r.step_due_at) : null,
    dueAt: r.due_at ? vietnamIso(r.due_at) : null,
    appointmentAt: r.appointment_at ? vietnamIso(r.appointment_at) : null,
    overdue: deadline !== null && deadline.getTime() < now,
    /** The one judgement now (domain/dossier/timeliness.ts): a dossier supplemented twice is overdue. */
    timeliness: state.dueAt === null && !state.repeatedSupplement ? null : (judge(state, toLocal(new Date(now)) + 1)?.verdict ?? null),
    submittedAt: vietnamIso(r.submitted_at),
    seq: r.last_seq,
    availableActions: availableActions(header, state, relationOf(actor, header, state, tree)) as ActionType[],
  };
}

export { QUEUES, type Queue };

/**
 * An official's work queue, most urgent first: overdue, then by the nearest step deadline or due date. Each row
 * carries its `seq` and the actions the official may take on it now, so that a queue can act on several
 * dossiers at once (POST /dossiers/bulk-actions) offering only what every selected one allows.
 */
export async function listDossiers(deps: Deps, input: { queue: Queue; limit: number; meta: RequestMeta }) {
  const official = officialOf(input.meta);
  if (!official.ok) return official;
  const actor = official.value;
  const tree = deps.units.tree();
  // A desk's queues hold its own local government's dossiers, as its actions do (relationOf).
  const inScope = coveredUnits(actor, tree);
  let q = deps.db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_code',
      'status',
      'national_code',
      'current_unit_code',
      'assignee_id',
      'due_at',
      'appointment_at',
      'step_due_at',
      'step_index',
      'submitted_at',
      'channel',
      'header',
      'state',
      'last_seq',
    ]);
  switch (input.queue) {
    case 'reception':
      q = q.where('receiving_unit_code', 'in', inScope).where('status', 'in', ['submitted', 'receptionSupplement', 'supplementRequested']);
      break;
    case 'result':
      q = q.where('receiving_unit_code', 'in', inScope).where('status', '=', 'resultReady');
      break;
    case 'mine':
      q = q.where('assignee_id', '=', actor.userId);
      break;
    case 'unassigned':
      // Only the steps this role acts at, filtered in SQL so the limit never cuts them off.
      q = q
        .where('current_unit_code', 'in', inScope)
        .where('assignee_id', 'is', null)
        .where('status', 'in', ['accepted', 'processing'])
        .where(sql<string>`header -> 'steps' -> step_index ->> 'role'`, '=', actor.role);
      break;
    case 'all':
      q = q.where((eb) => eb.or([eb('current_unit_code', 'in', inScope), eb('unit_code', 'in', inScope), eb('receiving_unit_code', 'in', inScope)]));
      break;
  }
  const rows = await q
    .orderBy(sql`coalesce(step_due_at, due_at, submitted_at)`)
    .limit(input.limit)
    .execute();
  const now = deps.clock().getTime();
  const items = rows
    .map((r) => {
      const header = r.header as DossierHeader;
      const step = r.step_index === null ? null : header.steps[r.step_index];
      if (input.queue === 'unassigned' && step && step.role !== actor.role) return null;
      return queueItem(deps, r, actor, now);
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return ok<DossierQueue>({ queue: input.queue, items });
}

/** Public status by dossier code: no personal data. */
/**
 * The public status of a dossier by its code: the status alone, or with the lookup key printed on the receipt
 * (and in its QR link) the whole public view: procedure, unit, dates and steps. Never anything personal.
 */
export async function publicDossierStatus(deps: Deps, code: string, key: string | null): Promise<Result<Record<string, unknown>>> {
  const row = await deps.db
    .selectFrom('dossiers')
    .select(['code', 'procedure_code', 'procedure_version_id', 'unit_code', 'header', 'state', 'submitted_at', 'lookup_key'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return fail('DOSSIER_NOT_FOUND');
  const header = row.header as DossierHeader;
  const state = row.state as DossierState;
  const now = toLocal(deps.clock());
  if (key === null) return ok({ code: row.code, detail: false, status: state.status, statusLabel: STATUS_LABELS[state.status] });
  if (!sameKey(key, row.lookup_key)) return fail('LOOKUP_KEY_INVALID');
  const rules = deps.calendars.rulesFor(header.receivingUnitCode);
  const start = state.acceptedAt ?? toLocal(row.submitted_at);
  let daysWaiting = 0;
  const end = Math.floor((state.finishedAt ?? now) / 1440);
  for (let jd = Math.floor(start / 1440) + 1; jd <= end; jd++) if (rules.calendar.isWorkingDay(jd)) daysWaiting++;
  const procedure = deps.catalogue.history(row.procedure_code).find((v) => v.id === row.procedure_version_id);
  return ok({
    code: row.code,
    detail: true,
    procedureCode: row.procedure_code,
    procedureName: procedure?.record.name ?? row.procedure_code,
    unitName: deps.units.tree().find(row.unit_code)?.name ?? row.unit_code,
    submittedAt: vietnamIso(row.submitted_at),
    ...summary(deps, header, state, now),
    daysWaiting,
    steps: stepsView(deps, header, state, now),
  });
}

/** A citizen's own dossiers, newest first. */
export async function listMyDossiers(deps: Deps, meta: RequestMeta) {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const rows = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_code', 'status', 'appointment_at', 'submitted_at'])
    .where('applicant_id', '=', actor.userId)
    .orderBy('submitted_at', 'desc')
    .limit(200)
    .execute();
  return ok<MyDossierList>({
    items: rows.map((r) => ({
      ...dossierListing(deps, r),
      appointmentAt: r.appointment_at ? vietnamIso(r.appointment_at) : null,
      submittedAt: vietnamIso(r.submitted_at),
    })),
  });
}

/**
 * The "sắp đến hạn" queue: the open steps in the official's scope that are due soon (at most `leadMinutes` of
 * working time left, the same rule as the warning job, domain/dossier/step-overrun.ts) or already overdue,
 * nearest deadline first, with a count per unit holding them.
 */
export async function listDueSoonDossiers(deps: Deps, input: { leadMinutes: number; limit: number; unit?: string | undefined; meta: RequestMeta }) {
  const official = officialOf(input.meta);
  if (!official.ok) return official;
  const actor = official.value;
  const tree = deps.units.tree();
  if (input.unit !== undefined && !tree.find(input.unit)) return fail('UNIT_NOT_FOUND');
  // The steps of the units the official covers: a desk, its own local government's (as its queues).
  if (input.unit !== undefined && !coversUnit(actor, input.unit, tree)) return fail('FORBIDDEN_UNIT');
  const inScope = coveredUnits(actor, tree, input.unit);
  const nowDate = deps.clock();
  const now = toLocal(nowDate);
  // A generous calendar bound in SQL (a long holiday fits in it); the working-time rule is applied per row.
  const bound = new Date(nowDate.getTime() + (Math.ceil(input.leadMinutes / 240) + 21) * 86_400_000);
  const rows = await deps.db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_code',
      'status',
      'current_unit_code',
      'assignee_id',
      'due_at',
      'appointment_at',
      'step_due_at',
      'step_index',
      'submitted_at',
      'channel',
      'header',
      'state',
      'last_seq',
    ])
    .where('current_unit_code', 'in', inScope)
    .where('status', 'in', ['accepted', 'processing'])
    .where('step_due_at', '<', bound)
    .orderBy('step_due_at')
    .execute();
  const counts = new Map<string, { dueSoon: number; overdue: number }>();
  const items: (ReturnType<typeof queueItem> & { warning: StepWarningKind; unitCode: string; unitName: string })[] = [];
  for (const r of rows) {
    const header = r.header as DossierHeader;
    const state = r.state as DossierState;
    const found = openStepWarning(header, state, deps.calendars.rulesFor(header.receivingUnitCode), now, input.leadMinutes);
    if (!found?.kind) continue;
    const unitCode = found.measure.unitCode;
    const count = counts.get(unitCode) ?? { dueSoon: 0, overdue: 0 };
    count[found.kind] += 1;
    counts.set(unitCode, count);
    if (items.length < input.limit)
      items.push({ ...queueItem(deps, r, actor, nowDate.getTime()), warning: found.kind, unitCode, unitName: tree.find(unitCode)?.name ?? unitCode });
  }
  return ok<DueSoonList>({
    leadMinutes: input.leadMinutes,
    counts: [...counts]
      .map(([unitCode, c]) => ({ unitCode, unitName: tree.find(unitCode)?.name ?? unitCode, ...c }))
      .sort((a, b) => b.dueSoon + b.overdue - (a.dueSoon + a.overdue) || a.unitCode.localeCompare(b.unitCode)),
    items,
  });
}

/** A lookup key as typed (any case, spaces around) against the stored one, in constant time. */
function sameKey(typed: string, stored: string): boolean {
  const a = Buffer.from(typed.trim().toUpperCase());
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
