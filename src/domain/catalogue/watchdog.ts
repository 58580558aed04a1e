/**
 * Publication watchdog (scorecard indicators 1.1–1.3): a province must issue its publication decision at
 * least 5 working days before the legal basis takes effect, and make the procedures public on the national
 * procedure database within 5 working days after the decision (the portal's acknowledgement says when).
 * Both leads are configurable (REFERENCE §4 tags them [S]).
 * A legal document that no decision names and no procedure of the catalogue cites is a publication still
 * owed: close to its deadline it is at risk, past it overdue, and it stays overdue after it takes effect
 * (a decree in force with no decision is the latest publication of all, not one to forget).
 * Dates are yyyy-MM-dd in Vietnam; "working days" follow the province's calendar.
 */
import { isoFromJdn, jdnFromIso } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

export interface WatchdogRules {
  /** A decision is due this many working days before its legal basis takes effect. */
  decisionLeadWorkingDays: number;
  /** Procedures must be public within this many working days after the decision. */
  publishWithinWorkingDays: number;
  /** Warn this many working days before a deadline. */
  warnWorkingDays: number;
}

export const DEFAULT_WATCHDOG_RULES: WatchdogRules = { decisionLeadWorkingDays: 5, publishWithinWorkingDays: 5, warnWorkingDays: 5 };

/** The date `n` working days after `date` (before it when n < 0); n = 0 gives the date itself. */
export function shiftWorkingDays(calendar: WorkingCalendar, date: string, n: number): string {
  let jd = jdnFromIso(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    jd += step;
    if (calendar.isWorkingDay(jd)) left--;
  }
  return isoFromJdn(jd);
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const a = jdnFromIso(from);
  const b = jdnFromIso(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let jd = lo + 1; jd <= hi; jd++) if (calendar.isWorkingDay(jd)) count++;
  return sign * count;
}

export interface WatchedDecision {
  id: string;
  number: string;
  issuedOn: string;
  /**
   * The day the last of its procedures was made public on the national procedure database (CSDLQG), as the portal
   * acknowledged it (CongKhaiTTHC); null while a draft, and while any of its procedures is not public there yet.
   */
  publishedOn: string | null;
  items: {
    procedureCode: string;
    /** The day the portal acknowledged this procedure public on CSDLQG (its NgayCongKhai); null until then. */
    publishedOn: string | null;
    procedureName: string;
    unitCodes: string[];
    /** A commune procedure implemented by every commune (it names no unit). */
    communeWide: boolean;
    legal: { number: string; effectiveFrom: string } | null;
  }[];
}

export interface WatchedLegalDocument {
  number: string;
  title: string;
  effectiveFrom: string;
  /** Whether a publication decision (draft or published) refers to it. */
  hasDecision: boolean;
  /**
   * Whether a procedure of the catalogue cites it among its legal bases: its procedures were published,
   * by a decision that did not name it or before decisions were kept here (an old law the catalogue rests on).
   */
  citedByCatalogue: boolean;
}

/**
 * Whether one of the legal bases a catalogue cites is this legal document: the same number, or a basis
 * written with its name before the number ("Luật Hộ tịch số 60/2014/QH13" cites 60/2014/QH13).
 */
export function citesLegalDocument(basisNumbers: readonly string[], documentNumber: string): boolean {
  const number = documentNumber.trim();
  return basisNumbers.some((b) => {
    const basis = b.trim();
    return basis === number || basis.endsWith(` ${number}`);
  });
}

export type WatchStatus = 'late' | 'overdue' | 'atRisk';

export interface LateDecision {
  decisionId: string;
  decisionNumber: string;
  issuedOn: string;
  legalNumber: string;
  effectiveFrom: string;
  /** The last day the decision should have been issued. */
  deadline: string;
  workingDaysLate: number;
  procedureCodes: string[];
  unitCodes: string[];
  /** Some of the procedures are implemented by every commune ("Cấp xã"). */
  communeWide: boolean;
}

export interface PublicationDelay {
  decisionId: string;
  decisionNumber: string;
  issuedOn: string;
  publishedOn: string | null;
  deadline: string;
  /** late: published after the deadline; overdue: not yet public, deadline passed; atRisk: deadline close. */
  status: WatchStatus;
  workingDaysLate: number;
  procedureCodes: string[];
  unitCodes: string[];
  communeWide: boolean;
}

