/**
 * The state of a dossier, derived from its history by a pure fold. Due dates come from the events (they
 * were computed when each command was decided), so folding needs no calendar and gives the same answer on
 * the server, in the web app and in a rebuild.
 */
import type { Channel } from '../catalogue/procedure.js';
import type { Duration, StepRole } from '../catalogue/procedure.js';
import type { ExplanationStep } from '../calendar/working-time.js';
import { NATIONAL_STATUS_CODE, type DossierStatus, type RecordedAction } from './dossier.js';

export interface DossierStep {
  name: string;
  role: StepRole;
  /** Resolved: never null (a template's null is the receiving unit for the desk, else the competent unit). */
  unitCode: string;
  interAgency: boolean;
  budgetMinutes: number;
}

/** What a dossier is, fixed at intake: the procedure version's time limit and process template. */
export interface DossierHeader {
  channel: Channel;
  /** The competent unit: the prefix of the dossier code. */
  unitCode: string;
  /** The unit (desk or centre) that received it. */
  receivingUnitCode: string;
  applicantId: string | null;
  timeLimit: Duration;
  steps: DossierStep[];
}

/** One visit of a step: when it was received and handed over, by whom, against which deadline. */
export interface StepVisit {
  index: number;
  unitCode: string;
  receivedAt: number;
  dueAt: number;
  handedOverAt: number | null;
  officialId: string | null;
}

export interface DossierState {
  status: DossierStatus;
  nationalCode: number;
  /** Last action's sequence number (0 before any action): the optimistic-concurrency token. */
  seq: number;
  stepIndex: number | null;
  assigneeId: string | null;
  visits: StepVisit[];
  acceptedAt: number | null;
  /** The legal due date (after clock stops): timeliness is judged against it. */
  dueAt: number | null;
  /** What the citizen was promised: the due date, or the new date of an apology. */
  appointmentAt: number | null;
  explanation: ExplanationStep[];
  pausedSince: number | null;
  /** Working minutes the clock was stopped for supplements. */
  pausedMinutes: number;
  /** The same in calendar minutes. Absent from states stored before it was kept (read as 0). */
  pausedCalendarMinutes?: number;
  supplementRequests: number;
  /** A second supplement request during processing: the national portal counts the dossier as late. */
  repeatedSupplement: boolean;
  extensions: number;
  apologyLate: boolean;
  feeRequested: number | null;
  feePaid: boolean;
  /** Paid by the applicant themselves (online), not confirmed at the desk. Absent from states stored before. */
  feePaidOnline?: boolean;
  outcome: 'approved' | 'rejected' | null;
  /** NgayKetThucXuLy: when the result was ready (or processing ended). */
  finishedAt: number | null;
  returnedAt: number | null;
  resultFile: { sha256: string; name: string } | null;
}

export function initialState(): DossierState {
  return {
    status: 'submitted',
    nationalCode: NATIONAL_STATUS_CODE.submitted,
    seq: 0,
    stepIndex: null,
    assigneeId: null,
    visits: [],
    acceptedAt: null,
    dueAt: null,
    appointmentAt: null,
    explanation: [],
    pausedSince: null,
    pausedMinutes: 0,
    pausedCalendarMinutes: 0,
    supplementRequests: 0,
    repeatedSupplement: false,
    extensions: 0,
    apologyLate: false,
    feeRequested: null,
    feePaid: false,
    outcome: null,
    finishedAt: null,
    returnedAt: null,
    resultFile: null,
  };
}

function withStatus(state: DossierState, status: DossierStatus): DossierState {
  return { ...state, status, nationalCode: NATIONAL_STATUS_CODE[status] };
}

/** Close the current visit (hand-over), if any. */
function handOver(state: DossierState, at: number): StepVisit[] {
  return state.visits.map((v, i) => (i === state.visits.length - 1 && v.handedOverAt === null ? { ...v, handedOverAt: at } : v));
}

function enterStep(header: DossierHeader, state: DossierState, index: number, at: number, dueAt: number, assigneeId: string | null): DossierState {
  const step = header.steps[index];
  const visits = [
    ...handOver(state, at),
    { index, unitCode: step?.unitCode ?? header.unitCode, receivedAt: at, dueAt, handedOverAt: null, officialId: assigneeId },
  ];
  const status: DossierStatus = index === 0 && step?.role === 'desk_officer' ? 'accepted' : 'processing';
  return withStatus({ ...state, stepIndex: index, assigneeId, visits }, status);
}

