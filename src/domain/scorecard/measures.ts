/**
 * What one dossier adds to the statistics, as dated deltas of named measures, so that every figure of the
 * Decision 766 scorecard and of the settlement report, for any unit and any period of days, is a sum of
 * rolled-up deltas (REFERENCE §1.3, §2.9):
 * - a **flow** counts events in a period: received (accepted), settled, rated… A period's value is the sum
 *   of the deltas dated inside it;
 * - a **stock** counts dossiers in a condition at an instant (open, overdue): +1 on the day it enters the
 *   condition, −1 on the day it leaves. Its value at a day boundary B is the sum of all deltas dated
 *   before B. Future-dated deltas (the day an open dossier becomes overdue) make it move with time alone.
 *
 * Contributions are a pure function of a dossier's facts. The statistics follow each dossier by retracting
 * its previous contribution and adding the new one, so the figures always equal a rebuild from the
 * dossiers' current facts. Days are Julian day numbers in Vietnam time; instants are local minutes.
 */
import type { Channel } from '../catalogue/procedure.js';
import type { DossierStatus } from '../dossier/dossier.js';
import { judge, overdueFrom } from '../dossier/timeliness.js';

export const FLOW_MEASURES = [
  // Dated on the day of acceptance (the clock's start).
  'accepted',
  'acceptedOnline',
  'acceptedCounter',
  'acceptedPostal',
  'acceptedLocationIndependent',
  'fullOnlineEligible',
  'fullOnlineDone',
  'digitized',
  'reusedData',
  'nationalVault',
  // Indicator 1.4: the national portal acknowledged a record of the dossier with its reception date (issue 21).
  'syncedToPortal',
  'eidVerified',
  'feeDue',
  'feePaidOnline',
  // Indicator 2.2 (settlement-time.ts), also dated on acceptance: the dossiers finished with a result, and
  // the sums of their settlement times in working and in calendar minutes.
  'timedSettled',
  'timedWorkingMinutes',
  'timedMinutes',
  // Dated on the day processing ended (result ready, stopped, withdrawn).
  'settled',
  'settledEarly',
  'settledOnTime',
  'settledLateWithApology',
  'settledLateWithoutApology',
  'withdrawn',
  'endedOnTime21',
  'paperResultDue',
  'eResult',
  // The certified-copy indicator: approved dossiers of procedures that certify copies, and those given a signed e-copy.
  'certificationSettled',
  'certifiedECopy',
  // Dated on the day of the satisfaction rating.
  'rated',
  'ratedDissatisfied',
  // Indicator 5.4: rated dissatisfied or the subject of citizen feedback (issue 22), once per dossier, dated on the
  // earlier of the two.
  'dissatisfiedOrFeedback',
] as const;

export const STOCK_MEASURES = [
  /** Accepted and not ended. */
  'open',
  /** Open, and late at the boundary by the one judgement (domain/dossier/timeliness.ts). */
  'overdue',
  /** Indicator 2.1's name for the same stock (formula versions are data and name it): equal to `overdue`. */
  'openLate21',
] as const;

export const MEASURES = [...FLOW_MEASURES, ...STOCK_MEASURES] as const;
export type Measure = (typeof MEASURES)[number];
export type StockMeasure = (typeof STOCK_MEASURES)[number];
const STOCKS: ReadonlySet<Measure> = new Set(STOCK_MEASURES);
export const isStock = (m: Measure): m is StockMeasure => STOCKS.has(m);