/** A legal document whose procedures no decision has published yet. */
export interface MissingDecision {
  number: string;
  title: string;
  effectiveFrom: string;
  /** The last day to issue the decision. */
  deadline: string;
  /** overdue: the deadline has passed (whether or not the document is in force yet); atRisk: it is close. */
  status: 'overdue' | 'atRisk';
  /** The document is already in force (effectiveFrom ≤ today) with no decision. */
  inForce: boolean;
  /** Working days from the deadline to today; 0 when not overdue. */
  workingDaysLate: number;
}

export interface WatchReport {
  lateDecisions: LateDecision[];
  publicationDelays: PublicationDelay[];
  missingDecisions: MissingDecision[];
}

export function watchPublication(
  calendar: WorkingCalendar,
  today: string,
  decisions: readonly WatchedDecision[],
  legalDocuments: readonly WatchedLegalDocument[],
  rules: WatchdogRules = DEFAULT_WATCHDOG_RULES,
): WatchReport {
  const lateDecisions: LateDecision[] = [];
  const publicationDelays: PublicationDelay[] = [];
  for (const d of decisions) {
    const unitCodes = [...new Set(d.items.flatMap((i) => i.unitCodes))];
    const communeWide = d.items.some((i) => i.communeWide);
    // One finding per legal basis: the earliest-effective basis sets the deadline.
    const byLegal = new Map<string, { effectiveFrom: string; codes: string[] }>();
    for (const item of d.items) {
      if (!item.legal) continue;
      const entry = byLegal.get(item.legal.number) ?? { effectiveFrom: item.legal.effectiveFrom, codes: [] };
      entry.codes.push(item.procedureCode);
      byLegal.set(item.legal.number, entry);
    }
    for (const [legalNumber, { effectiveFrom, codes }] of byLegal) {
      const deadline = shiftWorkingDays(calendar, effectiveFrom, -rules.decisionLeadWorkingDays);
      if (d.issuedOn > deadline) {
        lateDecisions.push({
          decisionId: d.id,
          decisionNumber: d.number,
          issuedOn: d.issuedOn,
          legalNumber,
          effectiveFrom,
          deadline,
          workingDaysLate: workingDaysBetween(calendar, deadline, d.issuedOn),
          procedureCodes: codes,
          unitCodes,
          communeWide,
        });
      }
    }
    const deadline = shiftWorkingDays(calendar, d.issuedOn, rules.publishWithinWorkingDays);
    const base = {
      decisionId: d.id,
      decisionNumber: d.number,
      issuedOn: d.issuedOn,
      publishedOn: d.publishedOn,
      deadline,
      procedureCodes: d.items.map((i) => i.procedureCode),
      unitCodes,
      communeWide,
    };
    if (d.publishedOn !== null) {
      if (d.publishedOn > deadline) publicationDelays.push({ ...base, status: 'late', workingDaysLate: workingDaysBetween(calendar, deadline, d.publishedOn) });
    } else if (today > deadline) {
      publicationDelays.push({ ...base, status: 'overdue', workingDaysLate: workingDaysBetween(calendar, deadline, today) });
    } else if (workingDaysBetween(calendar, today, deadline) <= rules.warnWorkingDays) {
      publicationDelays.push({ ...base, status: 'atRisk', workingDaysLate: 0 });
    }
  }
  const missingDecisions: MissingDecision[] = [];
  for (const doc of legalDocuments) {
    if (doc.hasDecision || doc.citedByCatalogue) continue;
    const deadline = shiftWorkingDays(calendar, doc.effectiveFrom, -rules.decisionLeadWorkingDays);
    const base = { number: doc.number, title: doc.title, effectiveFrom: doc.effectiveFrom, deadline, inForce: doc.effectiveFrom <= today };
    if (today > deadline) missingDecisions.push({ ...base, status: 'overdue', workingDaysLate: workingDaysBetween(calendar, deadline, today) });
    else if (workingDaysBetween(calendar, today, deadline) <= rules.warnWorkingDays) missingDecisions.push({ ...base, status: 'atRisk', workingDaysLate: 0 });
  }
  const byDate = <T extends { deadline: string }>(a: T, b: T) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0);
  return { lateDecisions: lateDecisions.sort(byDate), publicationDelays: publicationDelays.sort(byDate), missingDecisions: missingDecisions.sort(byDate) };
}
