/**
 * Which actions an actor may take on a dossier in its current state (the table of action-rules.ts), and what an
 * accepted command records. Role and unit come in as an ActorRelation (the application works out the unit scope
 * with the unit tree); the state comes from the fold. Due dates are computed here, once, with the calendar in force.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDue, addWorkingTime, type OfficeHours } from '../calendar/working-time.js';
import { DEFAULT_EXTENSION_RULES, extendAppointment, workingMinutesBetween, type ExtensionRules } from '../calendar/clock.js';
import { ACTION_TYPES, OPEN_STATUSES, type ActionEvent, type ActionType, type Command, type DossierStatus } from './dossier.js';
import type { DossierHeader, DossierState } from './fold.js';
import { ERROR_MESSAGES } from '../errors/error-codes.js';
import type { UnitTree } from '../units/unit.js';
import { isEligibleRecipient, transferTargets, type RecipientFacts } from './workflow-graph.js';
import { ACTION_RULES, ruleAllows, type ActorRelation } from './action-rules.js';

export type { ActorRelation } from './action-rules.js';

export interface ClockRules {
  calendar: WorkingCalendar;
  hours: OfficeHours;
  extension?: ExtensionRules;
}

/** What the application found out for a command, beyond the dossier itself. */
export interface DecisionFacts {
  /**
   * The competent unit allows a second supplement request during processing (REFERENCE §2.6: once only,
   * so refused by default); even then the command must acknowledge that the dossier becomes late.
   */
  allowRepeatedSupplement?: boolean;
  /** The official a transfer names to receive the dossier, as found (null: no such official). */
  recipient?: RecipientFacts | null;
  /** The unit tree, to check the recipient's unit. */
  tree?: UnitTree;
  /**
   * A fee line is payable and unpaid (issue 18): "Xác nhận đã nộp phí" (payFee) is then refused, since a fee is
   * paid only by a recorded payment (online, or cash and transfers at the desk), which moves the dossier on itself.
   */
  feesOwed?: boolean;
  /**
   * The file an "issue e-result" names is a result document of the dossier that carries its verified final
   * signature (issue 19): a fingerprint of a file nobody signed is no e-result.
   */
  signedResult?: boolean;
}

/**
 * Whether `relation` may take `type` in `state` (before looking at the command's data): the action's row of the
 * domain's table (action-rules.ts), evaluated.
 */
export function permits(type: ActionType, header: DossierHeader, state: DossierState, r: ActorRelation): boolean {
  return ruleAllows(ACTION_RULES[type], header, state, r);
}

/** The statuses in which the applicant of an online dossier may still add files. */
const APPLICANT_UPLOAD: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['submitted', 'receptionSupplement', 'supplementRequested']);
/** The statuses in which the dossier waits at the desk whatever its step: at reception, or for the papers asked for. */
const AT_DESK: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['submitted', 'receptionSupplement', 'supplementRequested']);

/**
 * Whether `r` may attach component files to the dossier now (docs/adr/0007-desk-jurisdiction.md): those who act
 * on it, never those who only look (monitor, administrator).
 * - The applicant, to their own online dossier while it waits at reception or for a supplement.
 * - The desk of the receiving unit while the dossier is at the desk: at reception, awaiting a supplement, or at
 *   a desk step (the reception step after acceptance). Not a desk of another local government (relationOf).
 * - A specialist or leader during processing: the assignee, or an official of the current step's unit.
 */
export function mayAttach(header: DossierHeader, state: DossierState, r: ActorRelation): boolean {
  if (r.isApplicant) return header.channel === 'online' && APPLICANT_UPLOAD.has(state.status);
  const step = state.stepIndex === null ? undefined : header.steps[state.stepIndex];
  const inSteps = OPEN_STATUSES.has(state.status);
  switch (r.role) {
    case 'desk_officer':
      return r.atReceivingUnit && (AT_DESK.has(state.status) || (inSteps && step?.role === 'desk_officer'));
    case 'specialist':
    case 'leader':
      return inSteps && ((r.userId !== null && r.userId === state.assigneeId) || (r.atStepUnit && step !== undefined && step.role !== 'desk_officer'));
    default:
      return false;
  }
}

/**
 * Actions that another module takes for the dossier, never offered: "Xác nhận đã nộp phí" (payFee), taken by a
 * recorded payment (issue 18), and "Đính kèm kết quả điện tử" (issueResult), taken by the leader's signature on
 * the result document (issue 19).
 */
export const TAKEN_BY_MODULES: ReadonlySet<ActionType> = new Set(['payFee', 'issueResult']);

/** The actions the table lets `relation` take now: what the server sends with the dossier, and the web app offers. */
export function availableActions(header: DossierHeader, state: DossierState, relation: ActorRelation): ActionType[] {
  return ACTION_TYPES.filter((t) => !TAKEN_BY_MODULES.has(t) && permits(t, header, state, relation));
}

export type Refusal = {
  code:
    | 'ACTION_NOT_AVAILABLE'
    | 'INVALID_STEP'
    | 'NEW_DATE_NOT_LATER'
    | 'TOO_MANY_EXTENSIONS'
    | 'NEW_DATE_OUTSIDE_OFFICE_HOURS'
    | 'SUPPLEMENT_ALREADY_REQUESTED'
    | 'REPEATED_SUPPLEMENT_NOT_ACKNOWLEDGED'
    | 'RESULT_NOT_SIGNED'
    | 'RECIPIENT_NOT_ELIGIBLE'
    | 'FEES_NOT_PAID';
  message: string;
};