/** The state after one recorded action. */
export function evolve(header: DossierHeader, state: DossierState, a: RecordedAction): DossierState {
  const s = { ...state, seq: a.seq };
  switch (a.type) {
    case 'accept': {
      const accepted = { ...s, acceptedAt: a.at, dueAt: a.dueAt, appointmentAt: a.dueAt, explanation: a.explanation };
      const first = header.steps[0];
      return enterStep(header, accepted, 0, a.at, a.stepDueAt, first?.role === 'desk_officer' ? a.actor.userId : null);
    }
    case 'refuse':
      return withStatus({ ...s, finishedAt: a.at }, 'refused');
    case 'requestSupplementAtReception':
      return withStatus(s, 'receptionSupplement');
    case 'resubmit':
      return withStatus(s, 'submitted');
    case 'claim':
      return { ...s, assigneeId: a.actor.userId, visits: s.visits.map((v, i) => (i === s.visits.length - 1 ? { ...v, officialId: a.actor.userId } : v)) };
    case 'transfer':
      // Received by the official the sender named, or waiting in the step unit's queue.
      return enterStep(header, s, a.toStep, a.at, a.stepDueAt, a.toOfficialId ?? null);
    case 'requestSupplement':
      return withStatus(
        { ...s, pausedSince: a.at, supplementRequests: s.supplementRequests + 1, repeatedSupplement: s.supplementRequests + 1 > 1 },
        'supplementRequested',
      );
    case 'receiveSupplement': {
      const visits = s.visits.map((v, i) => (i === s.visits.length - 1 && a.stepDueAt !== null ? { ...v, dueAt: a.stepDueAt } : v));
      const appointmentAt = s.extensions > 0 ? s.appointmentAt : a.dueAt;
      const pausedCalendarMinutes = (s.pausedCalendarMinutes ?? 0) + Math.max(0, a.at - (s.pausedSince ?? a.at));
      const resumed = {
        ...s,
        pausedSince: null,
        pausedMinutes: s.pausedMinutes + a.pausedMinutes,
        pausedCalendarMinutes,
        dueAt: a.dueAt,
        appointmentAt,
        visits,
      };
      return withStatus(resumed, s.stepIndex === 0 && header.steps[0]?.role === 'desk_officer' ? 'accepted' : 'processing');
    }
    case 'requestFee':
      return withStatus({ ...s, feeRequested: a.amount, feePaid: false, feePaidOnline: false }, 'feeRequested');
    case 'payFee':
      return withStatus(
        { ...s, feePaid: true, feePaidOnline: a.actor.role === 'citizen' || a.actor.role === 'organization' },
        s.stepIndex === 0 && header.steps[0]?.role === 'desk_officer' ? 'accepted' : 'processing',
      );
    case 'approve':
    case 'reject': {
      const decided = { ...s, outcome: a.type === 'approve' ? ('approved' as const) : ('rejected' as const), finishedAt: a.at, assigneeId: null };
      // Histories recorded before the final desk step was entered have no stepDueAt.
      const stepDueAt = (a as { stepDueAt?: number | null }).stepDueAt ?? null;
      const entered =
        stepDueAt === null ? { ...decided, visits: handOver(s, a.at) } : enterStep(header, decided, (s.stepIndex ?? -1) + 1, a.at, stepDueAt, null);
      return withStatus(entered, 'resultReady');
    }
    case 'issueResult':
      return { ...s, resultFile: { sha256: a.fileSha256, name: a.fileName } };
    case 'returnResult': {
      const visits = s.visits.map((v, i) =>
        i === s.visits.length - 1 && v.handedOverAt === null ? { ...v, handedOverAt: a.at, officialId: v.officialId ?? a.actor.userId } : v,
      );
      return withStatus({ ...s, returnedAt: a.at, visits }, 'returned');
    }
    case 'withdraw':
      return withStatus({ ...s, finishedAt: s.finishedAt ?? a.at, visits: handOver(s, a.at), assigneeId: null }, 'withdrawn');
    case 'stop':
      return withStatus({ ...s, finishedAt: a.at, visits: handOver(s, a.at), assigneeId: null }, 'stopped');
    case 'apologize':
      return { ...s, appointmentAt: a.newAppointmentAt, extensions: s.extensions + 1, apologyLate: s.apologyLate || a.apologyLate };
    case 'recomputeDue':
      return { ...s, dueAt: a.dueAt, appointmentAt: s.extensions > 0 ? s.appointmentAt : a.dueAt, explanation: a.explanation };
    default: {
      const never: never = a;
      throw new Error(`unknown action ${(never as { type: string }).type}`);
    }
  }
}

export function foldDossier(header: DossierHeader, actions: readonly RecordedAction[]): DossierState {
  return actions.reduce((state, a) => evolve(header, state, a), initialState());
}
