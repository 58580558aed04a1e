import { describe, expect, it } from 'vitest';
import { ACTION_RULES, GUARDS, RELATIONS, ruleAllows, type ActionRule, type ActorRelation } from './action-rules.js';
import { availableActions, permits } from './decide.js';
import { ACTION_TYPES, DOSSIER_STATUSES, TERMINAL_STATUSES } from './dossier.js';
import { initialState, type DossierHeader, type DossierState } from './fold.js';

const header: DossierHeader = {
  channel: 'online',
  unitCode: '000.00.35.H37',
  receivingUnitCode: '000.01.35.H37',
  applicantId: 'citizen',
  timeLimit: { amount: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận', role: 'desk_officer', unitCode: '000.01.35.H37', interAgency: false, budgetMinutes: 240 },
    { name: 'Thẩm định', role: 'specialist', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 1200 },
    { name: 'Ký duyệt', role: 'leader', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 480 },
  ],
};
const official = (userId: string, role: string, units: Partial<ActorRelation> = {}): ActorRelation => ({
  userId,
  role,
  atReceivingUnit: false,
  atStepUnit: false,
  atCompetentUnit: false,
  isApplicant: false,
  ...units,
});
const applicant: ActorRelation = { ...official('citizen', 'citizen'), isApplicant: true };
const desk = official('desk', 'desk_officer', { atReceivingUnit: true });
const otherDesk = official('desk2', 'desk_officer');
const specialist = official('spec', 'specialist', { atCompetentUnit: true, atStepUnit: true });
const leader = official('lead', 'leader', { atCompetentUnit: true, atStepUnit: true });
const monitor = official('mon', 'monitor', { atCompetentUnit: true, atReceivingUnit: true, atStepUnit: true });
const state = (patch: Partial<DossierState>): DossierState => ({ ...initialState(), ...patch });

describe('the action table', () => {
  it('has a rule for every action type, and only those, each naming statuses and relations that exist', () => {
    expect(Object.keys(ACTION_RULES).sort()).toEqual([...ACTION_TYPES].sort());
    for (const [type, rule] of Object.entries(ACTION_RULES) as [string, ActionRule][]) {
      expect(rule.statuses.length, type).toBeGreaterThan(0);
      expect(rule.who.length, type).toBeGreaterThan(0);
      for (const s of rule.statuses) expect(DOSSIER_STATUSES, type).toContain(s);
      for (const w of rule.who) expect(Object.keys(RELATIONS), type).toContain(w);
      for (const g of rule.guards ?? []) expect(Object.keys(GUARDS), type).toContain(g);
    }
  });

  it('lets no one act on a dossier that has ended, and never a monitor or an administrator', () => {
    for (const rule of Object.values(ACTION_RULES) as ActionRule[]) for (const s of rule.statuses) expect(TERMINAL_STATUSES.has(s)).toBe(false);
    for (const status of DOSSIER_STATUSES) {
      const s = state({ status, stepIndex: 1, assigneeId: null, dueAt: 10, acceptedAt: 1, outcome: 'approved' });
      expect(availableActions(header, s, monitor), status).toEqual([]);
      expect(availableActions(header, s, official('adm', 'admin', { atCompetentUnit: true, atReceivingUnit: true, atStepUnit: true })), status).toEqual([]);
    }
  });

  it('reads as the rules: accept at reception, by the receiving desk only', () => {
    expect(ACTION_RULES.accept).toEqual({ statuses: ['submitted'], who: ['desk'] });
    const submitted = state({});
    expect(permits('accept', header, submitted, desk)).toBe(true);
    for (const r of [otherDesk, specialist, leader, applicant]) expect(permits('accept', header, submitted, r)).toBe(false);
    expect(permits('accept', header, state({ status: 'receptionSupplement' }), desk)).toBe(false);
  });

  it('claim: the holder of the step’s role at the step’s unit, while no one has claimed it', () => {
    expect(ACTION_RULES.claim).toEqual({ statuses: ['accepted', 'processing'], who: ['stepHolder'], guards: ['unclaimed'] });
    const atSpecialist = state({ status: 'processing', stepIndex: 1, assigneeId: null });
    expect(permits('claim', header, atSpecialist, specialist)).toBe(true);
    expect(permits('claim', header, atSpecialist, leader)).toBe(false); // not the step's role
    expect(permits('claim', header, atSpecialist, { ...specialist, atStepUnit: false })).toBe(false); // another unit
    expect(permits('claim', header, { ...atSpecialist, assigneeId: 'spec2' }, specialist)).toBe(false); // claimed
  });

  it('approve and reject: the assigned leader, at a leader’s step', () => {
    const atLeader = state({ status: 'processing', stepIndex: 2, assigneeId: 'lead' });
    // The last step: nothing to transfer to; no due date or acceptance recorded in this state, so no apology or recomputing.
    expect(availableActions(header, atLeader, leader)).toEqual(['requestSupplement', 'requestFee', 'approve', 'reject', 'stop']);
    expect(permits('approve', header, { ...atLeader, stepIndex: 1 }, leader)).toBe(false); // a specialist's step
    expect(permits('approve', header, { ...atLeader, assigneeId: 'lead2' }, leader)).toBe(false); // someone else's
  });

  it('evaluates guards: apologize needs a due date, recomputeDue an acceptance, issueResult an approval, transfer a target', () => {
    const open = state({ status: 'processing', stepIndex: 1, assigneeId: 'spec' });
    expect(permits('apologize', header, open, specialist)).toBe(false);
    expect(permits('apologize', header, { ...open, dueAt: 100 }, specialist)).toBe(true);
    expect(permits('recomputeDue', header, { ...open, dueAt: 100 }, desk)).toBe(false);
    expect(permits('recomputeDue', header, { ...open, dueAt: 100, acceptedAt: 1 }, desk)).toBe(true);
    const ready = state({ status: 'resultReady', outcome: 'rejected' });
    expect(permits('issueResult', header, ready, desk)).toBe(false);
    expect(permits('issueResult', header, { ...ready, outcome: 'approved' }, desk)).toBe(true);
    expect(permits('issueResult', header, { ...ready, outcome: 'approved' }, otherDesk)).toBe(false);
    expect(permits('transfer', header, open, specialist)).toBe(true);
    expect(permits('transfer', { ...header, steps: header.steps.slice(0, 2) }, open, specialist)).toBe(false); // the last step: nowhere to go
  });

  it('evaluates a rule as statuses, then any relation, then every guard', () => {
    const rule: ActionRule = { statuses: ['processing'], who: ['applicant', 'desk'], guards: ['hasDueDate', 'wasAccepted'] };
    const s = state({ status: 'processing', dueAt: 5, acceptedAt: 1 });
    expect(ruleAllows(rule, header, s, applicant)).toBe(true);
    expect(ruleAllows(rule, header, s, desk)).toBe(true);
    expect(ruleAllows(rule, header, s, specialist)).toBe(false);
    expect(ruleAllows(rule, header, { ...s, acceptedAt: null }, desk)).toBe(false);
    expect(ruleAllows(rule, header, { ...s, status: 'accepted' }, desk)).toBe(false);
  });
});
