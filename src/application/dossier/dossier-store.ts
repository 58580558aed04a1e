/** Reading and writing dossiers: the header, the history, and the projection of the folded state. */
import type { Insertable, Selectable, Transaction, Kysely } from 'kysely';
import type { DB, DossierActionsTable } from '../../infrastructure/db/schema.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { OPEN_STATUSES, type RecordedAction } from '../../domain/dossier/dossier.js';
import { localMinutesFromUtcMs, utcMsFromLocalMinutes } from '../../domain/calendar/working-time.js';
import { coversUnit, scopeRootOf, type Actor } from '../../domain/access/policy.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { ActorRelation, ClockRules } from '../../domain/dossier/decide.js';
import { settlementTime } from '../../domain/scorecard/settlement-time.js';

export const toDate = (local: number | null): Date | null => (local === null ? null : new Date(utcMsFromLocalMinutes(local)));
export const toLocal = (date: Date): number => localMinutesFromUtcMs(date.getTime());

/** The columns queues and reports read, from the folded state (`rules`: the receiving unit's working time). */
export function projection(header: DossierHeader, state: DossierState, rules: Pick<ClockRules, 'calendar' | 'hours'>) {
  const settled = settlementTime(state, rules);
  const visit = state.visits.at(-1);
  const inSteps = OPEN_STATUSES.has(state.status) && state.stepIndex !== null;
  const waitingReception = state.status === 'submitted' || state.status === 'receptionSupplement';
  return {
    status: state.status,
    national_code: state.nationalCode,
    last_seq: state.seq,
    step_index: state.stepIndex,
    current_unit_code: inSteps
      ? (header.steps[state.stepIndex!]?.unitCode ?? header.unitCode)
      : waitingReception || state.status === 'resultReady'
        ? header.receivingUnitCode
        : null,
    assignee_id: state.assigneeId,
    accepted_at: toDate(state.acceptedAt),
    due_at: toDate(state.dueAt),
    appointment_at: toDate(state.appointmentAt),
    // The open step's deadline, also the final desk step's while a result waits to be returned.
    step_due_at: (inSteps || state.status === 'resultReady') && visit && visit.handedOverAt === null ? toDate(visit.dueAt) : null,
    finished_at: toDate(state.finishedAt),
    returned_at: toDate(state.returnedAt),
    repeated_supplement: state.repeatedSupplement,
    extensions: state.extensions,
    paused_since: toDate(state.pausedSince),
    approved: state.outcome === 'approved',
    // fee_due and "paid online" come from the fee lines and the payments (application/payment/fee-lines.ts), and
    // "has an e-result" from the signed result documents (issue 19), not from here.
    settlement_working_minutes: settled?.workingMinutes ?? null,
    settlement_minutes: settled?.minutes ?? null,
    state: JSON.stringify(state),
  };
}

/** A recorded action from its stored row (the inverse of `actionRow`). */
export function recordedAction(r: Selectable<DossierActionsTable>): RecordedAction {
  return {
    ...(r.payload as object),
    seq: r.seq,
    at: toLocal(r.at),
    actor: { userId: r.actor_id, role: r.actor_role ?? '', unitCode: r.actor_unit },
  } as RecordedAction;
}

export async function loadHistory(db: Kysely<DB> | Transaction<DB>, dossierId: string): Promise<RecordedAction[]> {
  const rows = await db.selectFrom('dossier_actions').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
  return rows.map(recordedAction);
}

/** The stored row of a recorded action: who and when in columns, the rest in the payload. */
export function actionRow(dossierId: string, action: RecordedAction): Insertable<DossierActionsTable> {
  const { seq, at, actor, ...payload } = action;
  return {
    dossier_id: dossierId,
    seq,
    type: action.type,
    at: toDate(at)!,
    actor_id: actor.userId,
    actor_role: actor.role,
    actor_unit: actor.unitCode,
    payload: JSON.stringify(payload),
  };
}

/** How an actor stands to a dossier: unit scope from the tree, applicant from the account. */
export function relationOf(actor: Actor, header: DossierHeader, state: DossierState, tree: UnitTree): ActorRelation {
  // A desk acts for the units of its own local government only (domain/access/policy.ts coversUnit).
  const covers = (unitCode: string | null | undefined) => !!unitCode && coversUnit(actor, unitCode, tree);
  const stepUnit = state.stepIndex === null ? null : header.steps[state.stepIndex]?.unitCode;
  return {
    userId: actor.userId,
    role: actor.role,
    atReceivingUnit: covers(header.receivingUnitCode),
    atStepUnit: covers(stepUnit),
    atCompetentUnit: covers(header.unitCode),
    isApplicant: header.applicantId !== null && header.applicantId === actor.userId,
  };
}

/** Officials see the dossiers of the units they act for (received, competent or current step); applicants their own. */
export function canSee(relation: ActorRelation, header: DossierHeader, tree: UnitTree, actor: Actor): boolean {
  if (relation.isApplicant || relation.atReceivingUnit || relation.atCompetentUnit || relation.atStepUnit) return true;
  if (actor.role === 'monitor' || actor.role === 'admin') {
    const root = actor.unitCode ? scopeRootOf(actor.unitCode, tree) : null;
    return root !== null && tree.find(header.unitCode) !== undefined && tree.isWithin(header.unitCode, root);
  }
  // An inter-agency unit sees the dossier only while it is at its step (it loses sight once it hands it back).
  return false;
}

/** `{unitCode}-{YYMMDD}-{seq}`, with a daily sequence per unit that is unique under concurrent intake. */
export async function nextDossierCode(trx: Kysely<DB> | Transaction<DB>, unitCode: string, day: string, width = 4): Promise<string> {
  const row = await trx
    .insertInto('dossier_sequences')
    .values({ unit_code: unitCode, day, last: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ last: eb('dossier_sequences.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(row.last).padStart(width, '0')}`;
}
