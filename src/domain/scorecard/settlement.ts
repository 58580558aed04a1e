/**
 * Where a dossier stands in a reporting period — the settlement report's columns (REFERENCE §2.9) and the
 * Decision 766 indicator 2.1 (REFERENCE §1.3) — from its folded state. Pure: instants are local minutes.
 */
import type { DossierState } from '../dossier/fold.js';

export interface Period {
  /** First instant of the period (local minutes, inclusive). */
  from: number;
  /** First instant after the period (exclusive). */
  to: number;
}

export interface DossierFacts {
  channel: 'counter' | 'online' | 'postal';
  locationIndependent: boolean;
  /** Submitted (received) at, local minutes. */
  submittedAt: number;
  state: DossierState;
}

export const SETTLEMENT_COUNTS = [
  'carriedOver',
  'received',
  'receivedOnline',
  'receivedCounter',
  'receivedPostal',
  'receivedLocationIndependent',
  'settled',
  'settledEarly',
  'settledOnTime',
  'settledLateWithApology',
  'settledLateWithoutApology',
  'inProgress',
  'inProgressNotDue',
  'inProgressOverdue',
  'withdrawn',
  'carriedForward',
] as const;
export type SettlementCount = (typeof SETTLEMENT_COUNTS)[number];
export type SettlementRow = Record<SettlementCount, number>;

export function emptyRow(): SettlementRow {
  return Object.fromEntries(SETTLEMENT_COUNTS.map((k) => [k, 0])) as SettlementRow;
}

const JD = (local: number) => Math.floor(local / 1440);

/**
 * The columns a dossier adds to a period's row. Only accepted dossiers are counted (refusals at reception
 * never entered the clock). "Settled" is the end of processing (result ready, stopped); a withdrawal is
 * counted apart. Early: ended on an earlier day than the due date; on time: not after the due instant.
 */
export function settlementContribution(d: DossierFacts, period: Period): Partial<SettlementRow> {
  const s = d.state;
  if (s.acceptedAt === null || s.acceptedAt >= period.to) return {};
  const out: Partial<SettlementRow> = {};
  const add = (k: SettlementCount) => (out[k] = (out[k] ?? 0) + 1);
  const endedBefore = (t: number) => s.finishedAt !== null && s.finishedAt < t;
  if (s.acceptedAt < period.from) {
    if (endedBefore(period.from)) return {};
    add('carriedOver');
  } else {
    add('received');
    add(d.channel === 'online' ? 'receivedOnline' : d.channel === 'postal' ? 'receivedPostal' : 'receivedCounter');
    if (d.locationIndependent) add('receivedLocationIndependent');
  }
  const endedInPeriod = s.finishedAt !== null && s.finishedAt >= period.from && s.finishedAt < period.to;
  if (endedInPeriod && s.status === 'withdrawn') {
    add('withdrawn');
    return out;
  }
  if (endedInPeriod) {
    add('settled');
    const due = s.dueAt;
    if (due === null || s.finishedAt! <= due) add(due !== null && JD(s.finishedAt!) < JD(due) ? 'settledEarly' : 'settledOnTime');
    else add(s.extensions > 0 ? 'settledLateWithApology' : 'settledLateWithoutApology');
    return out;
  }
  add('inProgress');
  add('carriedForward');
  const last = period.to - 1;
  add(s.dueAt !== null && last > s.dueAt ? 'inProgressOverdue' : 'inProgressNotDue');
  return out;
}

/** (early + on time) ÷ settled as a percentage with 2 decimals, null when nothing was settled. */
export function onTimeRate(row: SettlementRow): number | null {
  if (row.settled === 0) return null;
  return Math.round(((row.settledEarly + row.settledOnTime) / row.settled) * 10000) / 100;
}

/**
 * Indicator 2.1: does the dossier count in the period, and is it on time? The end of processing is the
 * first terminal state (result ready, then stopped/withdrawn) or, when still open, the end of the period —
 * or the supplement request while the applicant has not answered. Paused time is already subtracted in
 * the stored due date (the due date moved by it). More than one supplement request counts as late.
 */
export function indicator21(d: DossierFacts, period: Period): { counted: boolean; onTime: boolean } {
  const s = d.state;
  if (s.acceptedAt === null || s.acceptedAt >= period.to) return { counted: false, onTime: false };
  if (s.finishedAt !== null && s.finishedAt < period.from) return { counted: false, onTime: false };
  if (s.repeatedSupplement) return { counted: true, onTime: false };
  const end = s.finishedAt !== null && s.finishedAt < period.to ? s.finishedAt : s.pausedSince !== null ? s.pausedSince : period.to - 1;
  if (s.dueAt === null) return { counted: true, onTime: true };
  return { counted: true, onTime: end <= s.dueAt };
}
