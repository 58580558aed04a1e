/**
 * Lateness where it happened (REFERENCE §2.5, §2.8): each step of the procedure's workflow has a budget of
 * working time; each visit of a step (fold.ts `StepVisit`) is measured against it. A visit's used time is the
 * working time from its reception to its hand-over (or, while it is open, to the as-of instant, or to the
 * supplement request it is waiting on), less the working time the clock was stopped for a supplement during it
 * (the step's deadline was moved by exactly that when the supplement came back, decide.ts). Its overrun is what
 * it used beyond its budget. The step's own verdict (form 06: Trước hạn / Đúng hạn / Quá hạn) is the one
 * on-time judgement (timeliness.ts `judge`) applied to the visit against its deadline.
 *
 * When the dossier is late (`judge` on the dossier), the visits that overran are charged, most overrun first:
 * their step, unit and official. If none overran (a second supplement request, or budgets that add up to more
 * than the time limit), the visit that held the dossier when its due date passed is named instead.
 *
 * Instants are local minutes (UTC+7), as everywhere in the domain.
 */
import { workingMinutesBetween } from '../calendar/clock.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { OfficeHours } from '../calendar/working-time.js';
import type { DossierHeader, DossierState, StepVisit } from './fold.js';
import { judge, type Judgement, type Verdict } from './timeliness.js';

export interface OverrunRules {
  calendar: WorkingCalendar;
  hours: OfficeHours;
}

export interface VisitOverrun {
  /** Position in `state.visits` (a step visited twice has two visits). */
  visit: number;
  stepIndex: number;
  stepName: string;
  unitCode: string;
  officialId: string | null;
  receivedAt: number;
  /** The step's deadline (moved by a supplement's wait). */
  dueAt: number;
  /** Where the measure stops: the hand-over, the supplement request being waited on, or as-of. */
  until: number;
  /** Still held by this step at as-of. */
  open: boolean;
  budgetMinutes: number;
  /** Working minutes spent by the step (clock stops excluded). */
  usedMinutes: number;
  /** Working minutes beyond the budget (0 when within it). */
  overrunMinutes: number;
  /** The step against its deadline: early, onTime, late (handed over) or notDue, overdue (open). */
  verdict: Verdict;
  /** Late, or open and overdue. */
  late: boolean;
}

export interface StepOverrunReport {
  visits: VisitOverrun[];
  /** The dossier's own judgement at as-of (null before acceptance). */
  judgement: Judgement | null;
  /** When the dossier is late: the visits that were late against their deadline, most overrun first. */
  charged: VisitOverrun[];
  /** When the dossier is late: the visit that held it when its due date passed (null if none did). */
  heldAtDue: VisitOverrun | null;
}

/** Working minutes as hours with two decimals (reports and workbooks show hours). */
export const workingHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** "3 giờ 30 phút làm việc": a duration of working time for people. */
export function workingTimeText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} phút làm việc` : m === 0 ? `${h} giờ làm việc` : `${h} giờ ${m} phút làm việc`;
}

function measureVisit(header: DossierHeader, state: DossierState, rules: OverrunRules, v: StepVisit, position: number, asOf: number): VisitOverrun | null {
  if (v.receivedAt >= asOf) return null;
  const step = header.steps[v.index];
  const budgetMinutes = step?.budgetMinutes ?? 0;
  const handedOver = v.handedOverAt !== null && v.handedOverAt < asOf ? v.handedOverAt : null;
  const open = handedOver === null;
  const last = position === state.visits.length - 1;
  const waiting = open && last && state.pausedSince !== null && state.pausedSince >= v.receivedAt ? state.pausedSince : null;
  const until = handedOver ?? Math.min(asOf, waiting ?? asOf);
  // The deadline was budget (in whole working hours, decide.ts) after reception, moved by any supplement wait.
  const allowance = workingMinutesBetween(rules.calendar, rules.hours, v.receivedAt, v.dueAt);
  const paused = Math.max(0, allowance - Math.ceil(budgetMinutes / 60) * 60);
  const worked = workingMinutesBetween(rules.calendar, rules.hours, v.receivedAt, Math.max(v.receivedAt, until));
  const usedMinutes = Math.max(0, worked - paused);
  const judged = judge(
    { status: 'processing', acceptedAt: v.receivedAt, finishedAt: handedOver, dueAt: v.dueAt, extensions: 0, repeatedSupplement: false, pausedSince: waiting },
    asOf,
  );
  return {
    visit: position,
    stepIndex: v.index,
    stepName: step?.name ?? `Bước ${v.index + 1}`,
    unitCode: v.unitCode,
    officialId: v.officialId,
    receivedAt: v.receivedAt,
    dueAt: v.dueAt,
    until,
    open,
    budgetMinutes,
    usedMinutes,
    overrunMinutes: Math.max(0, usedMinutes - budgetMinutes),
    verdict: judged?.verdict ?? 'notDue',
    late: judged?.late ?? false,
  };
}

/** Each visit's budget, used time and overrun at `asOf`, and who is charged if the dossier is late. */
export function stepOverruns(header: DossierHeader, state: DossierState, rules: OverrunRules, asOf: number): StepOverrunReport {
  const visits = state.visits.flatMap((v, i) => measureVisit(header, state, rules, v, i, asOf) ?? []);
  const judgement = judge(state, asOf);
  if (!judgement?.late) return { visits, judgement, charged: [], heldAtDue: null };
  const charged = visits.filter((v) => v.late).sort((a, b) => b.overrunMinutes - a.overrunMinutes || a.visit - b.visit);
  const due = state.dueAt;
  const heldAtDue = due === null ? null : (visits.find((v) => v.receivedAt <= due && (v.open || v.until > due)) ?? null);
  return { visits, judgement, charged, heldAtDue };
}

export type StepWarningKind = 'dueSoon' | 'overdue';

export const STEP_WARNING_LABELS = {
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
} as const satisfies Record<StepWarningKind, string>;

/**
 * What to warn about a step still open at `now` (local minutes): overdue once the step is late against its
 * deadline (the one judgement, as measured by `stepOverruns` at `now + 1`), due soon when at most `leadMinutes`
 * of working time are left before it; null otherwise, and for a step already handed over.
 */
export function stepWarningKind(measure: VisitOverrun, rules: OverrunRules, now: number, leadMinutes: number): StepWarningKind | null {
  if (!measure.open) return null;
  if (measure.late) return 'overdue';
  return workingMinutesBetween(rules.calendar, rules.hours, now, measure.dueAt) <= leadMinutes ? 'dueSoon' : null;
}

/** The open visit of a dossier at `now`, measured, with what to warn about it (null when none is open). */
export function openStepWarning(
  header: DossierHeader,
  state: DossierState,
  rules: OverrunRules,
  now: number,
  leadMinutes: number,
): { measure: VisitOverrun; kind: StepWarningKind | null } | null {
  if (state.status !== 'accepted' && state.status !== 'processing') return null;
  const position = state.visits.length - 1;
  const visit = state.visits[position];
  if (!visit || visit.handedOverAt !== null) return null;
  const measure = measureVisit(header, state, rules, visit, position, now + 1);
  if (!measure) return null;
  return { measure, kind: stepWarningKind(measure, rules, now, leadMinutes) };
}
