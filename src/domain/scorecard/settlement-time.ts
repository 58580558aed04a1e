/**
 * Indicator 2.2, the average settlement time per procedure (REFERENCE §1.3): the total settlement time of
 * the dossiers finished with a result (national states 9 and 10) whose processing started in the period,
 * divided by their count, in the procedure's time unit. It is shown per procedure and carries no points.
 *
 * A dossier's settlement time runs from acceptance to the result (NgayKetThucXuLy), less the time the
 * clock stood still waiting for the applicant's supplement. It is kept two ways, so that any procedure's
 * unit can be shown: in working minutes (office hours of working days: for working days and hours) and in
 * calendar minutes (for calendar days and months).
 */
import { workingMinutesBetween } from '../calendar/clock.js';
import type { DurationUnit } from '../calendar/working-time.js';
import type { ProcedureMethod } from '../catalogue/procedure.js';
import type { ClockRules } from '../dossier/decide.js';
import type { DossierState } from '../dossier/fold.js';

/** How the pages name and explain it (it is not in the point formula). */
export const SETTLEMENT_TIME_INDICATOR = {
  id: '2.2',
  name: 'Thời gian giải quyết trung bình theo thủ tục',
  definition:
    'Tổng thời gian giải quyết của các hồ sơ đã có kết quả (đã xử lý xong, kể cả kết quả từ chối giải quyết, hoặc đã trả kết quả) được tiếp nhận trong kỳ, chia cho số hồ sơ đó, tính riêng cho từng thủ tục theo đơn vị tính thời hạn của thủ tục: ngày làm việc, giờ làm việc, ngày hoặc tháng (một tháng tính là 30 ngày). Thời gian tính từ lúc tiếp nhận đến lúc có kết quả, trừ thời gian chờ người nộp hồ sơ bổ sung; ngày làm việc và giờ làm việc chỉ tính trong giờ hành chính của ngày làm việc. Chỉ số chỉ dùng để theo dõi, không tính điểm.',
} as const;

export interface SettlementTime {
  workingMinutes: number;
  minutes: number;
}

/** The settlement time of a dossier finished with a result; null for any other (open, withdrawn, stopped…). */
export function settlementTime(state: DossierState, rules: Pick<ClockRules, 'calendar' | 'hours'>): SettlementTime | null {
  if (state.status !== 'resultReady' && state.status !== 'returned') return null;
  const { acceptedAt, finishedAt } = state;
  if (acceptedAt === null || finishedAt === null || finishedAt < acceptedAt) return null;
  return {
    workingMinutes: Math.max(0, workingMinutesBetween(rules.calendar, rules.hours, acceptedAt, finishedAt) - state.pausedMinutes),
    minutes: Math.max(0, finishedAt - acceptedAt - (state.pausedCalendarMinutes ?? 0)),
  };
}

/** Sums over a procedure's timed dossiers. */
export interface SettlementTimeSums {
  count: number;
  workingMinutes: number;
  minutes: number;
}

/** Calendar months are counted as 30 days. */
const MINUTES_PER_MONTH = 30 * 1440;

/**
 * The average in `unit`, rounded to 2 decimals; null without a timed dossier. A working day is
 * `minutesPerWorkingDay` of office hours (480 with the default 8 hours).
 */
export function averageSettlementTime(sums: SettlementTimeSums, unit: DurationUnit, minutesPerWorkingDay: number): number | null {
  if (sums.count <= 0) return null;
  const perDossier =
    unit === 'working_days'
      ? sums.workingMinutes / minutesPerWorkingDay
      : unit === 'working_hours'
        ? sums.workingMinutes / 60
        : unit === 'calendar_days'
          ? sums.minutes / 1440
          : sums.minutes / MINUTES_PER_MONTH;
  return Math.round((perDossier / sums.count) * 100) / 100;
}

/**
 * The unit a procedure's average is shown in: its first method's time unit, as the catalogue lists them; and
 * the time limit in that unit (the longest of its methods), null when some method counts in another unit.
 */
export function procedureTimeLimit(methods: readonly Pick<ProcedureMethod, 'timeLimit'>[]): { timeUnit: DurationUnit; timeLimit: number | null } {
  const timeUnit = methods[0]?.timeLimit.unit ?? 'working_days';
  const sameUnit = methods.length > 0 && methods.every((m) => m.timeLimit.unit === timeUnit);
  return { timeUnit, timeLimit: sameUnit ? Math.max(...methods.map((m) => m.timeLimit.amount)) : null };
}

/** The average as a share of the time limit (1 = the whole limit), null without a limit in the same unit. */
export function shareOfTimeLimit(row: { average: number; timeLimit: number | null }): number | null {
  return row.timeLimit === null || row.timeLimit <= 0 ? null : row.average / row.timeLimit;
}
