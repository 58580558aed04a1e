/**
 * The one on-time judgement (REFERENCE §1.3 indicator 2.1, §2.5, §2.6): for a dossier's facts and an "as of"
 * instant, is it early, on time, late (with or without an apology), or still open and not yet due, or open and
 * overdue? The dossier page, the public status, the queues, the settlement report, the scorecard (2.1, 5.4),
 * the forecast, the drill-down and the export all ask this function, so they cannot disagree.
 *
 * Instants are local minutes (UTC+7). `asOf` is an exclusive boundary: the dossier is judged as it stood just
 * before it, so "now" is the minute after the current one (what happened this minute counts, as on the dossier
 * page), and a period's judgement uses `asOfPeriod(now, end)`, the earlier of that and the period's end.
 * - A dossier ended before `asOf` (result ready, rejected, stopped, withdrawn) is judged at its end:
 *   on time when it ended no later than its due date, early when on an earlier day; late otherwise.
 * - One still open at `asOf` is overdue when even an end at the last minute before `asOf` would be late. While
 *   it waits for the applicant's supplement the clock is stopped: it is judged at the request.
 * - More than one supplement request during processing makes it late whatever the dates (REFERENCE §2.6).
 * - An apology does not make a late dossier on time; it only sorts it into "late with apology" (§2.7).
 */
import type { DossierStatus } from './dossier.js';

export const VERDICTS = ['early', 'onTime', 'late', 'lateWithApology', 'notDue', 'overdue'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
  lateWithApology: 'Quá hạn có xin lỗi',
  notDue: 'Đang giải quyết, chưa đến hạn',
  overdue: 'Đang giải quyết, quá hạn',
} as const satisfies Record<Verdict, string>;

/** What the judgement reads of a dossier: its folded state (fold.ts) or its statistics facts carry these. */
export interface TimelinessFacts {
  status: DossierStatus;
  /** When the clock started; null for a dossier never accepted (it is not judged). */
  acceptedAt: number | null;
  /** NgayKetThucXuLy: result ready, rejected, stopped or withdrawn. */
  finishedAt: number | null;
  /** The legal due date, after clock stops (not an apology's new appointment). */
  dueAt: number | null;
  extensions: number;
  repeatedSupplement: boolean;
  /** Waiting for the applicant's supplement since. */
  pausedSince: number | null;
}

export interface Judgement {
  verdict: Verdict;
  /** Ended (before asOf). */
  ended: boolean;
  /** Ended by the applicant's withdrawal: the report counts it apart, indicator 2.1 like any end. */
  withdrawn: boolean;
  /** Late, or open and overdue. */
  late: boolean;
}

/**
 * The as-of instant of a period ending (exclusively) at `periodEnd`, read during the minute `now`: the earlier
 * of the end of that minute and the period's end. The dossier page judges at `now + 1` too, so a dossier ended
 * (or fallen due) this minute gets the same verdict on its page as in the scorecard and the drill-down.
 */
export const asOfPeriod = (now: number, periodEnd: number): number => Math.min(now + 1, periodEnd);

const dayOf = (local: number): number => Math.floor(local / 1440);

/** The judgement, or null for a dossier not accepted before `asOf` (no clock: not counted anywhere). */
export function judge(f: TimelinessFacts, asOf: number): Judgement | null {
  if (f.acceptedAt === null || f.acceptedAt >= asOf) return null;
  const due = f.dueAt;
  if (f.finishedAt !== null && f.finishedAt < asOf) {
    const late = f.repeatedSupplement || (due !== null && f.finishedAt > due);
    const verdict: Verdict = late ? (f.extensions > 0 ? 'lateWithApology' : 'late') : due !== null && dayOf(f.finishedAt) < dayOf(due) ? 'early' : 'onTime';
    return { verdict, ended: true, withdrawn: f.status === 'withdrawn', late };
  }
  return { verdict: openLate(f, asOf) ? 'overdue' : 'notDue', ended: false, withdrawn: false, late: openLate(f, asOf) };
}

/** Open at `asOf`: late if supplemented twice; if waiting for the applicant, judged at the request. */
function openLate(f: TimelinessFacts, asOf: number): boolean {
  if (f.repeatedSupplement) return true;
  if (f.dueAt === null) return false;
  const judgedAt = f.pausedSince !== null && f.finishedAt === null ? Math.min(asOf - 1, f.pausedSince) : asOf - 1;
  return judgedAt > f.dueAt;
}

/**
 * The first instant (exclusive boundary) at which an open dossier counts as overdue, or null if it never does
 * while its facts stay as they are (no due date, or waiting for a supplement requested before the due date).
 * For every `asOf` after acceptance and before its end: `judge(f, asOf).late === (overdueFrom(f) !== null &&
 * asOf >= overdueFrom(f))`. The statistics date their stocks with it (measures.ts).
 */
export function overdueFrom(f: TimelinessFacts): number | null {
  if (f.acceptedAt === null) return null;
  if (f.repeatedSupplement) return f.acceptedAt + 1;
  if (f.dueAt === null) return null;
  if (f.pausedSince !== null && f.finishedAt === null && f.pausedSince <= f.dueAt) return null;
  return Math.max(f.acceptedAt + 1, f.dueAt + 2);
}
