/**
 * Bulk export and import of the catalogue (JSON and XLSX). An import never changes the catalogue by
 * itself: it validates every record, reports problems per row, and turns the valid, changed records into
 * a draft publication decision (new or amended items) that is then published like any other.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { ProcedureRecordSchema } from './procedure-schema.js';
import type { CatalogueDirectory } from './catalogue-directory.js';
import type { DecisionItemInput } from './decision-rows.js';
import { saveDraftDecision } from './save-draft-decision.js';
import type { CatalogueExport, ImportProblem, ImportReport } from '../../contract/catalogue.js';

export type { CatalogueExport, ImportProblem, ImportReport } from '../../contract/catalogue.js';

export function exportCatalogue(catalogue: CatalogueDirectory, at: string): CatalogueExport {
  return { format: 'motcua.catalogue', version: 1, at, fields: [...catalogue.fields()], procedures: catalogue.search({ at }).map((v) => v.record) };
}

export interface ImportInput {
  records: { row: number; sheet: string | null; record: unknown }[];
  /** Problems found while reading the file (e.g. XLSX cells), already per row. */
  readProblems: ImportProblem[];
  decision: { number: string; issuedOn: string; signer: string; unitCode: string; effectiveFrom: string } | null;
  meta: RequestMeta;
  /** The operator CLI: no role check (the operator owns the database). */
  trusted?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** `GET /procedures/export` output, a bare array of records, or `{ procedures: [...] }`. */
export function recordsFromJson(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && 'procedures' in data && Array.isArray((data as { procedures: unknown }).procedures)) {
    return (data as { procedures: unknown[] }).procedures;
  }
  return null;
}

export async function importCatalogue(deps: AppDeps & { catalogue: CatalogueDirectory }, input: ImportInput): Promise<Result<ImportReport>> {
  if (!input.trusted) {
    const decision = authorize(input.meta.actor, 'catalogue.manage', input.decision ? { unitCode: input.decision.unitCode } : {}, deps.units.tree());
    if (!decision.ok) return fail(decision.code);
  }
  const tree = deps.units.tree();
  const fieldCodes = new Set(deps.catalogue.fields().map((f) => f.code));
  const problems: ImportProblem[] = [...input.readProblems];
  const unreadable = new Set(input.readProblems.flatMap((p) => (p.code ? [p.code] : [])));
  const items: DecisionItemInput[] = [];
  const itemRows: { row: number; sheet: string | null; code: string }[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  let invalid = 0;
  const total = input.records.length;
  const effectiveFrom = input.decision?.effectiveFrom ?? '9999-12-31';
  input.records.forEach(({ row, sheet, record: raw }, index) => {
    if (index % 250 === 0) input.onProgress?.(index, total);
    const report = (code: string | null, path: string | null, message: string) => problems.push({ row, sheet, code, path, message });
    const parsed = ProcedureRecordSchema.safeParse(raw);
    const rawCode = raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string' ? raw.code : null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10)) report(rawCode, issue.path.join('.') || null, issue.message);
      invalid++;
      return;
    }
    const record = parsed.data;
    const before = problems.length;
    if (seen.has(record.code)) report(record.code, 'code', `Mã TTHC ${record.code} lặp lại trong tệp`);
    seen.add(record.code);
    if (unreadable.has(record.code)) report(record.code, null, 'Thủ tục này có ô không đọc được (xem các lỗi cùng mã)');
    for (const p of publicationProblems(record)) report(record.code, p.path, p.message);
    if (!fieldCodes.has(record.fieldCode)) report(record.code, 'fieldCode', `Không có lĩnh vực mã ${record.fieldCode}`);
    const units = [
      ...record.agency.implementingUnitCodes,
      ...record.agency.coordinatingUnitCodes,
      ...record.processTemplate.flatMap((s) => (s.unitCode ? [s.unitCode] : [])),
    ];
    for (const code of units) if (!tree.find(code)) report(record.code, 'agency', `Không có đơn vị mã ${code}`);
    if (problems.length > before) {
      invalid++;
      return;
    }
    const history = deps.catalogue.history(record.code);
    const current = history.at(-1);
    if (current && current.effectiveTo === null && canonicalJson(current.record) === canonicalJson(record)) {
      unchanged++;
      return;
    }
    if (current && current.effectiveTo !== null) {
      report(record.code, 'code', `Thủ tục ${record.code} đã hết hiệu lực; dùng quyết định thay thế để công bố lại`);
      invalid++;
      return;
    }
    items.push({ kind: current ? 'amended' : 'new', procedureCode: record.code, replacesCode: null, effectiveFrom, legalDocumentNumber: null, record });
    itemRows.push({ row, sheet, code: record.code });
  });
  input.onProgress?.(total, total);
  const counts = { new: items.filter((i) => i.kind === 'new').length, amended: items.filter((i) => i.kind === 'amended').length };
  let decisionId: string | null = null;
  if (input.decision && items.length > 0) {
    const saved = await saveDraftDecision(deps, { ...input.decision, items, meta: input.meta });
    if (!saved.ok) return saved;
    decisionId = saved.value.id;
    // What the catalogue itself still objects to (e.g. an effective date before the current version's).
    for (const p of saved.value.problems) {
      const at = /^items\.(\d+)\.?(.*)$/.exec(p.path);
      const origin = at ? itemRows[Number(at[1])] : undefined;
      problems.push({ row: origin?.row ?? 0, sheet: origin?.sheet ?? null, code: origin?.code ?? null, path: at?.[2] || null, message: p.message });
    }
  }
  problems.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  return ok({ total, valid: total - invalid, invalid, ...counts, unchanged, problems, decisionId });
}
