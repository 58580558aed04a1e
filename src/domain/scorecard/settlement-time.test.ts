import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS } from '../calendar/working-time.js';
import { jdnFromIso } from '../calendar/civil-date.js';
import { decide, type ActorRelation, type ClockRules } from '../dossier/decide.js';
import { evolve, initialState, type DossierHeader, type DossierState } from '../dossier/fold.js';
import type { Command, RecordedAction } from '../dossier/dossier.js';
import { averageSettlementTime, procedureTimeLimit, settlementTime, shareOfTimeLimit } from './settlement-time.js';
import { contributions, procedureKeyOf, readDeltas, type StatFacts } from './measures.js';

const at = (date: string, time: string) => jdnFromIso(date) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const rules: ClockRules = { calendar: new WorkingCalendar(), hours: DEFAULT_OFFICE_HOURS };
const header: DossierHeader = {
  channel: 'counter',
  unitCode: 'U',
  receivingUnitCode: 'U',
  applicantId: null,
  timeLimit: { amount: 5, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận', role: 'desk_officer', unitCode: 'U', interAgency: false, budgetMinutes: 240 },
    { name: 'Thẩm định', role: 'specialist', unitCode: 'U', interAgency: false, budgetMinutes: 1200 },
    { name: 'Ký duyệt', role: 'leader', unitCode: 'U', interAgency: false, budgetMinutes: 480 },
  ],
};
const desk: ActorRelation = { userId: 'desk', role: 'desk_officer', atReceivingUnit: true, atStepUnit: true, atCompetentUnit: true, isApplicant: false };
const specialist: ActorRelation = { ...desk, userId: 'spec', role: 'specialist' };
const leader: ActorRelation = { ...desk, userId: 'lead', role: 'leader' };

function run(steps: [Command, ActorRelation, number][]): DossierState {
  let s = initialState();
  for (const [command, who, when] of steps) {
    const decided = decide(header, s, command, who, when, rules);
    if (!decided.ok) throw new Error(`${command.type}: ${decided.refusal.code}`);
    s = evolve(header, s, { ...decided.event, seq: s.seq + 1, at: when, actor: { userId: who.userId, role: who.role, unitCode: null } } as RecordedAction);
  }
  return s;
}

/** Accepted at `from`, handed to the specialist, then to the leader who approves at `to`, with optional steps between. */
const settled = (from: number, to: number, between: [Command, ActorRelation, number][] = []) =>
  run([
    [{ type: 'accept' }, desk, from],
    [{ type: 'transfer', toStep: 1, note: null }, desk, from + 5],
    [{ type: 'claim' }, specialist, from + 6],
    ...between,
    [{ type: 'transfer', toStep: 2, note: null }, specialist, to - 2],
    [{ type: 'claim' }, leader, to - 1],
    [{ type: 'approve', note: null }, leader, to],
  ]);

