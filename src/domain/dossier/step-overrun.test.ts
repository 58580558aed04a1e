import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time.js';
import { jdnFromIso } from '../calendar/civil-date.js';
import { decide, type ActorRelation, type ClockRules } from './decide.js';
import { evolve, initialState, type DossierHeader, type DossierState } from './fold.js';
import type { Command, RecordedAction } from './dossier.js';
import { openStepWarning, stepOverruns, workingHours, workingTimeText } from './step-overrun.js';

const at = (date: string, time: string) => jdnFromIso(date) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const rules: ClockRules = { calendar: new WorkingCalendar(), hours: DEFAULT_OFFICE_HOURS };
const RECEIVING = '000.01.35.H37';
const COMPETENT = '000.00.35.H37';
const header: DossierHeader = {
  channel: 'counter',
  unitCode: COMPETENT,
  receivingUnitCode: RECEIVING,
  applicantId: null,
  timeLimit: { amount: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận', role: 'desk_officer', unitCode: RECEIVING, interAgency: false, budgetMinutes: 240 },
    { name: 'Thẩm định', role: 'specialist', unitCode: COMPETENT, interAgency: false, budgetMinutes: 1200 },
    { name: 'Ký duyệt', role: 'leader', unitCode: COMPETENT, interAgency: false, budgetMinutes: 480 },
  ],
};
const desk: ActorRelation = { userId: 'desk', role: 'desk_officer', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const specialist: ActorRelation = { userId: 'spec', role: 'specialist', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const leader: ActorRelation = { userId: 'lead', role: 'leader', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };

function act(state: DossierState, command: Command, who: ActorRelation, when: number): DossierState {
  const decided = decide(header, state, command, who, when, rules);
  if (!decided.ok) throw new Error(decided.refusal.code);
  const recorded = { ...decided.event, seq: state.seq + 1, at: when, actor: { userId: who.userId, role: who.role, unitCode: null } } as RecordedAction;
  return evolve(header, state, recorded);
}

/** Accepted Monday 23/11/2026 09:00 (due Thursday 09:00); the desk hands over at 10:00, the specialist claims. */
function atSpecialist(): DossierState {
  let s = act(initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'));
  s = act(s, { type: 'transfer', toStep: 1, note: null } as Command, desk, at('2026-11-23', '10:00'));
  return act(s, { type: 'claim' }, specialist, at('2026-11-23', '10:05'));
}

describe('step overrun', () => {
  it('charges the step that overran, its unit and official, with the overrun in working hours', () => {
    let s = atSpecialist();
    // The specialist's 20 working hours run out on Wednesday at 16:00; the hand-over is Thursday at 16:00.
    s = act(s, { type: 'transfer', toStep: 2, note: null } as Command, specialist, at('2026-11-26', '16:00'));
    s = act(s, { type: 'claim' }, leader, at('2026-11-26', '16:10'));
    s = act(s, { type: 'approve', note: null }, leader, at('2026-11-27', '09:00'));
    const report = stepOverruns(header, s, rules, at('2026-12-01', '00:00'));
    expect(report.judgement?.verdict).toBe('late');
    expect(report.visits.map((v) => [v.stepIndex, v.budgetMinutes, v.usedMinutes, v.overrunMinutes, v.verdict])).toEqual([
      [0, 240, 60, 0, 'onTime'],
      [1, 1200, 1680, 480, 'late'],
      [2, 480, 180, 0, 'onTime'],
    ]);
    expect(report.charged).toHaveLength(1);
    expect(report.charged[0]).toMatchObject({ stepIndex: 1, stepName: 'Thẩm định', unitCode: COMPETENT, officialId: 'spec', overrunMinutes: 480 });
    expect(workingHours(report.charged[0]!.overrunMinutes)).toBe(8);
    expect(workingTimeText(report.charged[0]!.overrunMinutes)).toBe('8 giờ làm việc');
    expect(report.heldAtDue?.stepIndex).toBe(1);
  });

  it('charges nobody when the dossier ends on time, even if a step used more than its budget', () => {
    let s = atSpecialist();
    s = act(s, { type: 'transfer', toStep: 2, note: null } as Command, specialist, at('2026-11-25', '17:00'));
    s = act(s, { type: 'claim' }, leader, at('2026-11-25', '17:00'));
    s = act(s, { type: 'approve', note: null }, leader, at('2026-11-26', '08:00'));
    const report = stepOverruns(header, s, rules, at('2026-12-01', '00:00'));
    expect(report.judgement?.verdict).toBe('onTime');
    expect(report.visits[1]).toMatchObject({ overrunMinutes: 60, verdict: 'late' });
    expect(report.charged).toEqual([]);
  });

  it('does not count the wait for a supplement as the step’s time', () => {
    let s = atSpecialist();
    s = act(s, { type: 'requestSupplement', reason: 'Thiếu bản sao' } as Command, specialist, at('2026-11-23', '11:00'));
    // Waiting four working days (Tuesday to Friday), then the supplement comes back on Monday 30/11 07:00.
    s = act(s, { type: 'receiveSupplement' } as Command, specialist, at('2026-11-30', '07:00'));
    s = act(s, { type: 'transfer', toStep: 2, note: null } as Command, specialist, at('2026-12-01', '17:00'));
    const report = stepOverruns(header, s, rules, at('2026-12-02', '00:00'));
    // Monday 10:00–11:00 before the request, then Monday 30/11 and Tuesday 01/12: 60 + 480 + 480 minutes.
    expect(report.visits[1]).toMatchObject({ usedMinutes: 1020, overrunMinutes: 0, verdict: 'early' });
  });

  it('measures an open step up to as-of, and stops at a supplement request it waits on', () => {
    const s = atSpecialist();
    const open = stepOverruns(header, s, rules, at('2026-11-26', '09:00'));
    expect(open.visits[1]).toMatchObject({ open: true, usedMinutes: 1260 + 120, overrunMinutes: 180, verdict: 'overdue' });
    expect(open.judgement?.verdict).toBe('notDue');
    expect(open.charged).toEqual([]);
    const late = stepOverruns(header, s, rules, at('2026-11-26', '10:00'));
    expect(late.judgement?.verdict).toBe('overdue');
    expect(late.charged.map((v) => [v.stepIndex, v.overrunMinutes])).toEqual([[1, 240]]);
    const waiting = act(s, { type: 'requestSupplement', reason: 'Thiếu' } as Command, specialist, at('2026-11-24', '09:00'));
    expect(stepOverruns(header, waiting, rules, at('2026-11-30', '09:00')).visits[1]).toMatchObject({
      until: at('2026-11-24', '09:00'),
      usedMinutes: 420,
      overrunMinutes: 0,
      verdict: 'notDue',
    });
  });

  it('names the step that held the dossier when it became late when no step overran', () => {
    const generous: DossierHeader = { ...header, timeLimit: { amount: 1, unit: 'working_days' } };
    let s = evolve(generous, initialState(), {
      ...(decide(generous, initialState(), { type: 'accept' }, desk, at('2026-11-23', '09:00'), rules) as { ok: true; event: object }).event,
      seq: 1,
      at: at('2026-11-23', '09:00'),
      actor: { userId: 'desk', role: 'desk_officer', unitCode: null },
    } as RecordedAction);
    const transfer = decide(generous, s, { type: 'transfer', toStep: 1, note: null } as Command, desk, at('2026-11-23', '10:00'), rules) as {
      ok: true;
      event: object;
    };
    s = evolve(generous, s, {
      ...transfer.event,
      seq: 2,
      at: at('2026-11-23', '10:00'),
      actor: { userId: 'desk', role: 'desk_officer', unitCode: null },
    } as RecordedAction);
    const report = stepOverruns(generous, s, rules, at('2026-11-25', '09:00'));
    expect(report.judgement?.verdict).toBe('overdue');
    expect(report.charged).toEqual([]);
    expect(report.heldAtDue).toMatchObject({ stepIndex: 1, unitCode: COMPETENT, overrunMinutes: 0 });
  });
});

describe('step warnings', () => {
  it('is due soon one working day before the step’s deadline, overdue after it, and nothing once handed over', () => {
    const s = atSpecialist(); // the specialist's deadline: Wednesday 25/11 16:00
    const kind = (when: number) => openStepWarning(header, s, rules, when, 480)?.kind ?? null;
    expect(kind(at('2026-11-24', '15:59'))).toBeNull();
    expect(kind(at('2026-11-24', '16:00'))).toBe('dueSoon');
    expect(kind(at('2026-11-25', '16:00'))).toBe('dueSoon');
    expect(kind(at('2026-11-25', '16:01'))).toBe('overdue');
    // Handed to the leader on Friday 10:00: due Monday 10:00, the weekend is not working time.
    const friday = act(atSpecialist(), { type: 'transfer', toStep: 2, note: null } as Command, specialist, at('2026-11-27', '10:00'));
    expect(friday.visits.at(-1)?.dueAt).toBe(at('2026-11-30', '10:00'));
    expect(openStepWarning(header, friday, rules, at('2026-11-28', '12:00'), 480)?.kind).toBe('dueSoon');
    expect(openStepWarning(header, friday, rules, at('2026-11-28', '12:00'), 120)?.kind).toBeNull();
    expect(openStepWarning(header, friday, rules, at('2026-11-30', '08:00'), 120)?.kind).toBe('dueSoon');
    const waiting = act(s, { type: 'requestSupplement', reason: 'Thiếu', items: [] } as Command, specialist, at('2026-11-24', '09:00'));
    expect(openStepWarning(header, waiting, rules, at('2026-11-30', '09:00'), 480)).toBeNull();
  });
});
