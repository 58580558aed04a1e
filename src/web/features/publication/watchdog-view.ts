/**
 * The watchdog report as the provincial office reads it: Vietnamese status labels, the most urgent
 * finding first, a filter by implementing unit, and the counts of the summary line.
 */
import type { LateDecision, MissingDecision, PublicationDelay, WatchStatus } from '../../../domain/catalogue/watchdog.js';

/** Filter values: every unit, the commune procedures (no unit codes), or one unit code. */
export const ALL_UNITS = '';
export const COMMUNE_UNITS = 'cap-xa';
export const COMMUNE_LABEL = 'Cấp xã';

export type Tone = 'danger' | 'warning' | 'past';

export const DELAY_STATUS: Record<WatchStatus, { label: string; tone: Tone }> = {
  overdue: { label: 'Quá hạn công khai', tone: 'danger' },
  atRisk: { label: 'Sắp đến hạn công khai', tone: 'warning' },
  late: { label: 'Công khai muộn', tone: 'past' },
};

export const MISSING_DECISION_STATUS: Record<MissingDecision['status'], { label: string; tone: Tone }> = {
  overdue: { label: 'Quá hạn ban hành quyết định', tone: 'danger' },
  atRisk: { label: 'Sắp đến hạn ban hành', tone: 'warning' },
};

/** The status of a legal document without a decision: one already in force says so. */
export function missingDecisionStatus(d: Pick<MissingDecision, 'status' | 'inForce'>): { label: string; tone: Tone } {
  return d.inForce ? { label: 'Đã có hiệu lực, chưa có quyết định công bố', tone: 'danger' } : MISSING_DECISION_STATUS[d.status];
}

export const LATE_DECISION_STATUS = { label: 'Ban hành muộn', tone: 'past' as Tone };

/** "chậm 6 ngày làm việc"; nothing for a finding that is not (yet) late. */
export function lateness(workingDaysLate: number): string | null {
  return workingDaysLate > 0 ? `chậm ${workingDaysLate} ngày làm việc` : null;
}

const RANK: Record<WatchStatus, number> = { overdue: 0, atRisk: 1, late: 2 };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Still open and past the deadline first (the longest overdue first), then those whose deadline is close
 * (the nearest first), then those already done late (the most recent first).
 */
export function byUrgency(a: PublicationDelay, b: PublicationDelay): number {
  if (a.status !== b.status) return RANK[a.status] - RANK[b.status];
  if (a.status === 'overdue' && a.workingDaysLate !== b.workingDaysLate) return b.workingDaysLate - a.workingDaysLate;
  if (a.status === 'atRisk') return compare(a.deadline, b.deadline);
  return compare(b.deadline, a.deadline);
}

/** Late decisions are history: the latest first, then the longest delay. */
export function lateDecisionOrder(a: LateDecision, b: LateDecision): number {
  return compare(b.deadline, a.deadline) || b.workingDaysLate - a.workingDaysLate;
}

/** Documents whose decision deadline has passed first (the longest overdue first), then the nearest deadline. */
export function missingDecisionOrder(a: MissingDecision, b: MissingDecision): number {
  if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
  if (a.status === 'overdue' && a.workingDaysLate !== b.workingDaysLate) return b.workingDaysLate - a.workingDaysLate;
  return compare(a.deadline, b.deadline);
}

/** Whether a finding concerns the unit chosen in the filter; commune-wide procedures are "Cấp xã". */
export function concernsUnit(unitCodes: readonly string[], filter: string, communeWide = unitCodes.length === 0): boolean {
  if (filter === ALL_UNITS) return true;
  if (filter === COMMUNE_UNITS) return communeWide;
  return unitCodes.includes(filter);
}

/** The implementing units by name, and "Cấp xã" for procedures every commune implements. */
export function unitNames(unitCodes: readonly string[], nameOf: (code: string) => string | null, communeWide = unitCodes.length === 0): string[] {
  return [...unitCodes.map((code) => nameOf(code) ?? code), ...(communeWide ? [COMMUNE_LABEL] : [])];
}

export interface UnitOption {
  value: string;
  label: string;
}

interface Findings {
  lateDecisions: readonly LateDecision[];
  publicationDelays: readonly PublicationDelay[];
}

/** The filter's options: every unit named in a finding (by name, with its count), then "Cấp xã". */
export function unitFilterOptions(report: Findings, nameOf: (code: string) => string | null): UnitOption[] {
  const findings = [...report.lateDecisions, ...report.publicationDelays];
  const counts = new Map<string, number>();
  let commune = 0;
  for (const f of findings) {
    if (f.communeWide || f.unitCodes.length === 0) commune++;
    for (const code of new Set(f.unitCodes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const units = [...counts]
    .map(([code, count]) => ({ value: code, name: nameOf(code) ?? code, count }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({ value: u.value, label: `${u.name} (${u.count})` }));
  return [
    { value: ALL_UNITS, label: `Tất cả đơn vị (${findings.length})` },
    ...units,
    ...(commune > 0 ? [{ value: COMMUNE_UNITS, label: `${COMMUNE_LABEL} (${commune})` }] : []),
  ];
}

export interface WatchdogView {
  lateDecisions: LateDecision[];
  publicationDelays: PublicationDelay[];
  missingDecisions: MissingDecision[];
}

/** The report filtered by unit and sorted by urgency. Legal documents are not tied to units: never filtered. */
export function watchdogView(report: Findings & { missingDecisions: readonly MissingDecision[] }, unitFilter: string): WatchdogView {
  return {
    lateDecisions: report.lateDecisions.filter((d) => concernsUnit(d.unitCodes, unitFilter, d.communeWide)).sort(lateDecisionOrder),
    publicationDelays: report.publicationDelays.filter((d) => concernsUnit(d.unitCodes, unitFilter, d.communeWide)).sort(byUrgency),
    missingDecisions: [...report.missingDecisions].sort(missingDecisionOrder),
  };
}

export interface SummaryPart {
  count: number;
  label: string;
  tone: Tone;
}

/** The counts of the summary line, the most urgent first; zero counts are left out. */
export function summaryParts(view: WatchdogView): SummaryPart[] {
  const delays = (status: WatchStatus) => view.publicationDelays.filter((d) => d.status === status).length;
  const missing = (status: MissingDecision['status'], inForce: boolean) =>
    view.missingDecisions.filter((d) => d.status === status && d.inForce === inForce).length;
  const parts: SummaryPart[] = [
    { count: delays('overdue'), label: 'quyết định quá hạn công khai', tone: 'danger' },
    { count: missing('overdue', true), label: 'văn bản đã có hiệu lực chưa có quyết định công bố', tone: 'danger' },
    { count: missing('overdue', false), label: 'văn bản quá hạn ban hành quyết định công bố', tone: 'danger' },
    { count: delays('atRisk'), label: 'quyết định sắp đến hạn công khai', tone: 'warning' },
    { count: missing('atRisk', false), label: 'văn bản sắp có hiệu lực chưa có quyết định công bố', tone: 'warning' },
    { count: view.lateDecisions.length, label: 'quyết định ban hành muộn', tone: 'past' },
    { count: delays('late'), label: 'quyết định công khai muộn', tone: 'past' },
  ];
  return parts.filter((p) => p.count > 0);
}

export function summaryText(parts: readonly SummaryPart[]): string {
  if (parts.length === 0) return 'Không có quyết định hay văn bản nào cần theo dõi.';
  return parts.map((p) => `${p.count} ${p.label}`).join('; ') + '.';
}
