/** Checking a formula version before it is stored (POST /scorecard/formulas): names, points, targets, quantities. */
import { MEASURES } from './measures.js';
import { CATALOGUE_MEASURES, FEEDBACK_MEASURES, PROCEDURE_FILTERS, type FormulaVersion, type Quantity } from './formula.js';

/** Problems of a formula version given as data, in Vietnamese; empty when it can be used. */
export function checkFormulaVersion(v: FormulaVersion): string[] {
  const problems: string[] = [];
  if (!/^[\w.-]{1,40}$/.test(v.id)) problems.push('id: 1–40 ký tự chữ, số, dấu . _ -');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom)) problems.push('effectiveFrom: ngày dạng yyyy-MM-dd');
  const measures: ReadonlySet<string> = new Set(MEASURES);
  const ids = new Set<string>();
  const checkQuantity = (where: string, q: Quantity) => {
    const terms = 'dossiers' in q ? q.dossiers : 'procedures' in q ? (q.procedures.having ?? []) : [];
    for (const t of terms) if (!measures.has(t.measure)) problems.push(`${where}: không có đại lượng "${t.measure}"`);
    if ('procedures' in q && !(PROCEDURE_FILTERS as readonly string[]).includes(q.procedures.of))
      problems.push(`${where}: bộ lọc thủ tục "${q.procedures.of}" không hợp lệ`);
    if ('catalogue' in q && !(CATALOGUE_MEASURES as readonly string[]).includes(q.catalogue))
      problems.push(`${where}: không có đại lượng danh mục "${q.catalogue}"`);
    if ('feedback' in q && !(FEEDBACK_MEASURES as readonly string[]).includes(q.feedback))
      problems.push(`${where}: không có đại lượng phản ánh, kiến nghị "${q.feedback}"`);
  };
  let total = 0;
  for (const g of v.groups) {
    total += g.maxPoints;
    const sum = g.indicators.reduce((s, i) => s + i.maxPoints, 0);
    if (Math.abs(sum - g.maxPoints) > 1e-9) problems.push(`nhóm ${g.id}: tổng điểm các chỉ số (${sum}) khác điểm tối đa của nhóm (${g.maxPoints})`);
    for (const i of g.indicators) {
      if (ids.has(i.id)) problems.push(`chỉ số ${i.id}: trùng mã`);
      ids.add(i.id);
      if (i.target !== null && !(i.target > 0 && i.target <= 100)) problems.push(`chỉ số ${i.id}: chỉ tiêu phải trong (0, 100]`);
      if (i.decimals !== undefined && !(Number.isInteger(i.decimals) && i.decimals >= 0 && i.decimals <= 4))
        problems.push(`chỉ số ${i.id}: số chữ số thập phân 0–4`);
      checkQuantity(`chỉ số ${i.id} (tử số)`, i.numerator);
      checkQuantity(`chỉ số ${i.id} (mẫu số)`, i.denominator);
    }
  }
  if (Math.abs(total - 100) > 1e-9) problems.push(`tổng điểm tối đa là ${total}, phải là 100`);
  return problems;
}
