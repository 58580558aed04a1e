import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time.js';
import { jdnFromIso } from '../calendar/civil-date.js';
import { decide, mayAttach, type ActorRelation, type ClockRules } from './decide.js';
import { evolve, initialState, type DossierHeader, type DossierState } from './fold.js';
import type { Command, RecordedAction } from './dossier.js';

const when = jdnFromIso('2026-11-23') * 1440 + 9 * 60;
const rules: ClockRules = { calendar: new WorkingCalendar(), hours: DEFAULT_OFFICE_HOURS };
const header: DossierHeader = {
  channel: 'online',
  unitCode: '000.00.31.H37',
  receivingUnitCode: '000.00.31.H37',
  applicantId: 'citizen',
  timeLimit: { amount: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận', role: 'desk_officer', unitCode: '000.00.31.H37', interAgency: false, budgetMinutes: 240 },
    { name: 'Thẩm định', role: 'specialist', unitCode: '000.00.31.H37', interAgency: false, budgetMinutes: 600 },
    { name: 'Ký duyệt', role: 'leader', unitCode: '000.00.31.H37', interAgency: false, budgetMinutes: 480 },
    { name: 'Trả kết quả', role: 'desk_officer', unitCode: '000.00.31.H37', interAgency: false, budgetMinutes: 120 },
  ],
};
/** Everyone acts for every unit here: what tells them apart is the role, the step and the assignment. */
const at = { atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const desk: ActorRelation = { userId: 'desk', role: 'desk_officer', ...at };
const specialist: ActorRelation = { userId: 'spec', role: 'specialist', ...at };
const leader: ActorRelation = { userId: 'lead', role: 'leader', ...at };
const monitor: ActorRelation = { userId: 'mon', role: 'monitor', ...at };
const admin: ActorRelation = { userId: 'adm', role: 'admin', ...at };
const applicant: ActorRelation = { userId: 'citizen', role: 'citizen', atReceivingUnit: false, atStepUnit: false, atCompetentUnit: false, isApplicant: true };
/** The provincial centre's desk on a commune's dossier: it sees nothing of it as its own (relationOf). */
const otherDesk: ActorRelation = {
  userId: 'tinh',
  role: 'desk_officer',
  atReceivingUnit: false,
  atStepUnit: false,
  atCompetentUnit: false,
  isApplicant: false,
};

function act(state: DossierState, command: Command, who: ActorRelation): DossierState {
  const decided = decide(header, state, command, who, when, rules);
  if (!decided.ok) throw new Error(decided.refusal.code);
  return evolve(header, state, {
    ...decided.event,
    seq: state.seq + 1,
    at: when,
    actor: { userId: who.userId, role: who.role, unitCode: null },
  } as RecordedAction);
}

const who = (s: DossierState) =>
  Object.entries({ applicant, desk, specialist, leader, monitor, admin, otherDesk })
    .filter(([, r]) => mayAttach(header, s, r))
    .map(([name]) => name);

describe('who attaches files to a dossier (mayAttach)', () => {
  it('follows the dossier: the applicant and the desk at reception, the desk at its step, the step’s unit during processing', () => {
    let s = initialState();
    expect(who(s)).toEqual(['applicant', 'desk']);
    s = act(s, { type: 'accept' }, desk);
    expect(who(s)).toEqual(['desk']); // the reception step
    s = act(s, { type: 'transfer', toStep: 1, note: null }, desk);
    expect(who(s)).toEqual(['specialist', 'leader']); // the unit holding the step, not the desk any more
    s = act(s, { type: 'claim' }, specialist);
    s = act(s, { type: 'requestSupplement', reason: 'Thiếu bản sao', items: ['Bản sao'] }, specialist);
    expect(who(s)).toEqual(['applicant', 'desk', 'specialist', 'leader']); // the papers asked for
    s = act(s, { type: 'receiveSupplement' }, desk);
    s = act(s, { type: 'transfer', toStep: 2, note: null }, specialist);
    expect(who(s)).toEqual(['specialist', 'leader']);
    // An official of another unit, when the step is not theirs, only through the assignment.
    const elsewhere = { ...specialist, userId: 'spec2', atStepUnit: false };
    expect(mayAttach(header, s, elsewhere)).toBe(false);
    s = act(s, { type: 'claim' }, leader);
    expect(mayAttach(header, s, { ...leader, atStepUnit: false })).toBe(true);
    s = act(s, { type: 'approve', note: null }, leader);
    expect(s.status).toBe('resultReady');
    expect(who(s)).toEqual([]); // decided: the result is issued, not attached as a component
  });

  it('never lets a monitor, an administrator or a desk of another local government attach anything', () => {
    const states = [initialState()];
    states.push(act(states[0]!, { type: 'accept' }, desk));
    states.push(act(states[1]!, { type: 'transfer', toStep: 1, note: null }, desk));
    states.push(act(states[2]!, { type: 'claim' }, specialist));
    for (const s of states) expect([monitor, admin, otherDesk].filter((r) => mayAttach(header, s, r))).toEqual([]);
  });

  it('lets the applicant of a counter dossier attach nothing', () => {
    expect(mayAttach({ ...header, channel: 'counter' }, initialState(), applicant)).toBe(false);
  });
});
