import { describe, expect, it } from 'vitest';
import { BUILT_IN_FORMULA, formulaFor, scoreFormula, scoreIndicator, type FormulaVersion, type QuantitySources } from './formula.js';
import { checkFormulaVersion } from './formula-check.js';
import { contributionChange, contributions, readDeltas, type Delta, type StatFacts } from './measures.js';
import { onTimeRate, paidOnlineRate, settlementRow, SETTLEMENT_COUNTS } from './settlement.js';
import { publicationCounts } from './publication.js';
import { fallsShort, readFactsAsOf, shortfallKinds } from './shortfall.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';

const day = (n: number) => n * 1440;
/** The period: days 100 to 129 (the boundary after it is day 130). */
const FROM = 100;
const TO = 130;
const facts = (over: Partial<StatFacts>): StatFacts => ({
  unitCode: 'U',
  procedureCode: 'P',
  channel: 'counter',
  locationIndependent: false,
  status: 'resultReady',
  acceptedAt: day(101) + 540,
  finishedAt: day(104) + 600,
  dueAt: day(105) + 960,
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
  settlementTime: null,
  timeUnit: null,
  ...over,
});

const readerOf = (list: StatFacts[], from = FROM, to = TO) => readDeltas(list.flatMap(contributions), from, to);
const sources = (list: StatFacts[]): QuantitySources => ({ dossiers: readerOf(list), procedures: () => [], catalogue: () => 0, feedback: () => 0 });
const indicator = (card: ReturnType<typeof scoreFormula>, id: string) => card.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;
const i21 = (list: StatFacts[]) => {
  const i = indicator(scoreFormula(BUILT_IN_FORMULA, sources(list)), '2.1');
  return { numerator: i.numerator, denominator: i.denominator };
};

describe('Decision 766 formulas as data', () => {
  it('the built-in ceilings add up to 100, each group to its maximum, and the version checks clean', () => {
    expect(BUILT_IN_FORMULA.groups.map((g) => g.maxPoints)).toEqual([18, 20, 12, 10, 22, 18]);
    expect(checkFormulaVersion(BUILT_IN_FORMULA)).toEqual([]);
  });

  it('refuses a version whose points do not add up or that names an unknown measure', () => {
    const bad = structuredClone(BUILT_IN_FORMULA) as FormulaVersion;
    bad.groups[1]!.indicators[0]!.maxPoints = 25; // group 2's indicators no longer add up to 20
    bad.groups[2]!.maxPoints = 17; // and the groups to 100
    (bad.groups[0]!.indicators[3]!.denominator as { dossiers: { measure: string; at: string }[] }).dossiers[0]!.measure = 'nope';
    const problems = checkFormulaVersion(bad);
    expect(problems.some((p) => p.includes('nhóm 2'))).toBe(true);
    expect(problems.some((p) => p.includes('"nope"'))).toBe(true);
    expect(problems.some((p) => p.includes('tổng điểm tối đa là 105'))).toBe(true);
  });

  it('scores full points at the target, proportionally below, N/A without a denominator, with the rounding given', () => {
    const withTarget = { maxPoints: 6, target: 90 };
    expect(scoreIndicator(withTarget, 95, 100)).toEqual({ ratio: 95, points: 6 });
    expect(scoreIndicator(withTarget, 45, 100)).toEqual({ ratio: 45, points: 3 });
    expect(scoreIndicator({ maxPoints: 20, target: null }, 955, 1000)).toEqual({ ratio: 95.5, points: 19.1 });
    expect(scoreIndicator({ maxPoints: 6, target: null }, 1, 3)).toEqual({ ratio: 33.33, points: 2 });
    expect(scoreIndicator({ maxPoints: 6, target: null, decimals: 0 }, 1, 3)).toEqual({ ratio: 33, points: 2 });
    expect(scoreIndicator(withTarget, 0, 0)).toEqual({ ratio: null, points: 0 });
  });

  it('scores a period with the version in force on its first day; a new version changes the weights without code', () => {
    const v2: FormulaVersion = structuredClone(BUILT_IN_FORMULA);
    v2.id = 'v2';
    v2.effectiveFrom = '2027-01-01';
    // The portal moves 2 points from 2.1 to 1.4.
    v2.groups[1]!.maxPoints = 18;
    v2.groups[1]!.indicators[0]!.maxPoints = 18;
    v2.groups[0]!.maxPoints = 20;
    v2.groups[0]!.indicators[3]!.maxPoints = 8;
    expect(checkFormulaVersion(v2)).toEqual([]);
    const versions = [v2, BUILT_IN_FORMULA];
    expect(formulaFor('2026-12-31', versions).id).toBe('766-2026.10');
    expect(formulaFor('2027-01-01', versions).id).toBe('v2');
    expect(formulaFor('2020-01-01', versions).id).toBe('766-2026.10'); // before any: the earliest
    const list = [facts({}), facts({ finishedAt: day(107) })]; // one on time, one late
    expect(indicator(scoreFormula(BUILT_IN_FORMULA, sources(list)), '2.1').points).toBe(10); // 50 % of 20
    expect(indicator(scoreFormula(v2, sources(list)), '2.1').points).toBe(9); // 50 % of 18
  });
});