const refuse = (code: Refusal['code']): { ok: false; refusal: Refusal } => ({ ok: false, refusal: { code, message: ERROR_MESSAGES[code] } });

/** A step's deadline: its budget of working time from when it is received (no cut-off between steps). */
function stepDue(rules: ClockRules, header: DossierHeader, index: number, at: number): number {
  // Budgets are whole working hours or days (BUDGET_UNITS), so whole hours here.
  const hours = Math.ceil((header.steps[index]?.budgetMinutes ?? 0) / 60);
  return computeDue(rules.calendar, { ...rules.hours, cutoffMinute: null }, at, hours, 'working_hours', { explain: false }).dueAtLocal;
}

/**
 * The step a decided result enters: the template's desk step right after the deciding one (registering and
 * returning the result), or null when the leader's step is the last.
 */
export function resultStepIndex(header: DossierHeader, state: DossierState): number | null {
  const next = (state.stepIndex ?? -1) + 1;
  return next > 0 && header.steps[next]?.role === 'desk_officer' ? next : null;
}

/**
 * Check a command against the state and compute what it records. `at` is the instant in local minutes.
 * The caller has checked the actor's role and unit through `relation`.
 */
export function decide(
  header: DossierHeader,
  state: DossierState,
  command: Command,
  relation: ActorRelation,
  at: number,
  rules: ClockRules,
  facts: DecisionFacts = {},
): { ok: true; event: ActionEvent } | { ok: false; refusal: Refusal } {
  if (!permits(command.type, header, state, relation)) return refuse('ACTION_NOT_AVAILABLE');
  switch (command.type) {
    case 'accept': {
      const due = computeDue(rules.calendar, rules.hours, at, header.timeLimit.amount, header.timeLimit.unit);
      return { ok: true, event: { ...command, dueAt: due.dueAtLocal, explanation: due.explanation, stepDueAt: stepDue(rules, header, 0, at) } };
    }
    case 'transfer': {
      if (!transferTargets(header, state).includes(command.toStep)) return refuse('INVALID_STEP');
      const toOfficialId = command.toOfficialId ?? null;
      if (toOfficialId !== null) {
        const step = header.steps[command.toStep];
        const found = facts.recipient;
        if (!step || !found || !facts.tree || found.userId !== toOfficialId || !isEligibleRecipient(step, found, facts.tree))
          return refuse('RECIPIENT_NOT_ELIGIBLE');
      }
      return {
        ok: true,
        event: { type: 'transfer', toStep: command.toStep, note: command.note, toOfficialId, stepDueAt: stepDue(rules, header, command.toStep, at) },
      };
    }
    case 'requestSupplement': {
      // REFERENCE §2.6: one request during processing. A unit may allow a second, acknowledged as making the dossier late.
      if (state.supplementRequests >= 1) {
        if (!facts.allowRepeatedSupplement) return refuse('SUPPLEMENT_ALREADY_REQUESTED');
        if (command.acknowledgeLate !== true) return refuse('REPEATED_SUPPLEMENT_NOT_ACKNOWLEDGED');
      }
      return { ok: true, event: command };
    }
    case 'approve':
    case 'reject': {
      const next = resultStepIndex(header, state);
      return { ok: true, event: { ...command, stepDueAt: next === null ? null : stepDue(rules, header, next, at) } };
    }
    case 'receiveSupplement': {
      const since = state.pausedSince ?? at;
      const paused = workingMinutesBetween(rules.calendar, rules.hours, since, at);
      const dueAt = state.dueAt === null ? at : addWorkingTime(rules.calendar, rules.hours, state.dueAt, paused);
      const visit = state.visits.at(-1);
      const stepDueAt = visit && visit.handedOverAt === null ? addWorkingTime(rules.calendar, rules.hours, visit.dueAt, paused) : null;
      return { ok: true, event: { ...command, pausedMinutes: paused, dueAt: paused === 0 ? (state.dueAt ?? at) : dueAt, stepDueAt } };
    }
    case 'apologize': {
      const result = extendAppointment(
        rules.calendar,
        rules.hours,
        {
          originalDueAtLocal: state.appointmentAt ?? state.dueAt ?? at,
          newAppointmentAtLocal: command.newAppointmentAt,
          apologisedAtLocal: at,
          previousExtensions: state.extensions,
        },
        rules.extension ?? DEFAULT_EXTENSION_RULES,
      );
      if (!result.ok) return refuse(result.reason);
      return { ok: true, event: { ...command, apologyLate: result.apologyLate } };
    }
    case 'recomputeDue': {
      const due = computeDue(rules.calendar, rules.hours, state.acceptedAt ?? at, header.timeLimit.amount, header.timeLimit.unit);
      const dueAt = state.pausedMinutes > 0 ? addWorkingTime(rules.calendar, rules.hours, due.dueAtLocal, state.pausedMinutes) : due.dueAtLocal;
      return { ok: true, event: { ...command, dueAt, explanation: due.explanation } };
    }
    case 'refuse':
    case 'requestSupplementAtReception':
    case 'resubmit':
    case 'claim':
    case 'payFee':
      if (facts.feesOwed) return refuse('FEES_NOT_PAID');
      return { ok: true, event: command };
    case 'issueResult':
      if (facts.signedResult !== true) return refuse('RESULT_NOT_SIGNED');
      return { ok: true, event: command };
    case 'requestFee':
    case 'returnResult':
    case 'withdraw':
    case 'stop':
      return { ok: true, event: command };
    default: {
      const never: never = command;
      return never;
    }
  }
}
