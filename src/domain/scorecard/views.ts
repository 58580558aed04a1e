/**
 * The shapes the scorecard routes answer with, shared by the server (application/scorecard) and the web app,
 * so that neither can drift from the other. Dates are yyyy-MM-dd; instants ISO 8601 in Vietnam time.
 */
import type { Scorecard } from './formula.js';
import type { Ranked } from './ranking.js';
import type { SettlementRow } from './settlement.js';
import type { ShortfallKind } from './shortfall.js';
import type { DurationUnit } from '../calendar/working-time.js';
import type { Verdict } from '../dossier/timeliness.js';

export interface RankingRow extends Ranked {
  unitName: string;
  level: string;
  groups: { id: string; points: number; maxPoints: number }[];
}

export interface TrendPoint {
  /** yyyy-MM */
  month: string;
  from: string;
  to: string;
  total: number;
  groups: { id: string; name: string; points: number; maxPoints: number }[];
}

export interface Fix {
  indicatorId: string;
  procedureCode: string;
  procedureName: string;
  dossiers: number;
  gain: number;
  text: string;
}

export interface Forecast {
  unit: string;
  from: string;
  to: string;
  /** ISO instant of the computation. */
  asOf: string;
  actual: Scorecard;
  projected: Scorecard;
  /** Open dossiers due before the period's end that are on track (projected on time) and off track (late). */
  open: { onTrack: number; offTrack: number };
  fixes: Fix[];
}

export interface ShortfallDossier {
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  unitCode: string;
  unitName: string;
  acceptedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  kinds: ShortfallKind[];
  reason: string;
}

export interface ShortfallProcedure {
  procedureCode: string;
  procedureName: string;
  reason: string;
}

export interface ShortfallFeedback {
  id: string;
  code: string;
  title: string;
  unitCode: string;
  receivedAt: string;
  reason: string;
}

export interface DrillDown {
  unit: string;
  from: string;
  to: string;
  indicator: { id: string; name: string; formulaVersion: string; watched: boolean };
  dossiers: ShortfallDossier[];
  procedures: ShortfallProcedure[];
  feedback: ShortfallFeedback[];
  /** More dossiers fall short than listed (ask for the next page with offset). */
  more: boolean;
}

export type GroupBy = 'unit' | 'field' | 'procedure';
/** The rates: on time (of the settled), and paid online (of the fee-bearing received, indicator 3.6). */
export interface SettlementRates {
  onTimeRate: number | null;
  paidOnlineRate: number | null;
}
export type SettlementReportRow = SettlementRow & SettlementRates & { key: string; name: string };

export interface SettlementReport {
  unit: string;
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: SettlementReportRow[];
  total: SettlementRow & SettlementRates;
}

/** Indicator 2.2 of one procedure (GET /api/v1/scorecard/settlement-times). */
export interface SettlementTimeRow {
  procedureCode: string;
  name: string;
  /** Dossiers finished with a result whose processing started in the period. */
  settled: number;
  /** The procedure's time unit (of its first method, as the catalogue lists them). */
  timeUnit: DurationUnit;
  /** The legal time limit in that unit, for comparison; null when the methods disagree on the unit. */
  timeLimit: number | null;
  /** Average settlement time in `timeUnit`, 2 decimals. */
  average: number;
}

export interface SettlementTimeReport {
  unit: string;
  from: string;
  to: string;
  /** Slowest first, as a share of the time limit. */
  rows: SettlementTimeRow[];
}

/** The drill-down's orders: most late first, nearest due date first, by dossier code. */
export const DRILL_SORTS = ['lateness', 'due', 'code'] as const;
export type DrillSort = (typeof DRILL_SORTS)[number];

/** A step charged with a dossier's lateness: who held it and how much of its budget it overran (working hours). */
export interface ChargedStep {
  stepIndex: number;
  stepName: string;
  unitCode: string;
  unitName: string;
  officialName: string | null;
  budgetHours: number;
  usedHours: number;
  overrunHours: number;
}

/** A dossier of the list, with its verdict (the one judgement), how late it is and the steps charged. */
export type DrillDownDossier = ShortfallDossier & {
  verdict: Verdict | null;
  verdictLabel: string | null;
  /** Working hours between the due date and the end (or as-of, or the supplement request waited on); 0 when not late. */
  lateHours: number;
  charged: ChargedStep[];
};

export type DrillDownList = Omit<DrillDown, 'dossiers'> & { dossiers: DrillDownDossier[]; total: number; sort: DrillSort };

/** Where lateness happened (GET /scorecard/lateness). */
export interface LatenessRow {
  unitCode: string;
  unitName: string;
  /** Null for the unit's own row, and for steps nobody had claimed. */
  officialId: string | null;
  officialName: string | null;
  /** Late dossiers with at least one step of this unit (or official) charged. */
  dossiers: number;
  /** Steps charged (a dossier may overrun at several steps). */
  steps: number;
  overrunHours: number;
}

export interface LatenessSummary {
  unit: string;
  from: string;
  to: string;
  lateDossiers: number;
  /** Late dossiers where no step overran its budget (a second supplement request, budgets longer than the limit). */
  withoutOverrun: number;
  /** Of those, by the unit that held the dossier when it fell due. */
  withoutOverrunByUnit: { unitCode: string; unitName: string; dossiers: number }[];
  units: LatenessRow[];
  officials: LatenessRow[];
}