/** What the statistics need to know of a dossier (from its folded state, its files, rating and procedure). */
export interface StatFacts {
  /** The competent unit: a dossier counts for it and every unit above it. */
  unitCode: string;
  procedureCode: string;
  channel: Channel;
  locationIndependent: boolean;
  status: DossierStatus;
  acceptedAt: number | null;
  /** NgayKetThucXuLy: result ready, stopped or withdrawn. */
  finishedAt: number | null;
  dueAt: number | null;
  extensions: number;
  repeatedSupplement: boolean;
  /** Waiting for the applicant's supplement since. */
  pausedSince: number | null;
  approved: boolean;
  resultFile: boolean;
  /** A fee was requested (the dossier carries fee data other than 0). */
  feeDue: boolean;
  /** …and the applicant paid it online. */
  feePaidOnline: boolean;
  /** Component files were attached (digitized at the counter, by post or uploaded online). */
  componentFiles: boolean;
  /** At least one component was taken from a data vault (issue 20). */
  reusedData: boolean;
  /** At least one component was taken from the national portal's personal data vault (indicator 4.4). */
  nationalVault: boolean;
  /** The national portal acknowledged a record of it carrying its reception date (indicator 1.4, issue 21). */
  syncedToPortal: boolean;
  /** Used data of the population database: a VNeID-verified submitter, a registry lookup that found the applicant, or the national vault. */
  eidVerified: boolean;
  /** Flags of the procedure version the dossier was received under. */
  fullOnlineEligible: boolean;
  paperResultRequired: boolean;
  rating: { at: number; dissatisfied: boolean } | null;
  /** When the first citizen feedback linked to the dossier was received (indicator 5.4). */
  firstFeedbackAt: number | null;
  /** Finished with a result: its settlement time (settlement-time.ts); null otherwise. */
  settlementTime: { workingMinutes: number; minutes: number } | null;
  /**
   * The time unit of the procedure version the dossier was received under (its header's time limit, e.g.
   * `working_days`): indicator 2.2 averages each procedure's times per unit, in that version's unit. Null for
   * a dossier whose header has none.
   */
  timeUnit: string | null;
  /** The procedure certifies copies from originals (its field is one of the certification fields). */
  certificationService: boolean;
  /** The dossier holds a certified electronic copy signed with the unit's certificate (issue 19). */
  certifiedCopy: boolean;
}

export interface Delta {
  /** Julian day number (Vietnam time). */
  day: number;
  measure: Measure;
  value: number;
  /**
   * Kept apart within the procedure: the procedure rollups key it as `procedure|key` (indicator 2.2's times,
   * per time limit of the version the dossier was received under). The unit rollups ignore it.
   */
  key?: string;
}

/** The procedure rollups' key of a delta of a dossier of `procedureCode`. */
export const procedureKeyOf = (procedureCode: string, d: Pick<Delta, 'key'>): string => (d.key === undefined ? procedureCode : `${procedureCode}|${d.key}`);

export const dayOf = (local: number): number => Math.floor(local / 1440);

/**
 * The day of the delta for a condition that holds from the instant boundary `from` on: a delta dated on day d
 * counts at every day boundary after d, so the first boundary B (minute B × 1440) with B × 1440 ≥ from needs
 * d = B − 1.
 */
export const stockDayFrom = (from: number): number => dayOf(from - 1);

/** A stock that holds from day `from` until the dossier ends on day `until` (null: still open). */
function stock(out: Delta[], measure: StockMeasure, from: number, until: number | null): void {
  if (until !== null && until <= from) return;
  out.push({ day: from, measure, value: 1 });
  if (until !== null) out.push({ day: until, measure, value: -1 });
}

