/**
 * Access as data: for each action on a dossier, the statuses it applies in, who may take it (by how the actor
 * stands to the dossier) and any further condition on the dossier's state. One table, read by the server's
 * checks (decide.ts `permits`, `availableActions`); the server sends `availableActions` with each dossier and
 * the web app offers exactly those (test/api/offered-actions.test.ts shows the two agree).
 *
 * A rule holds when the dossier is in one of its statuses, the actor stands in at least one of its relations,
 * and every one of its guards holds.
 */
import { OPEN_STATUSES, type ActionType, type DossierStatus } from './dossier.js';
import type { DossierHeader, DossierState } from './fold.js';
import { transferTargets } from './workflow-graph.js';

/** How the actor stands to this dossier (the application works out the unit scope with the unit tree). */
export interface ActorRelation {
  userId: string | null;
  role: string;
  /** Acts for the unit that received the dossier (its desk or centre). */
  atReceivingUnit: boolean;
  /** Acts for the unit of the current step. */
  atStepUnit: boolean;
  /** Acts for the competent unit. */
  atCompetentUnit: boolean;
  isApplicant: boolean;
}

/** The ways an actor may stand to a dossier that an action rule names. */
export type Relation =
  /** The citizen who submitted it online. */
  | 'applicant'
  /** A desk officer of the receiving unit (its desk or centre; within its own local government). */
  | 'desk'
  /** The official the dossier is assigned to (who claimed it, or was named in a transfer). */
  | 'assignee'
  /** An official with the current step's role, acting for the step's unit. */
  | 'stepHolder'
  /** The assignee, a leader, while the current step is a leader's step (the decision). */
  | 'deciderLeader'
  /** A leader of the competent unit. */
  | 'competentLeader'
  /** A desk officer, specialist or leader acting for the competent or the receiving unit. */
  | 'official';

/** Conditions on the dossier's state beyond its status. */
export type Guard =
  /** No one has claimed the current step yet. */
  | 'unclaimed'
  /** The workflow graph has a step to hand the dossier to. */
  | 'hasTransferTargets'
  /** The decision was to approve (there is a result to issue). */
  | 'outcomeApproved'
  /** The dossier has a due date (to apologise for and move). */
  | 'hasDueDate'
  /** The dossier was accepted (its due date runs from then). */
  | 'wasAccepted';

export interface ActionRule {
  statuses: readonly DossierStatus[];
  /** Any one of these suffices. */
  who: readonly Relation[];
  /** Every one of these must hold. */
  guards?: readonly Guard[];
}

/** The dossier before acceptance: at reception. */
const AT_RECEPTION = ['submitted'] as const satisfies readonly DossierStatus[];
/** Moving through the template's steps. */
const IN_STEPS = ['accepted', 'processing'] as const satisfies readonly DossierStatus[];
/** The legal clock runs (or is paused). */
const OPEN = [...OPEN_STATUSES];
/** Still open, or waiting at reception: the applicant may still withdraw it. */
const WITHDRAWABLE = ['submitted', 'receptionSupplement', ...OPEN] as const satisfies readonly DossierStatus[];

export const ACTION_RULES = {
  accept: { statuses: AT_RECEPTION, who: ['desk'] },
  requestSupplementAtReception: { statuses: AT_RECEPTION, who: ['desk'] },
  refuse: { statuses: ['submitted', 'receptionSupplement'], who: ['desk'] },
  resubmit: { statuses: ['receptionSupplement'], who: ['applicant', 'desk'] },
  claim: { statuses: IN_STEPS, who: ['stepHolder'], guards: ['unclaimed'] },
  transfer: { statuses: IN_STEPS, who: ['assignee'], guards: ['hasTransferTargets'] },
  requestSupplement: { statuses: IN_STEPS, who: ['assignee'] },
  requestFee: { statuses: IN_STEPS, who: ['assignee'] },
  receiveSupplement: { statuses: ['supplementRequested'], who: ['desk', 'assignee'] },
  payFee: { statuses: ['feeRequested'], who: ['applicant', 'desk', 'assignee'] },
  approve: { statuses: ['processing'], who: ['deciderLeader'] },
  reject: { statuses: ['processing'], who: ['deciderLeader'] },
  issueResult: { statuses: ['resultReady'], who: ['official'], guards: ['outcomeApproved'] },
  returnResult: { statuses: ['resultReady'], who: ['desk'] },
  withdraw: { statuses: WITHDRAWABLE, who: ['applicant', 'desk'] },
  stop: { statuses: OPEN, who: ['competentLeader'] },
  apologize: { statuses: OPEN, who: ['assignee', 'desk', 'competentLeader'], guards: ['hasDueDate'] },
  recomputeDue: { statuses: OPEN, who: ['desk', 'competentLeader'], guards: ['wasAccepted'] },
} as const satisfies Record<ActionType, ActionRule>;

type Check = (header: DossierHeader, state: DossierState, r: ActorRelation) => boolean;

const currentStep = (header: DossierHeader, state: DossierState) => (state.stepIndex === null ? undefined : header.steps[state.stepIndex]);
const isAssignee: Check = (_h, state, r) => r.userId !== null && r.userId === state.assigneeId;

export const RELATIONS: Record<Relation, Check> = {
  applicant: (_h, _s, r) => r.isApplicant,
  desk: (_h, _s, r) => r.role === 'desk_officer' && r.atReceivingUnit,
  assignee: isAssignee,
  stepHolder: (header, state, r) => r.atStepUnit && r.role === currentStep(header, state)?.role,
  deciderLeader: (header, state, r) => isAssignee(header, state, r) && r.role === 'leader' && currentStep(header, state)?.role === 'leader',
  competentLeader: (_h, _s, r) => r.role === 'leader' && r.atCompetentUnit,
  official: (_h, _s, r) => (r.role === 'desk_officer' || r.role === 'specialist' || r.role === 'leader') && (r.atCompetentUnit || r.atReceivingUnit),
};

export const GUARDS: Record<Guard, (header: DossierHeader, state: DossierState) => boolean> = {
  unclaimed: (_h, state) => state.assigneeId === null,
  hasTransferTargets: (header, state) => transferTargets(header, state).length > 0,
  outcomeApproved: (_h, state) => state.outcome === 'approved',
  hasDueDate: (_h, state) => state.dueAt !== null,
  wasAccepted: (_h, state) => state.acceptedAt !== null,
};

/** Whether `rule` lets `r` act on the dossier now. */
export function ruleAllows(rule: ActionRule, header: DossierHeader, state: DossierState, r: ActorRelation): boolean {
  return (
    rule.statuses.includes(state.status) &&
    rule.who.some((relation) => RELATIONS[relation](header, state, r)) &&
    (rule.guards ?? []).every((guard) => GUARDS[guard](header, state))
  );
}
