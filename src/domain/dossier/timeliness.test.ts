import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfPeriod, judge, overdueFrom, type TimelinessFacts } from './timeliness.js';
import { contributions, readDeltas, type StatFacts } from '../scorecard/measures.js';
import { settlementRow } from '../scorecard/settlement.js';
import { BUILT_IN_FORMULA, scoreFormula } from '../scorecard/formula.js';

const D = 1440;
const day = (n: number) => n * D;
const base: TimelinessFacts = {
  status: 'resultReady',
  acceptedAt: day(100) + 540,
  finishedAt: null,
  dueAt: day(105) + 960,
  extensions: 0,
  repeatedSupplement: false,
  pausedSince: null,
};

describe('the one on-time judgement', () => {
  it('an open dossier is not late before its due date, and overdue after it', () => {
    const open = { ...base, status: 'processing' as const };
    expect(judge(open, day(103))?.verdict).toBe('notDue');
    // Due at 16:00 on day 105: at 15:00 not yet, at the boundary after 16:01 it is.
    expect(judge(open, day(105) + 900)?.verdict).toBe('notDue');
    expect(judge(open, day(105) + 961)?.verdict).toBe('notDue'); // judged at 16:00 itself: not after the due minute
    expect(judge(open, day(105) + 962)?.verdict).toBe('overdue');
    expect(judge(open, day(100))).toBeNull(); // not yet accepted at that instant
  });

  it('a dossier supplemented twice is late everywhere, even when it ended early (REFERENCE §2.6)', () => {
    const early = { ...base, finishedAt: day(102) + 600 };
    expect(judge(early, day(200))).toMatchObject({ verdict: 'early', late: false });
    expect(judge({ ...early, repeatedSupplement: true }, day(200))).toMatchObject({ verdict: 'late', late: true });
    expect(judge({ ...early, repeatedSupplement: true, extensions: 1 }, day(200))?.verdict).toBe('lateWithApology');
    expect(judge({ ...base, status: 'processing', repeatedSupplement: true }, day(101))?.verdict).toBe('overdue');
  });

  it('early by day, on time by instant, late after the due minute; an apology does not make it on time', () => {
    expect(judge({ ...base, finishedAt: day(105) + 100 }, day(200))?.verdict).toBe('onTime');
    expect(judge({ ...base, finishedAt: day(105) + 960 }, day(200))?.verdict).toBe('onTime');
    expect(judge({ ...base, finishedAt: day(105) + 961 }, day(200))?.verdict).toBe('late');
    expect(judge({ ...base, finishedAt: day(106), extensions: 1 }, day(200))?.verdict).toBe('lateWithApology');
    expect(judge({ ...base, status: 'withdrawn', finishedAt: day(103) }, day(200))).toMatchObject({ verdict: 'early', withdrawn: true });
  });

  it('waiting for the applicant: judged at the request, so a request before the due date never turns overdue', () => {
    const waiting = { ...base, status: 'supplementRequested' as const, pausedSince: day(104) };
    expect(judge(waiting, day(300))?.verdict).toBe('notDue');
    expect(overdueFrom(waiting)).toBeNull();
    const lateWaiting = { ...waiting, pausedSince: day(107) };
    expect(judge(lateWaiting, day(300))?.verdict).toBe('overdue');
  });

  it('the as-of instant of a period is the earlier of now (the end of the current minute) and its end', () => {
    expect(asOfPeriod(day(50), day(60))).toBe(day(50) + 1);
    expect(asOfPeriod(day(70), day(60))).toBe(day(60));
    expect(asOfPeriod(day(60) - 1, day(60))).toBe(day(60)); // the period's last minute: read at its end
    // Ended during the current minute: ended already, as the dossier page says (judge(state, now + 1)).
    const ended = {
      status: 'resultReady' as const,
      acceptedAt: day(40),
      finishedAt: day(50),
      dueAt: day(45),
      extensions: 1,
      repeatedSupplement: false,
      pausedSince: null,
    };
    expect(judge(ended, asOfPeriod(day(50), day(60)))?.verdict).toBe('lateWithApology');
  });

  const factsArb = fc
    .record({
      accepted: fc.integer({ min: day(100), max: day(110) }),
      length: fc.option(fc.integer({ min: 0, max: 20 * D }), { nil: null }),
      due: fc.option(fc.integer({ min: -2 * D, max: 15 * D }), { nil: null }),
      paused: fc.option(fc.integer({ min: 0, max: 20 * D }), { nil: null }),
      repeated: fc.boolean(),
      extensions: fc.integer({ min: 0, max: 1 }),
      withdrawn: fc.boolean(),
    })
    .map((r): TimelinessFacts => ({
      status: r.length === null ? (r.paused !== null ? 'supplementRequested' : 'processing') : r.withdrawn ? 'withdrawn' : 'resultReady',
      acceptedAt: r.accepted,
      finishedAt: r.length === null ? null : r.accepted + r.length,
      dueAt: r.due === null ? null : r.accepted + r.due,
      extensions: r.extensions,
      repeatedSupplement: r.repeated,
      pausedSince: r.length === null && r.paused !== null ? r.accepted + r.paused : null,
    }));

  it('overdueFrom tells exactly when judge turns an open dossier late (property)', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: day(100), max: day(140) }), (f, asOf) => {
        const j = judge(f, asOf);
        if (j === null || j.ended) return;
        const from = overdueFrom(f);
        expect(j.late).toBe(from !== null && asOf >= from);
      }),
      { numRuns: 2000 },
    );
  });

  const stat = (f: TimelinessFacts): StatFacts => ({
    ...f,
    unitCode: 'U',
    procedureCode: 'P',
    channel: 'counter',
    locationIndependent: false,
    approved: f.status === 'resultReady',
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
    settlementTime: null,
    timeUnit: null,
  });

  it('the report and indicator 2.1 read from the statistics give what judge says of each dossier, at any day boundary (property)', () => {
    fc.assert(
      fc.property(
        fc.array(factsArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 95, max: 125 }),
        fc.integer({ min: 1, max: 20 }),
        (list, fromDay, length) => {
          const toDay = fromDay + length;
          const asOf = day(toDay);
          const reader = readDeltas(list.map(stat).flatMap(contributions), fromDay, toDay);
          const row = settlementRow(reader);
          const verdicts = list.map((f) => ({ f, j: judge(f, asOf) }));
          const endedIn = verdicts.filter(({ f, j }) => j?.ended && f.finishedAt! >= day(fromDay));
          const count = (v: string) => endedIn.filter(({ j }) => !j!.withdrawn && j!.verdict === v).length;
          expect(row.settledEarly).toBe(count('early'));
          expect(row.settledOnTime).toBe(count('onTime'));
          expect(row.settledLateWithoutApology).toBe(count('late'));
          expect(row.settledLateWithApology).toBe(count('lateWithApology'));
          const open = verdicts.filter(({ j }) => j && !j.ended);
          expect(row.inProgress).toBe(open.length);
          expect(row.inProgressOverdue).toBe(open.filter(({ j }) => j!.late).length);
          expect(row.inProgressNotDue).toBe(open.filter(({ j }) => !j!.late).length);
          // Indicator 2.1: (ended on time in the period + open not late at its end) ÷ (open at its start + accepted in it).
          const i21 = scoreFormula(BUILT_IN_FORMULA, { dossiers: reader, procedures: () => [], catalogue: () => 0, feedback: () => 0 })
            .groups.flatMap((g) => g.indicators)
            .find((i) => i.id === '2.1')!;
          const inScope = verdicts.filter(({ f, j }) => j !== null && (!j.ended || f.finishedAt! >= day(fromDay)));
          const handled = list.filter((f) => f.acceptedAt! < asOf && (f.finishedAt === null || f.finishedAt >= day(fromDay)));
          expect(i21.denominator).toBe(handled.length);
          expect(i21.numerator).toBe(inScope.filter(({ j }) => !j!.late).length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
