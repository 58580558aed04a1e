/**
 * Group 1 of the scorecard from the publication decisions (REFERENCE §1.3, indicators 1.1 and 1.2), for the
 * procedures of a unit's subtree and a period of dates (yyyy-MM-dd, inclusive):
 * - 1.1: procedures whose decision was issued in the period; on time when issued no later than the legal
 *   basis's effective date − `decisionLeadWorkingDays` working days. A procedure counts once, late if any of
 *   its decisions in the period was late;
 * - 1.2: procedures made public on the national procedure database (CSDLQG) in the period, plus those still not
 *   public whose deadline (the decision's date + `publishWithinWorkingDays` working days) has passed by the period's
 *   end; on time when made public by the deadline. "Made public" is each procedure's own date, the portal's
 *   acknowledgement of CongKhaiTTHC (NgayCongKhai), never the day someone published the decision in motcua.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_WATCHDOG_RULES, shiftWorkingDays, type WatchdogRules, type WatchedDecision } from '../catalogue/watchdog.js';

export interface PublicationCounts {
  decisionProcedures: number;
  decisionProceduresOnTime: number;
  publicationDue: number;
  publishedOnTime: number;
  /** The procedures that cost points: decision issued late (1.1), not made public on time (1.2). */
  late: { decision: string[]; publication: string[] };
}

export function publicationCounts(
  calendar: WorkingCalendar,
  decisions: readonly WatchedDecision[],
  inScope: (item: WatchedDecision['items'][number]) => boolean,
  period: { from: string; to: string },
  rules: WatchdogRules = DEFAULT_WATCHDOG_RULES,
): PublicationCounts {
  const issued = new Map<string, boolean>();
  const published = new Map<string, boolean>();
  const mark = (map: Map<string, boolean>, code: string, onTime: boolean) => map.set(code, (map.get(code) ?? true) && onTime);
  for (const d of decisions) {
    const items = d.items.filter(inScope);
    if (items.length === 0) continue;
    if (d.issuedOn >= period.from && d.issuedOn <= period.to) {
      for (const item of items) {
        const late = item.legal !== null && d.issuedOn > shiftWorkingDays(calendar, item.legal.effectiveFrom, -rules.decisionLeadWorkingDays);
        mark(issued, item.procedureCode, !late);
      }
    }
    const deadline = shiftWorkingDays(calendar, d.issuedOn, rules.publishWithinWorkingDays);
    for (const item of items) {
      const on = item.publishedOn;
      const publishedInPeriod = on !== null && on >= period.from && on <= period.to;
      const stillDue = (on === null || on > period.to) && deadline <= period.to && d.issuedOn <= period.to;
      if (publishedInPeriod || stillDue) mark(published, item.procedureCode, publishedInPeriod && on <= deadline);
    }
  }
  const onTime = (map: Map<string, boolean>) => [...map.values()].filter(Boolean).length;
  const lateOnes = (map: Map<string, boolean>) => [...map].filter(([, ok]) => !ok).map(([code]) => code);
  return {
    decisionProcedures: issued.size,
    decisionProceduresOnTime: onTime(issued),
    publicationDue: published.size,
    publishedOnTime: onTime(published),
    late: { decision: lateOnes(issued), publication: lateOnes(published) },
  };
}