/** Every dated delta one dossier contributes; empty for a dossier never accepted. */
export function contributions(f: StatFacts): Delta[] {
  if (f.acceptedAt === null) return [];
  const out: Delta[] = [];
  const a = dayOf(f.acceptedAt);
  const flow = (measure: Measure, day: number, when = true) => {
    if (when) out.push({ day, measure, value: 1 });
  };
  flow('accepted', a);
  flow(f.channel === 'online' ? 'acceptedOnline' : f.channel === 'postal' ? 'acceptedPostal' : 'acceptedCounter', a);
  flow('acceptedLocationIndependent', a, f.locationIndependent);
  const resultOk = !f.paperResultRequired || f.resultFile;
  flow('fullOnlineEligible', a, f.fullOnlineEligible);
  flow('fullOnlineDone', a, f.fullOnlineEligible && f.channel === 'online' && resultOk);
  flow('digitized', a, f.componentFiles && resultOk);
  flow('reusedData', a, f.reusedData);
  flow('nationalVault', a, f.nationalVault);
  flow('syncedToPortal', a, f.syncedToPortal);
  flow('eidVerified', a, f.eidVerified);
  flow('feeDue', a, f.feeDue);
  flow('feePaidOnline', a, f.feeDue && f.feePaidOnline);
  if (f.settlementTime) {
    // Per time unit of the version it was received under (a procedure's later version may count in other units).
    const key = f.timeUnit ?? undefined;
    out.push({ day: a, measure: 'timedSettled', value: 1, ...(key === undefined ? {} : { key }) });
    // A dossier settled within its first minute adds 0: no delta.
    if (f.settlementTime.workingMinutes > 0)
      out.push({ day: a, measure: 'timedWorkingMinutes', value: f.settlementTime.workingMinutes, ...(key === undefined ? {} : { key }) });
    if (f.settlementTime.minutes > 0) out.push({ day: a, measure: 'timedMinutes', value: f.settlementTime.minutes, ...(key === undefined ? {} : { key }) });
  }

  const end = f.finishedAt === null ? null : dayOf(f.finishedAt);
  if (end !== null) {
    // Judged just after its end: the same verdict as the dossier page and the drill-down give it.
    const j = judge(f, Math.max(f.finishedAt!, f.acceptedAt) + 1)!;
    if (j.withdrawn) flow('withdrawn', end);
    else {
      flow('settled', end);
      flow(
        j.verdict === 'early'
          ? 'settledEarly'
          : j.verdict === 'onTime'
            ? 'settledOnTime'
            : j.verdict === 'lateWithApology'
              ? 'settledLateWithApology'
              : 'settledLateWithoutApology',
        end,
      );
    }
    flow('endedOnTime21', end, !j.late);
    flow('paperResultDue', end, f.approved && f.paperResultRequired);
    flow('eResult', end, f.approved && f.paperResultRequired && f.resultFile);
    flow('certificationSettled', end, f.approved && f.certificationService);
    flow('certifiedECopy', end, f.approved && f.certificationService && f.certifiedCopy);
  }
  if (f.rating) {
    flow('rated', dayOf(f.rating.at));
    flow('ratedDissatisfied', dayOf(f.rating.at), f.rating.dissatisfied);
  }
  const unhappy = [f.rating?.dissatisfied ? f.rating.at : null, f.firstFeedbackAt].filter((t) => t !== null);
  if (unhappy.length > 0) flow('dissatisfiedOrFeedback', dayOf(Math.min(...unhappy)));

  stock(out, 'open', a, end);
  // Open and late at a boundary, by the one judgement: report (overdue) and indicator 2.1 (openLate21) alike.
  const lateFrom = overdueFrom(f);
  if (lateFrom !== null) {
    stock(out, 'overdue', Math.max(a, stockDayFrom(lateFrom)), end);
    stock(out, 'openLate21', Math.max(a, stockDayFrom(lateFrom)), end);
  }
  return out;
}

/** The deltas that turn contribution `before` into `after`, summed per (day, measure), zeros dropped. */
export function contributionChange(before: readonly Delta[], after: readonly Delta[]): Delta[] {
  const sums = new Map<string, Delta>();
  const add = (d: Delta, sign: number) => {
    const key = `${d.day}|${d.measure}|${d.key ?? ''}`;
    const cur = sums.get(key);
    if (cur) cur.value += sign * d.value;
    else sums.set(key, { day: d.day, measure: d.measure, value: sign * d.value, ...(d.key === undefined ? {} : { key: d.key }) });
  };
  for (const d of before) add(d, -1);
  for (const d of after) add(d, 1);
  return [...sums.values()].filter((d) => d.value !== 0);
}

/**
 * Measure values of one unit over a period of days [fromDay, toDay) read from rolled-up deltas: a flow over
 * the period, a stock at the period's start or end boundary.
 */
export interface MeasureReader {
  flow(m: Measure): number;
  atStart(m: Measure): number;
  atEnd(m: Measure): number;
}

/** A reader over deltas held in memory (tests, and a check of the SQL one). */
export function readDeltas(deltas: Iterable<Delta>, fromDay: number, toDay: number): MeasureReader {
  const atFrom = new Map<Measure, number>();
  const atTo = new Map<Measure, number>();
  for (const d of deltas) {
    if (d.day < fromDay) atFrom.set(d.measure, (atFrom.get(d.measure) ?? 0) + d.value);
    if (d.day < toDay) atTo.set(d.measure, (atTo.get(d.measure) ?? 0) + d.value);
  }
  const get = (m: Map<Measure, number>, k: Measure) => m.get(k) ?? 0;
  return {
    flow: (m) => get(atTo, m) - get(atFrom, m),
    atStart: (m) => get(atFrom, m),
    atEnd: (m) => get(atTo, m),
  };
}
