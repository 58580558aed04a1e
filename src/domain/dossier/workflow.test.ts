import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time.js';
import { jdnFromIso } from '../calendar/civil-date.js';
import { availableActions, decide, type ActorRelation, type ClockRules } from './decide.js';
import { evolve, initialState, type DossierHeader, type DossierState } from './fold.js';
import { isResultStep, transferTargets } from './workflow-graph.js';
import { UnitTree } from '../units/unit.js';
import { nationalCodesPassed, type Command, type RecordedAction } from './dossier.js';

const at = (date: string, time: string) => jdnFromIso(date) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const rules: ClockRules = { calendar: new WorkingCalendar(), hours: DEFAULT_OFFICE_HOURS };
const header: DossierHeader = {
  channel: 'counter',
  unitCode: '000.00.35.H37',
  receivingUnitCode: '000.01.35.H37',
  applicantId: null,
  timeLimit: { amount: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận', role: 'desk_officer', unitCode: '000.01.35.H37', interAgency: false, budgetMinutes: 240 },
    { name: 'Thẩm định', role: 'specialist', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 1200 },
    { name: 'Ký duyệt', role: 'leader', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 0 + 8 * 60 },
  ],
};
const desk: ActorRelation = { userId: 'desk', role: 'desk_officer', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const specialist: ActorRelation = { userId: 'spec', role: 'specialist', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const leader: ActorRelation = { userId: 'lead', role: 'leader', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };

/** Decide and record a command, as the application does. */
function act(state: DossierState, command: Command, who: ActorRelation, when: number): DossierState {
  const decided = decide(header, state, command, who, when, rules);
  if (!decided.ok) throw new Error(decided.refusal.code);
  const recorded = { ...decided.event, seq: state.seq + 1, at: when, actor: { userId: who.userId, role: who.role, unitCode: null } } as RecordedAction;
  return evolve(header, state, recorded);
}

describe('dossier workflow', () => {
  it('runs reception → processing → approval → return, with the due date and per-step deadlines', () => {
    let s = initialState();
    expect(availableActions(header, s, specialist)).toEqual([]);
    expect(availableActions(header, s, desk)).toEqual(['accept', 'refuse', 'requestSupplementAtReception', 'withdraw']);
    s = act(s, { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    expect(s).toMatchObject({ status: 'accepted', nationalCode: 2, stepIndex: 0, assigneeId: 'desk' });
    expect(s.dueAt).toBe(at('2026-11-26', '09:00')); // 3 working days
    expect(s.visits[0]?.dueAt).toBe(at('2026-11-23', '15:00')); // 4 working hours: 09:00–11:30, 13:30–15:00
    s = act(s, { type: 'transfer', toStep: 1, note: null }, desk, at('2026-11-23', '10:00'));
    expect(s).toMatchObject({ status: 'processing', nationalCode: 4, stepIndex: 1, assigneeId: null });
    expect(availableActions(header, s, specialist)).toContain('claim');
    expect(availableActions(header, s, leader)).not.toContain('claim'); // not the step's role
    s = act(s, { type: 'claim' }, specialist, at('2026-11-23', '10:05'));
    expect(decide(header, s, { type: 'transfer', toStep: 2, note: null }, desk, at('2026-11-23', '10:06'), rules).ok).toBe(false); // only the assignee
    s = act(s, { type: 'transfer', toStep: 2, note: null }, specialist, at('2026-11-24', '14:00'));
    s = act(s, { type: 'claim' }, leader, at('2026-11-24', '14:10'));
    s = act(s, { type: 'approve', note: null }, leader, at('2026-11-25', '09:00'));
    expect(s).toMatchObject({ status: 'resultReady', nationalCode: 9, outcome: 'approved', finishedAt: at('2026-11-25', '09:00') });
    expect(s.visits.map((v) => v.handedOverAt !== null)).toEqual([true, true, true]);
    s = act(s, { type: 'returnResult', method: 'counter' }, desk, at('2026-11-25', '10:00'));
    expect(s).toMatchObject({ status: 'returned', nationalCode: 10 });
    expect(availableActions(header, s, desk)).toEqual([]);
  });

  it('enters the final desk step after approval, with its own deadline, and closes it on return', () => {
    const withDesk: DossierHeader = {
      ...header,
      steps: [...header.steps, { name: 'Vào sổ, trả kết quả', role: 'desk_officer', unitCode: '000.01.35.H37', interAgency: false, budgetMinutes: 120 }],
    };
    const step = (s: DossierState, command: Command, who: ActorRelation, when: number) => {
      const decided = decide(withDesk, s, command, who, when, rules);
      if (!decided.ok) throw new Error(decided.refusal.code);
      return evolve(withDesk, s, {
        ...decided.event,
        seq: s.seq + 1,
        at: when,
        actor: { userId: who.userId, role: who.role, unitCode: null },
      } as RecordedAction);
    };
    let s = step(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    s = step(s, { type: 'transfer', toStep: 1, note: null }, desk, at('2026-11-23', '10:00'));
    s = step(s, { type: 'claim' }, specialist, at('2026-11-23', '10:01'));
    s = step(s, { type: 'transfer', toStep: 2, note: null }, specialist, at('2026-11-23', '10:02'));
    s = step(s, { type: 'claim' }, leader, at('2026-11-23', '10:05'));
    s = step(s, { type: 'approve', note: null }, leader, at('2026-11-24', '16:00'));
    expect(s).toMatchObject({ status: 'resultReady', stepIndex: 3, assigneeId: null, finishedAt: at('2026-11-24', '16:00') });
    // 2 working hours from Tuesday 16:00: 16:00–17:00, then 07:00–08:00 on Wednesday.
    expect(s.visits.at(-1)).toMatchObject({ index: 3, receivedAt: at('2026-11-24', '16:00'), dueAt: at('2026-11-25', '08:00'), handedOverAt: null });
    expect(s.visits.at(-2)?.handedOverAt).toBe(at('2026-11-24', '16:00'));
    // issueResult is taken by the leader's signature on the result document (issue 19), never offered.
    expect(availableActions(withDesk, s, desk)).toEqual(['returnResult']);
    s = step(s, { type: 'returnResult', method: 'counter' }, desk, at('2026-11-25', '09:30'));
    expect(s.visits.at(-1)).toMatchObject({ index: 3, handedOverAt: at('2026-11-25', '09:30'), officialId: 'desk' });
    // A history recorded before this step existed (approve without stepDueAt) folds as before.
    const old = evolve(
      withDesk,
      { ...s, status: 'processing', stepIndex: 2, visits: s.visits.slice(0, 3).map((v, i) => (i === 2 ? { ...v, handedOverAt: null } : v)) },
      {
        type: 'approve',
        note: null,
        seq: 99,
        at: at('2026-11-24', '16:00'),
        actor: { userId: 'lead', role: 'leader', unitCode: null },
      } as unknown as RecordedAction,
    );
    expect(old).toMatchObject({ status: 'resultReady', stepIndex: 2 });
    expect(old.visits.map((v) => v.handedOverAt !== null)).toEqual([true, true, true]);
  });

  it('pauses the clock for a supplement, moves the due date by the paused working time, and flags a second request', () => {
    let s = act(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    s = act(s, { type: 'transfer', toStep: 1, note: null }, desk, at('2026-11-23', '09:30'));
    s = act(s, { type: 'claim' }, specialist, at('2026-11-23', '09:31'));
    s = act(s, { type: 'requestSupplement', reason: 'Thiếu bản sao giấy tờ', items: ['Bản sao CCCD'] }, specialist, at('2026-11-23', '10:00'));
    expect(s).toMatchObject({ status: 'supplementRequested', nationalCode: 5, supplementRequests: 1, repeatedSupplement: false });
    expect(availableActions(header, s, specialist)).toEqual(['receiveSupplement', 'apologize']);
    // Paused from Monday 10:00 to Tuesday 10:00: one working day (8 h) → due moves from Thursday 09:00 to Friday 09:00.
    s = act(s, { type: 'receiveSupplement' }, desk, at('2026-11-24', '10:00'));
    expect(s).toMatchObject({ status: 'processing', pausedMinutes: 480, dueAt: at('2026-11-27', '09:00'), appointmentAt: at('2026-11-27', '09:00') });
    // REFERENCE §2.6: once only. Refused by default; a unit may allow it, and then it must be acknowledged.
    const second: Command = { type: 'requestSupplement', reason: 'Lần hai', items: [] };
    const when = at('2026-11-24', '11:00');
    expect(decide(header, s, second, specialist, when, rules)).toMatchObject({ ok: false, refusal: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } });
    expect(decide(header, s, second, specialist, when, rules, { allowRepeatedSupplement: true })).toMatchObject({
      ok: false,
      refusal: { code: 'REPEATED_SUPPLEMENT_NOT_ACKNOWLEDGED' },
    });
    expect(decide(header, s, { ...second, acknowledgeLate: true } as Command, specialist, when, rules)).toMatchObject({
      ok: false,
      refusal: { code: 'SUPPLEMENT_ALREADY_REQUESTED' },
    });
    const allowed = decide(header, s, { ...second, acknowledgeLate: true } as Command, specialist, when, rules, { allowRepeatedSupplement: true });
    if (!allowed.ok) throw new Error(allowed.refusal.code);
    s = evolve(header, s, { ...allowed.event, seq: s.seq + 1, at: when, actor: { userId: 'spec', role: 'specialist', unitCode: null } } as RecordedAction);
    expect(s).toMatchObject({ status: 'supplementRequested', supplementRequests: 2, repeatedSupplement: true });
  });

  it('hands over only to the next step of the workflow, or past an inter-agency step, never to the result step', () => {
    const inter: DossierHeader = {
      ...header,
      steps: [
        { name: 'Tiếp nhận', role: 'desk_officer', unitCode: '000.01.35.H37', interAgency: false, budgetMinutes: 240 },
        { name: 'Thẩm định', role: 'specialist', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 960 },
        { name: 'Xác minh', role: 'specialist', unitCode: '000.00.15.H37', interAgency: true, budgetMinutes: 480 },
        { name: 'Ký duyệt', role: 'leader', unitCode: '000.00.35.H37', interAgency: false, budgetMinutes: 480 },
        { name: 'Vào sổ, trả kết quả', role: 'desk_officer', unitCode: '000.01.35.H37', interAgency: false, budgetMinutes: 120 },
      ],
    };
    const targets = (stepIndex: number | null) => transferTargets(inter, { stepIndex });
    expect(targets(null)).toEqual([]);
    expect(targets(0)).toEqual([1]); // not straight to the leader, nor to the last step (a dead end)
    expect(targets(1)).toEqual([2, 3]); // to the other agency, or past it when it is not needed
    expect(targets(2)).toEqual([3]); // back to the competent unit's next step
    expect(targets(3)).toEqual([]); // the leader decides; the result step is entered by approve or reject
    expect(targets(4)).toEqual([]);
    expect(isResultStep(inter, 4)).toBe(true);
    expect(isResultStep(inter, 1)).toBe(false);

    // decide() enforces the same graph, and availableActions no longer offers a transfer with nowhere to go.
    let s = act(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    for (const toStep of [0, 2, 3, 9]) {
      expect(decide(inter, s, { type: 'transfer', toStep, note: null }, desk, at('2026-11-23', '09:10'), rules)).toMatchObject({
        ok: false,
        refusal: { code: 'INVALID_STEP' },
      });
    }
    s = evolve(inter, s, {
      type: 'transfer',
      toStep: 1,
      note: null,
      stepDueAt: 0,
      seq: s.seq + 1,
      at: at('2026-11-23', '09:10'),
      actor: { userId: 'desk', role: 'desk_officer', unitCode: null },
    });
    s = evolve(inter, s, { type: 'claim', seq: s.seq + 1, at: at('2026-11-23', '09:11'), actor: { userId: 'spec', role: 'specialist', unitCode: null } });
    expect(decide(inter, s, { type: 'transfer', toStep: 3, note: null }, specialist, at('2026-11-23', '09:12'), rules).ok).toBe(true);
    expect(decide(inter, s, { type: 'transfer', toStep: 4, note: null }, specialist, at('2026-11-23', '09:12'), rules)).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID_STEP' },
    });
    s = evolve(inter, s, {
      type: 'transfer',
      toStep: 3,
      note: null,
      stepDueAt: 0,
      seq: s.seq + 1,
      at: at('2026-11-23', '09:12'),
      actor: { userId: 'spec', role: 'specialist', unitCode: null },
    });
    s = evolve(inter, s, { type: 'claim', seq: s.seq + 1, at: at('2026-11-23', '09:13'), actor: { userId: 'lead', role: 'leader', unitCode: null } });
    expect(availableActions(inter, s, leader)).not.toContain('transfer');
    expect(availableActions(inter, s, leader)).toContain('approve');
  });

  it('lets the sender name the receiving official, who must be an active official of the step unit with its role', () => {
    const tree = new UnitTree([
      { code: '000.00.00.H37', name: 'UBND tỉnh', level: 'province', parentCode: null, validFrom: '2025-07-01', validTo: null, replacedBy: [] },
      { code: '000.00.35.H37', name: 'Sở', level: 'department', parentCode: '000.00.00.H37', validFrom: '2025-07-01', validTo: null, replacedBy: [] },
      { code: '000.00.15.H37', name: 'Công an tỉnh', level: 'department', parentCode: '000.00.00.H37', validFrom: '2025-07-01', validTo: null, replacedBy: [] },
      {
        code: '000.01.35.H37',
        name: 'Bộ phận một cửa',
        level: 'one_stop_desk',
        parentCode: '000.00.35.H37',
        validFrom: '2025-07-01',
        validTo: null,
        replacedBy: [],
      },
    ]);
    const s = act(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    const named = { type: 'transfer', toStep: 1, note: null, toOfficialId: 'spec-2' } as const;
    const when = at('2026-11-23', '09:10');
    const official = { userId: 'spec-2', role: 'specialist', unitCode: '000.00.35.H37', disabled: false };
    const decided = decide(header, s, named, desk, when, rules, { recipient: official, tree });
    if (!decided.ok) throw new Error(decided.refusal.code);
    const next = evolve(header, s, {
      ...decided.event,
      seq: s.seq + 1,
      at: when,
      actor: { userId: 'desk', role: 'desk_officer', unitCode: null },
    } as RecordedAction);
    expect(next).toMatchObject({ stepIndex: 1, assigneeId: 'spec-2' });
    expect(next.visits.at(-1)).toMatchObject({ index: 1, officialId: 'spec-2' });
    expect(availableActions(header, next, { ...specialist, userId: 'spec-2' })).toContain('transfer');
    // Left to the unit's queue: no assignee, the step's officials claim it.
    expect(act(s, { type: 'transfer', toStep: 1, note: null, toOfficialId: null }, desk, when)).toMatchObject({ stepIndex: 1, assigneeId: null });
    for (const wrong of [
      null, // not found
      { ...official, disabled: true },
      { ...official, role: 'leader' },
      { ...official, unitCode: '000.00.15.H37' }, // another unit
      { ...official, userId: 'someone-else' },
    ]) {
      expect(decide(header, s, named, desk, when, rules, { recipient: wrong, tree })).toMatchObject({ ok: false, refusal: { code: 'RECIPIENT_NOT_ELIGIBLE' } });
    }
  });

  it('an apology gives a new appointment once, and keeps the legal due date for timeliness', () => {
    let s = act(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
    const due = s.dueAt;
    s = act(s, { type: 'apologize', reason: 'Cần xác minh thêm', newAppointmentAt: at('2026-11-30', '09:00') }, desk, at('2026-11-24', '09:00'));
    expect(s).toMatchObject({ dueAt: due, appointmentAt: at('2026-11-30', '09:00'), extensions: 1, apologyLate: false });
    const again = decide(header, s, { type: 'apologize', reason: 'x', newAppointmentAt: at('2026-12-07', '09:00') }, desk, at('2026-11-25', '09:00'), rules);
    expect(again).toMatchObject({ ok: false, refusal: { code: 'TOO_MANY_EXTENSIONS' } });
  });

  it('lets the applicant withdraw or resubmit, never accept', () => {
    const applicant: ActorRelation = {
      userId: 'citizen',
      role: 'citizen',
      atReceivingUnit: false,
      atStepUnit: false,
      atCompetentUnit: false,
      isApplicant: true,
    };
    let s = initialState();
    expect(availableActions(header, s, applicant)).toEqual(['withdraw']);
    s = act(s, { type: 'requestSupplementAtReception', reason: 'Thiếu tờ khai', items: ['Tờ khai'] }, desk, at('2026-11-23', '09:00'));
    expect(availableActions(header, s, applicant)).toEqual(['resubmit', 'withdraw']);
    s = act(s, { type: 'withdraw', reason: 'Không cần nữa' }, applicant, at('2026-11-23', '10:00'));
    // REFERENCE §2.2: the request to withdraw (7), then processing stopped (8); the internal status stays `withdrawn`.
    expect(s).toMatchObject({ status: 'withdrawn', nationalCode: 8 });
    expect(nationalCodesPassed('withdraw', s.status)).toEqual([7, 8]);
    expect(nationalCodesPassed('stop', 'stopped')).toEqual([8]);
  });
});
