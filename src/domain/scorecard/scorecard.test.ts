import { describe, expect, it } from 'vitest';
import { FORMULA_VERSIONS, formulaFor, score, scoreIndicator } from './formula.js';
import { emptyRow, indicator21, onTimeRate, settlementContribution, SETTLEMENT_COUNTS, type DossierFacts } from './settlement.js';
import { initialState } from '../dossier/fold.js';

const day = (n: number) => n * 1440;
const period = { from: day(100), to: day(130) };
const facts = (over: Partial<ReturnType<typeof initialState>>, channel: DossierFacts['channel'] = 'counter'): DossierFacts => ({
  channel,
  locationIndependent: false,
  submittedAt: over.acceptedAt ?? day(101),
  state: { ...initialState(), status: 'resultReady', acceptedAt: day(101), dueAt: day(105), finishedAt: day(104), ...over },
});

describe('Decision 766 formulas', () => {
  it('the ceilings add up to 100 and each group to its maximum', () => {
    for (const v of FORMULA_VERSIONS) {
      expect(v.groups.reduce((s, g) => s + g.maxPoints, 0)).toBe(100);
      for (const g of v.groups) expect(g.indicators.reduce((s, i) => s + i.maxPoints, 0), g.id).toBe(g.maxPoints);
    }
  });

  it('scores full points at the target, proportionally below, N/A without a denominator', () => {
    const withTarget = { id: 'x', name: 'x', maxPoints: 6, target: 90 };
    expect(scoreIndicator(withTarget, 95, 100)).toEqual({ ratio: 95, points: 6 });
    expect(scoreIndicator(withTarget, 45, 100)).toEqual({ ratio: 45, points: 3 });
    expect(scoreIndicator({ ...withTarget, target: null }, 955, 1000)).toEqual({ ratio: 95.5, points: 5.73 });
    expect(scoreIndicator(withTarget, 0, 0)).toEqual({ ratio: null, points: 0 });
    const card = score(formulaFor('2026-11-01'), new Map([['2.1', { numerator: 955, denominator: 1000 }]]));
    expect(card.groups.find((g) => g.id === '2')).toMatchObject({ points: 19.1, maxPoints: 20 });
    expect(card.total).toBe(19.1);
  });
});

describe('settlement report and indicator 2.1', () => {
  it('classifies received, settled early / on time / late with or without apology, in progress and carried over', () => {
    const rows = [
      facts({ finishedAt: day(103) }), // early (ends on an earlier day)
      facts({ finishedAt: day(105) }), // on time (at the due instant)
      facts({ finishedAt: day(107), extensions: 1 }), // late with apology
      facts({ finishedAt: day(107) }, 'online'), // late without apology
      facts({ status: 'processing', finishedAt: null, dueAt: day(140) }, 'postal'), // in progress, not due
      facts({ status: 'processing', finishedAt: null, acceptedAt: day(90), dueAt: day(95) }), // carried over, overdue
      facts({ status: 'withdrawn', finishedAt: day(110) }),
      facts({ acceptedAt: null, status: 'refused' }), // never accepted: not counted
    ];
    const total = emptyRow();
    for (const r of rows) for (const [k, v] of Object.entries(settlementContribution(r, period))) total[k as keyof typeof total] += v ?? 0;
    expect(total).toMatchObject({
      carriedOver: 1,
      received: 6,
      receivedOnline: 1,
      receivedPostal: 1,
      receivedCounter: 4,
      settled: 4,
      settledEarly: 1,
      settledOnTime: 1,
      settledLateWithApology: 1,
      settledLateWithoutApology: 1,
      inProgress: 2,
      inProgressNotDue: 1,
      inProgressOverdue: 1,
      withdrawn: 1,
      carriedForward: 2,
    });
    expect(total.received + total.carriedOver).toBe(total.settled + total.inProgress + total.withdrawn);
    expect(onTimeRate(total)).toBe(50);
    expect(SETTLEMENT_COUNTS.length).toBe(16);
  });

  it('2.1: end-time priority, the waiting supplement as end, a second supplement is late', () => {
    expect(indicator21(facts({ finishedAt: day(104) }), period)).toEqual({ counted: true, onTime: true });
    expect(indicator21(facts({ finishedAt: day(106) }), period)).toEqual({ counted: true, onTime: false });
    // Open at period end, waiting for the applicant since before the due date: on time.
    expect(indicator21(facts({ status: 'supplementRequested', finishedAt: null, pausedSince: day(103), dueAt: day(104) }), period)).toEqual({ counted: true, onTime: true });
    // Open and past due at period end: late.
    expect(indicator21(facts({ status: 'processing', finishedAt: null, dueAt: day(110) }), period)).toEqual({ counted: true, onTime: false });
    expect(indicator21(facts({ repeatedSupplement: true }), period)).toEqual({ counted: true, onTime: false });
    expect(indicator21(facts({ finishedAt: day(90), acceptedAt: day(80) }), period).counted).toBe(false);
  });
});
