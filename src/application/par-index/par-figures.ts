/**
 * The figures a unit's reform-index assessment takes from motcua's own records for the year (issue 23 §3): read
 * where the scorecard reads its indicators and the settlement report its rates (the same statistics, the same
 * formula version, the same as-of instant), so that the PAR page, the scorecard and the report always agree; each
 * with where it comes from, for the link to the drill-down that proves it.
 */
import { AUTO_FIGURES, AUTO_FIGURE_KEYS, round2, type AutoFigure } from '../../domain/par-index/scheme.js';
import { formulaFor } from '../../domain/scorecard/formula.js';
import { onTimeRate, paidOnlineRate, SETTLEMENT_MEASURES, settlementRow, type SettlementRow } from '../../domain/scorecard/settlement.js';
import { asOfPeriod } from '../../domain/dossier/timeliness.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { toLocal } from '../dossier/dossier-store.js';
import { checkPeriod, scoreUnit } from '../scorecard/scorecard.js';
import { listFormulaVersions } from '../scorecard/formula-versions.js';
import { readUnits } from '../scorecard/stat-reader.js';
import type { ParDeps } from './par-store.js';
import { legalDocumentFigures } from '../legal-documents/legal-document-figures.js';
import { provinceOf } from '../../domain/access/policy.js';

export interface FigureValue {
  figure: AutoFigure;
  label: string;
  /** A percentage with 2 decimals; null when there was nothing to count (no dossier settled, no late one…). */
  value: number | null;
  source: { indicator: string } | { report: string } | { legal: string };
  /** What was counted: numerator of denominator. */
  counted: { numerator: number; denominator: number } | null;
}

const REPORT_FIGURES: Record<string, (r: SettlementRow) => { value: number | null; numerator: number; denominator: number }> = {
  onTimeRate: (r) => ({ value: onTimeRate(r), numerator: r.settledEarly + r.settledOnTime, denominator: r.settled }),
  paidOnlineRate: (r) => ({ value: paidOnlineRate(r), numerator: r.feePaidOnline, denominator: r.feeDue }),
  lateWithApologyRate: (r) => {
    const late = r.settledLateWithApology + r.settledLateWithoutApology;
    return { value: late === 0 ? null : round2((r.settledLateWithApology / late) * 100), numerator: r.settledLateWithApology, denominator: late };
  },
};

/** Every automatic figure of a unit's subtree for a calendar year, judged as the scorecard judges it today. */
export async function parFigures(deps: ParDeps, input: { unitCode: string; year: number }): Promise<Result<FigureValue[]>> {
  const tree = deps.units.tree();
  if (!tree.find(input.unitCode)) return fail('UNIT_NOT_FOUND');
  const checked = checkPeriod({ from: `${input.year}-01-01`, to: `${input.year}-12-31` });
  if (!checked.ok) return checked;
  const period = { ...checked.value, asOf: asOfPeriod(toLocal(deps.clock()), checked.value.toDay * 1440) };
  const version = formulaFor(period.from, await listFormulaVersions(deps));
  const [card, readers, legal] = await Promise.all([
    scoreUnit(deps, input.unitCode, period, version),
    readUnits(deps.db, [input.unitCode], period, SETTLEMENT_MEASURES, tree),
    // The register of the assessed unit's own province.
    legalDocumentFigures(deps, { year: input.year, ...(provinceOf(input.unitCode, tree) ? { provinceCode: provinceOf(input.unitCode, tree)! } : {}) }),
  ]);
  const row = settlementRow(readers.get(input.unitCode)!);
  const indicators = new Map(card.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));
  return ok(
    AUTO_FIGURE_KEYS.map((figure): FigureValue => {
      const spec = AUTO_FIGURES[figure];
      if ('legal' in spec.source) {
        const value = legal.reviews === 0 ? null : round2((legal.reviewedOnSchedule / legal.reviews) * 100);
        return {
          figure,
          label: spec.label,
          value,
          source: { legal: spec.source.legal },
          counted: { numerator: legal.reviewedOnSchedule, denominator: legal.reviews },
        };
      }
      if ('report' in spec.source) {
        const r = REPORT_FIGURES[spec.source.report]!(row);
        return {
          figure,
          label: spec.label,
          value: r.value,
          source: { report: spec.source.report },
          counted: { numerator: r.numerator, denominator: r.denominator },
        };
      }
      const indicator = indicators.get(spec.source.indicator);
      return {
        figure,
        label: spec.label,
        value: indicator?.ratio ?? null,
        source: { indicator: spec.source.indicator },
        counted: indicator ? { numerator: indicator.numerator, denominator: indicator.denominator } : null,
      };
    }),
  );
}
