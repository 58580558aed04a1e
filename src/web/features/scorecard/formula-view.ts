/** The formula versions for the definitions page: the one in force on a day, and how an indicator is scored. */
import { formulaFor, type FormulaVersion, type IndicatorSpec } from '../../../domain/scorecard/formula.js';
import { formatNumber, formatPercent } from '../../shared/format.js';

/** The version in force on `day`, or the one picked by id. */
export function versionToShow(versions: readonly FormulaVersion[], day: string, id: string | null): FormulaVersion | null {
  if (versions.length === 0) return null;
  return versions.find((v) => v.id === id) ?? formulaFor(day, versions);
}

/** How the indicator's points follow its ratio, in Vietnamese. */
export function scoringRule(spec: Pick<IndicatorSpec, 'maxPoints' | 'target'>): string {
  const max = formatNumber(spec.maxPoints);
  if (spec.target === null) return `Điểm tỷ lệ thuận với tỷ lệ đạt: 100% được ${max} điểm.`;
  return `Chỉ tiêu ${formatPercent(spec.target, 0)}: đạt chỉ tiêu được đủ ${max} điểm, chưa đạt được điểm theo tỷ lệ so với chỉ tiêu.`;
}
