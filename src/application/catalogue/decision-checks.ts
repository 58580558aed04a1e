/** What blocks the publication of a decision's items: their shape and completeness, then their kind against the catalogue. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { Problem } from '../../contract/publication.js';
import type { DecisionItemInput } from './decision-rows.js';

/** Shape rules of items that need no database: record present except for an abolition, codes agree. */
function itemShapeProblems(items: readonly DecisionItemInput[], tree: UnitTree): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = `items.${i}`;
    if (seen.has(item.procedureCode))
      problems.push({ path: `${at}.procedureCode`, message: `Thủ tục ${item.procedureCode} xuất hiện hai lần trong quyết định` });
    seen.add(item.procedureCode);
    if (item.kind === 'abolished' && item.record !== null) problems.push({ path: `${at}.record`, message: 'Thủ tục bãi bỏ không kèm nội dung thủ tục' });
    if (item.kind !== 'abolished' && item.record === null) problems.push({ path: `${at}.record`, message: 'Cần nội dung đầy đủ của thủ tục' });
    if (item.kind === 'replaced' && !item.replacesCode) problems.push({ path: `${at}.replacesCode`, message: 'Cần mã thủ tục bị thay thế' });
    if (item.kind !== 'replaced' && item.replacesCode)
      problems.push({ path: `${at}.replacesCode`, message: 'Chỉ thủ tục thay thế mới có mã thủ tục bị thay thế' });
    if (item.record && item.record.code !== item.procedureCode) {
      problems.push({ path: `${at}.record.code`, message: `Mã trong nội dung (${item.record.code}) khác mã thủ tục ${item.procedureCode}` });
    }
    if (!isDate(item.effectiveFrom)) problems.push({ path: `${at}.effectiveFrom`, message: `Ngày ${item.effectiveFrom} không tồn tại` });
    if (item.record) {
      for (const p of publicationProblems(item.record)) problems.push({ path: `${at}.record.${p.path}`, message: p.message });
      const { agency, processTemplate } = item.record;
      for (const code of [
        ...agency.implementingUnitCodes,
        ...agency.coordinatingUnitCodes,
        ...processTemplate.flatMap((s) => (s.unitCode ? [s.unitCode] : [])),
      ]) {
        if (!tree.find(code)) problems.push({ path: `${at}.record`, message: `Không có đơn vị mã ${code}` });
      }
    }
  });
  return problems;
}

/** Whether `value` is a date that exists. */
export function isDate(value: string): boolean {
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything that blocks publication: the shape and completeness of each item, then its kind against the
 * catalogue (a new code must be free; an amended, replaced or abolished procedure must be in force and
 * its current version must start before the new effective date).
 */
export async function checkAgainstCatalogue(db: Kysely<DB> | Transaction<DB>, items: readonly DecisionItemInput[], tree: UnitTree): Promise<Problem[]> {
  const problems = itemShapeProblems(items, tree);
  const fieldCodes = new Set((await db.selectFrom('procedure_fields').select('code').execute()).map((f) => f.code));
  const codes = [...new Set(items.flatMap((i) => [i.procedureCode, ...(i.replacesCode ? [i.replacesCode] : [])]))];
  const latest = new Map<string, { effective_from: string; effective_to: string | null }>();
  if (codes.length > 0) {
    const rows = await db
      .selectFrom('procedure_versions')
      .select(['procedure_code', 'version', 'effective_from', 'effective_to'])
      .where('procedure_code', 'in', codes)
      .orderBy('version')
      .execute();
    for (const r of rows) latest.set(r.procedure_code, r);
  }
  items.forEach((item, i) => {
    const at = `items.${i}`;
    if (item.record && !fieldCodes.has(item.record.fieldCode))
      problems.push({ path: `${at}.record.fieldCode`, message: `Không có lĩnh vực mã ${item.record.fieldCode}` });
    const existing = latest.get(item.procedureCode);
    if (item.kind === 'new' || item.kind === 'replaced') {
      if (existing) problems.push({ path: `${at}.procedureCode`, message: `Mã thủ tục ${item.procedureCode} đã có trong danh mục` });
    }
    const target = item.kind === 'replaced' ? item.replacesCode : item.kind === 'new' ? null : item.procedureCode;
    if (target) {
      const current = latest.get(target);
      if (!current) problems.push({ path: `${at}.procedureCode`, message: `Chưa có thủ tục ${target} trong danh mục` });
      else if (current.effective_to !== null)
        problems.push({ path: `${at}.procedureCode`, message: `Thủ tục ${target} đã hết hiệu lực từ ${current.effective_to}` });
      else if (current.effective_from >= item.effectiveFrom) {
        problems.push({ path: `${at}.effectiveFrom`, message: `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản hiện hành (${current.effective_from})` });
      }
    }
  });
  return problems;
}