describe('indicator 2.2: settlement time', () => {
  it('counts office hours of working days, and calendar minutes, from acceptance to the result', () => {
    // Monday 23/11/2026 09:00 → Wednesday 25/11 10:00.
    const s = settled(at('2026-11-23', '09:00'), at('2026-11-25', '10:00'));
    // Monday 09:00–11:30 and 13:30–17:00 (360), Tuesday 480, Wednesday 07:00–10:00 (180).
    expect(settlementTime(s, rules)).toEqual({ workingMinutes: 1020, minutes: 2 * 1440 + 60 });
    // Returning the result changes nothing: the end is the result (state 9), and state 10 counts too.
    const returned = evolve(header, s, {
      type: 'returnResult',
      method: 'counter',
      seq: s.seq + 1,
      at: at('2026-11-26', '08:00'),
      actor: { userId: 'desk', role: 'desk_officer', unitCode: null },
    } as RecordedAction);
    expect(settlementTime(returned, rules)).toEqual({ workingMinutes: 1020, minutes: 2940 });
  });

  it('subtracts the time spent waiting for a supplement, in working and in calendar time', () => {
    // Friday 20/11 14:00 → Tuesday 24/11 09:00; waiting from Friday 16:00 to Monday 08:00.
    const s = settled(at('2026-11-20', '14:00'), at('2026-11-24', '09:00'), [
      [{ type: 'requestSupplement', reason: 'Thiếu bản sao', items: [] }, specialist, at('2026-11-20', '16:00')],
      [{ type: 'receiveSupplement' }, desk, at('2026-11-23', '08:00')],
    ]);
    // Working: Friday 14:00–17:00 (180) + Monday 480 + Tuesday 07:00–09:00 (120) = 780, less the pause:
    // Friday 16:00–17:00 and Monday 07:00–08:00 (120).
    expect(s.pausedMinutes).toBe(120);
    // Calendar: 91 hours, less 64 hours waiting.
    expect(s.pausedCalendarMinutes).toBe(64 * 60);
    expect(settlementTime(s, rules)).toEqual({ workingMinutes: 660, minutes: 27 * 60 });
  });

  it('times only dossiers finished with a result', () => {
    const open = run([[{ type: 'accept' }, desk, at('2026-11-23', '09:00')]]);
    expect(settlementTime(open, rules)).toBeNull();
    const withdrawn = run([
      [{ type: 'accept' }, desk, at('2026-11-23', '09:00')],
      [{ type: 'withdraw', reason: 'Không còn nhu cầu' }, desk, at('2026-11-24', '09:00')],
    ]);
    expect(withdrawn.finishedAt).not.toBeNull();
    expect(settlementTime(withdrawn, rules)).toBeNull();
  });

  it('averages in the procedure unit, to 2 decimals', () => {
    const sums = { count: 2, workingMinutes: 1020 + 660, minutes: 2940 + 1620 };
    expect(averageSettlementTime(sums, 'working_days', 480)).toBe(1.75); // 1680 ÷ 480 ÷ 2
    expect(averageSettlementTime(sums, 'working_hours', 480)).toBe(14); // 1680 ÷ 60 ÷ 2
    expect(averageSettlementTime(sums, 'calendar_days', 480)).toBe(1.58); // 4560 ÷ 1440 ÷ 2 = 1.583…
    expect(averageSettlementTime(sums, 'months', 480)).toBe(0.05); // 1.583… days ÷ 30
    expect(averageSettlementTime({ count: 0, workingMinutes: 0, minutes: 0 }, 'working_days', 480)).toBeNull();
  });

  it('dates the count and the sums on the day of acceptance, so a period holds the dossiers that started in it', () => {
    const base: StatFacts = {
      unitCode: 'U',
      procedureCode: 'P',
      channel: 'counter',
      locationIndependent: false,
      status: 'resultReady',
      acceptedAt: at('2026-11-27', '09:00'),
      finishedAt: at('2026-12-02', '10:00'),
      dueAt: null,
      extensions: 0,
      repeatedSupplement: false,
      pausedSince: null,
      approved: true,
      resultFile: false,
      certificationService: false,
      certifiedCopy: false,
      feeDue: false,
      feePaidOnline: false,
      componentFiles: false,
      reusedData: false,
      nationalVault: false,
      syncedToPortal: false,
      firstFeedbackAt: null,
      eidVerified: false,
      fullOnlineEligible: false,
      paperResultRequired: false,
      rating: null,
      settlementTime: { workingMinutes: 1500, minutes: 7260 },
      timeUnit: 'working_days',
    };
    const deltas = contributions(base);
    const november = readDeltas(deltas, jdnFromIso('2026-11-01'), jdnFromIso('2026-12-01'));
    expect([november.flow('timedSettled'), november.flow('timedWorkingMinutes'), november.flow('timedMinutes')]).toEqual([1, 1500, 7260]);
    const december = readDeltas(deltas, jdnFromIso('2026-12-01'), jdnFromIso('2027-01-01'));
    expect(december.flow('timedSettled')).toBe(0);
    expect(contributions({ ...base, settlementTime: null }).some((d) => d.measure.startsWith('timed'))).toBe(false);
    // Kept apart per time unit of the version it was received under, in the procedure rollups only.
    expect(deltas.filter((d) => d.measure.startsWith('timed')).map((d) => procedureKeyOf('P', d))).toEqual([
      'P|working_days',
      'P|working_days',
      'P|working_days',
    ]);
    expect(deltas.filter((d) => !d.measure.startsWith('timed')).every((d) => procedureKeyOf('P', d) === 'P')).toBe(true);
  });

  it('shows a procedure in its first method unit, with a time limit only when every method counts in it', () => {
    const counter = { timeLimit: { amount: 5, unit: 'working_days' as const } };
    const online = { timeLimit: { amount: 3, unit: 'working_days' as const } };
    const postal = { timeLimit: { amount: 10, unit: 'calendar_days' as const } };
    expect(procedureTimeLimit([counter, online])).toEqual({ timeUnit: 'working_days', timeLimit: 5 });
    expect(procedureTimeLimit([postal, counter])).toEqual({ timeUnit: 'calendar_days', timeLimit: null });
    expect(procedureTimeLimit([])).toEqual({ timeUnit: 'working_days', timeLimit: null });
    expect(shareOfTimeLimit({ average: 4, timeLimit: 5 })).toBe(0.8);
    expect(shareOfTimeLimit({ average: 4, timeLimit: null })).toBeNull();
    expect(shareOfTimeLimit({ average: 4, timeLimit: 0 })).toBeNull();
  });
});