describe('indicator 2.1 by the portal’s rules, on hand-made histories', () => {
  it('judges a dossier ended in the period by its end (result ready, stopped, withdrawn) against the due date', () => {
    expect(i21([facts({ finishedAt: day(105) + 960 })])).toEqual({ numerator: 1, denominator: 1 }); // at the due minute: on time
    expect(i21([facts({ finishedAt: day(105) + 961 })])).toEqual({ numerator: 0, denominator: 1 }); // one minute later: late
    expect(i21([facts({ status: 'withdrawn', finishedAt: day(103) })])).toEqual({ numerator: 1, denominator: 1 });
    expect(i21([facts({ status: 'stopped', approved: false, finishedAt: day(110) })])).toEqual({ numerator: 0, denominator: 1 });
  });

  it('judges a dossier still open at the period’s end at the period’s end, or at the supplement request while waiting', () => {
    // Due on day 140, open on day 129: on time so far. Due on day 120: late.
    expect(i21([facts({ status: 'processing', finishedAt: null, dueAt: day(140) })])).toEqual({ numerator: 1, denominator: 1 });
    expect(i21([facts({ status: 'processing', finishedAt: null, dueAt: day(120) })])).toEqual({ numerator: 0, denominator: 1 });
    // Due in the last minute of day 129: the period ends at 23:59 of that day, not after it: on time.
    expect(i21([facts({ status: 'processing', finishedAt: null, dueAt: day(130) - 1 })])).toEqual({ numerator: 1, denominator: 1 });
    expect(i21([facts({ status: 'processing', finishedAt: null, dueAt: day(130) - 2 })])).toEqual({ numerator: 0, denominator: 1 });
    // Waiting for the applicant since day 103, due day 104: the request is the end, on time, whatever the period's end.
    expect(i21([facts({ status: 'supplementRequested', finishedAt: null, pausedSince: day(103), dueAt: day(104) })])).toEqual({ numerator: 1, denominator: 1 });
    // The request came after the due date: late.
    expect(i21([facts({ status: 'supplementRequested', finishedAt: null, pausedSince: day(106), dueAt: day(104) })])).toEqual({ numerator: 0, denominator: 1 });
    // Ended after the period (day 135, due day 140): at the period's end it was open and not due: on time.
    expect(i21([facts({ finishedAt: day(135), dueAt: day(140) })])).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counts a second supplement request as late, even when the dossier ended early', () => {
    expect(i21([facts({ repeatedSupplement: true, finishedAt: day(102) })])).toEqual({ numerator: 0, denominator: 1 });
    expect(i21([facts({ repeatedSupplement: true, status: 'processing', finishedAt: null, dueAt: day(200) })])).toEqual({ numerator: 0, denominator: 1 });
  });

  it('without a due date, is on time; ended before the period or received after it, does not count', () => {
    expect(i21([facts({ dueAt: null, finishedAt: day(140) })])).toEqual({ numerator: 1, denominator: 1 });
    expect(i21([facts({ acceptedAt: day(80), finishedAt: day(90) })])).toEqual({ numerator: 0, denominator: 0 });
    expect(i21([facts({ acceptedAt: day(131), finishedAt: null, dueAt: day(140) })])).toEqual({ numerator: 0, denominator: 0 });
    expect(i21([facts({ acceptedAt: null, status: 'refused', finishedAt: day(101) })])).toEqual({ numerator: 0, denominator: 0 });
    // Carried over from before the period, still open: counts.
    expect(i21([facts({ acceptedAt: day(90), finishedAt: null, status: 'processing', dueAt: day(140) })])).toEqual({ numerator: 1, denominator: 1 });
  });

  it('the certified-copy indicator: an approved certification dossier without a signed e-copy falls short, and says why', () => {
    const spec = BUILT_IN_FORMULA.groups.flatMap((g) => g.indicators).find((i) => i.id === '4.2b')!;
    const paper = facts({ certificationService: true, certifiedCopy: false });
    expect(fallsShort(spec, paper, FROM, TO)).toBe(true);
    expect(shortfallKinds(spec, paper, FROM, TO)).toEqual(['noCertifiedCopy']);
    expect(fallsShort(spec, { ...paper, certifiedCopy: true }, FROM, TO)).toBe(false);
    expect(indicator(scoreFormula(BUILT_IN_FORMULA, sources([paper, { ...paper, certifiedCopy: true }])), '4.2b')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it('a period not yet ended is judged as of now: the drill-down does not list a dossier due later today as overdue', () => {
    // Open, due at 16:00 on day 129, the period's last day; read at 02:40 that day, at 16:01, and at 16:02.
    const open = facts({ status: 'processing', finishedAt: null, dueAt: day(129) + 960 });
    const spec = BUILT_IN_FORMULA.groups.flatMap((g) => g.indicators).find((i) => i.id === '2.1')!;
    expect(fallsShort(spec, open, FROM, TO)).toBe(true); // at the period's end (midnight after day 129): overdue
    expect(fallsShort(spec, open, FROM, TO, day(129) + 160)).toBe(false);
    expect(shortfallKinds(spec, open, FROM, TO, day(129) + 160)).toEqual([]);
    expect(readFactsAsOf(open, FROM, TO, day(129) + 160).atEnd('openLate21')).toBe(0);
    expect(fallsShort(spec, open, FROM, TO, day(129) + 961)).toBe(false); // judged just before 16:01: at the due minute
    expect(shortfallKinds(spec, open, FROM, TO, day(129) + 962)).toEqual(['overdueAtPeriodEnd']);
    // A period ended before now is read at its end; a period after now counts the dossier as it stands now.
    expect(fallsShort(spec, open, FROM, TO, day(140))).toBe(true);
    expect(readFactsAsOf(open, 131, 140, day(129) + 160).atStart('openLate21')).toBe(0);
    expect(readFactsAsOf(open, 131, 140, day(129) + 962).atStart('openLate21')).toBe(1);
  });

  it('has N/A when nothing was received or processed', () => {
    const card = scoreFormula(BUILT_IN_FORMULA, sources([]));
    expect(indicator(card, '2.1')).toMatchObject({ ratio: null, points: 0, denominator: 0 });
  });

  it('5.4 takes the late and the dissatisfied off 100 %', () => {
    const list = [
      facts({ rating: { at: day(106), dissatisfied: true } }),
      facts({ rating: { at: day(106), dissatisfied: false } }),
      facts({ finishedAt: day(108) }),
      facts({}),
    ];
    // 4 dossiers, 1 late, 1 dissatisfied: 100 − (25 + 25) = 50 %; target 90 → 6 × 50 / 90.
    expect(indicator(scoreFormula(BUILT_IN_FORMULA, sources(list)), '5.4')).toMatchObject({ numerator: 2, denominator: 4, ratio: 50, points: 3.33 });
  });

  it('5.4 counts a dossier citizen feedback was raised about like a dissatisfied one, once', () => {
    const spec = BUILT_IN_FORMULA.groups.flatMap((g) => g.indicators).find((i) => i.id === '5.4')!;
    const raised = facts({ firstFeedbackAt: day(106) });
    const both = facts({ firstFeedbackAt: day(109), rating: { at: day(106), dissatisfied: true } });
    const list = [raised, both, facts({}), facts({})];
    // 4 dossiers, 2 with feedback or a dislike (the one with both counts once): 100 − 50 = 50 %.
    expect(indicator(scoreFormula(BUILT_IN_FORMULA, sources(list)), '5.4')).toMatchObject({ numerator: 2, denominator: 4, ratio: 50 });
    expect(shortfallKinds(spec, raised, FROM, TO)).toEqual(['feedbackRaised']);
    expect(shortfallKinds(spec, both, FROM, TO)).toEqual(['dissatisfied', 'feedbackRaised']);
    // Feedback received after the period does not count in it.
    expect(fallsShort(spec, facts({ firstFeedbackAt: TO * 1440 + 60 }), FROM, TO)).toBe(false);
  });
});

describe('the settlement report from the same measures', () => {
  it('classifies received, settled early / on time / late with or without apology, in progress and carried over', () => {
    const list = [
      facts({ finishedAt: day(103), feeDue: true, feePaidOnline: true }), // early (an earlier day than the due date); paid online
      facts({ finishedAt: day(105) + 960, feeDue: true }), // on time (at the due instant); a fee paid otherwise
      facts({ finishedAt: day(107), extensions: 1 }), // late with apology
      facts({ finishedAt: day(107), channel: 'online' }), // late without apology
      facts({ status: 'processing', finishedAt: null, dueAt: day(140), channel: 'postal' }), // in progress, not due
      facts({ status: 'processing', finishedAt: null, acceptedAt: day(90), dueAt: day(95), feeDue: true, feePaidOnline: true }), // carried over, overdue
      facts({ status: 'withdrawn', finishedAt: day(110) }),
      facts({ acceptedAt: null, status: 'refused' }), // never accepted: not counted
      facts({ acceptedAt: day(80), finishedAt: day(85) }), // ended before the period: not counted
    ];
    const total = settlementRow(readerOf(list));
    expect(total).toEqual({
      carriedOver: 1,
      received: 6,
      receivedOnline: 1,
      receivedCounter: 4,
      receivedPostal: 1,
      receivedLocationIndependent: 0,
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
      // Received in the period with a fee, and paid online: not the one carried over.
      feeDue: 2,
      feePaidOnline: 1,
    });
    expect(total.received + total.carriedOver).toBe(total.settled + total.inProgress + total.withdrawn);
    expect(onTimeRate(total)).toBe(50);
    expect(SETTLEMENT_COUNTS.length).toBe(16);
    // The payment columns are indicator 3.6's numerator and denominator, and its ratio.
    expect(indicator(scoreFormula(BUILT_IN_FORMULA, sources(list)), '3.6')).toMatchObject({
      numerator: total.feePaidOnline,
      denominator: total.feeDue,
      ratio: paidOnlineRate(total),
    });
    expect(paidOnlineRate(total)).toBe(50);
    expect(paidOnlineRate({ ...total, feeDue: 0, feePaidOnline: 0 })).toBeNull();
  });

  it('a dossier becomes overdue with time alone: the same facts read later move it from not due to overdue', () => {
    const open = [facts({ status: 'processing', finishedAt: null, dueAt: day(135) + 600 })];
    expect(settlementRow(readerOf(open, 100, 130))).toMatchObject({ inProgressNotDue: 1, inProgressOverdue: 0 });
    expect(settlementRow(readerOf(open, 130, 137))).toMatchObject({ carriedOver: 1, inProgressNotDue: 0, inProgressOverdue: 1 });
  });
});

describe('contributions follow a dossier by difference', () => {
  it('retracting the old facts and adding the new gives the new contribution', () => {
    const before = facts({ status: 'processing', finishedAt: null, approved: false });
    const after = facts({ finishedAt: day(108), resultFile: true, paperResultRequired: true });
    const change = contributionChange(contributions(before), contributions(after));
    const sum = (ds: Delta[]) => {
      const m = new Map<string, number>();
      for (const d of ds) m.set(`${d.day}|${d.measure}`, (m.get(`${d.day}|${d.measure}`) ?? 0) + d.value);
      return new Map([...m].filter(([, v]) => v !== 0));
    };
    expect(sum([...contributions(before), ...change])).toEqual(sum(contributions(after)));
    expect(contributionChange(contributions(after), contributions(after))).toEqual([]);
  });
});

describe('group 1 from the publication decisions', () => {
  const calendar = new WorkingCalendar();
  const item = (code: string, effectiveFrom: string | null) => ({
    procedureCode: code,
    procedureName: code,
    unitCodes: ['U'],
    communeWide: false,
    legal: effectiveFrom ? { number: 'L', effectiveFrom } : null,
  });
  it('1.1 counts a procedure once, late if one of its decisions in the period was late; 1.2 adds what is due but not public', () => {
    const decisions = [
      // Legal basis effective Mon 16/11/2026: due 5 working days before, Mon 9/11. Issued 6/11: on time; published 10/11 (≤ 13/11): on time.
      { id: 'a', number: '1/QĐ', issuedOn: '2026-11-06', publishedOn: '2026-11-10', items: [item('P1', '2026-11-16'), item('P2', '2026-11-16')] },
      // Issued 12/11, after 9/11: late for P2; published 20/11 > 19/11: late.
      { id: 'b', number: '2/QĐ', issuedOn: '2026-11-12', publishedOn: '2026-11-20', items: [item('P2', '2026-11-16')] },
      // Issued 2/11, not public by 30/11 (deadline 9/11): due, not on time.
      { id: 'c', number: '3/QĐ', issuedOn: '2026-11-02', publishedOn: null, items: [item('P3', null)] },
      // Another unit's: not counted.
      { id: 'd', number: '4/QĐ', issuedOn: '2026-11-03', publishedOn: '2026-11-04', items: [{ ...item('P9', null), unitCodes: ['X'] }] },
    ];
    // Every procedure of a decision acknowledged public on CSDLQG on the decision's day.
    const acknowledged = decisions.map((d) => ({ ...d, items: d.items.map((i) => ({ ...i, publishedOn: d.publishedOn })) }));
    const counts = publicationCounts(calendar, acknowledged, (i) => i.unitCodes.includes('U'), { from: '2026-11-01', to: '2026-11-30' });
    expect(counts).toEqual({
      decisionProcedures: 3,
      decisionProceduresOnTime: 2,
      publicationDue: 3,
      publishedOnTime: 1,
      late: { decision: ['P2'], publication: ['P2', 'P3'] },
    });
  });

  it('1.2 reads each procedure’s own acknowledgement: one made public late makes only itself late', () => {
    const decision = {
      id: 'a',
      number: '1/QĐ',
      issuedOn: '2026-11-06',
      publishedOn: '2026-11-20',
      items: [
        { ...item('P1', null), publishedOn: '2026-11-10' },
        { ...item('P2', null), publishedOn: '2026-11-20' },
        { ...item('P3', null), publishedOn: null },
      ],
    };
    const counts = publicationCounts(calendar, [decision], () => true, { from: '2026-11-01', to: '2026-11-30' });
    expect(counts).toMatchObject({ publicationDue: 3, publishedOnTime: 1, late: { publication: ['P2', 'P3'] } });
  });
});

describe('ranking siblings fairly', () => {
  it('gives Wilson intervals that match the published formula', async () => {
    const { wilsonInterval } = await import('./ranking.js');
    // 8 of 10: 95 % interval 49.02 % – 94.33 % (Wilson 1927; Newcombe 1998 table).
    expect(wilsonInterval(8, 10)).toEqual({ low: 49.02, high: 94.33 });
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(10, 10)!.high).toBe(100);
  });

  it('ranks by total, ties share a rank, small samples are listed but not ranked', async () => {
    const { rankUnits } = await import('./ranking.js');
    const ranked = rankUnits(
      [
        { unitCode: 'A', total: 80, sample: 200, onTime: 180 },
        { unitCode: 'B', total: 90, sample: 300, onTime: 290 },
        { unitCode: 'C', total: 99, sample: 5, onTime: 5 },
        { unitCode: 'D', total: 80, sample: 100, onTime: 60 },
      ],
      30,
    );
    expect(ranked.map((r) => [r.unitCode, r.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 2],
      ['C', null],
    ]);
    expect(ranked[0]!.indistinctFromNext).toBe(false); // 96.67 ± vs 90 ±: intervals apart
  });
});

describe('reporting periods', () => {
  it('gives calendar periods, and with a cut-off on the 15th runs from the 15th to the 14th', async () => {
    const { reportPeriod } = await import('./period.js');
    expect(reportPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(reportPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(reportPeriod('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(reportPeriod('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(reportPeriod('2026-9M')).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(reportPeriod('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(reportPeriod('2026-11', 15)).toEqual({ from: '2026-10-15', to: '2026-11-14' });
    expect(reportPeriod('2026-01', 15)).toEqual({ from: '2025-12-15', to: '2026-01-14' });
    expect(reportPeriod('2026', 15)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(reportPeriod('2026-13')).toBeNull();
    expect(reportPeriod('2026-11', 31)).toBeNull();
  });
});
