/**
 * A scheme as the rows of a spreadsheet, both ways (issue 23 §1): one row per field ("1"), criterion ("1.2") and
 * sub-criterion ("1.2.3"), the depth read from the code. Sub-criteria carry their points, scoring method, levels or
 * bands ("Đạt: 1; Một phần: 0,5; Không đạt: 0", "≥ 100: 2; ≥ 95: 1,5"), the figure motcua fills in, and the evidence
 * asked for. Numbers are written with the Vietnamese decimal comma and read with either mark.
 */
import { AUTO_FIGURES, METHOD_LABELS, type AutoFigure, type MethodKind, type SchemeDefinition, type ScoringMethod } from './scheme.js';
import { checkScheme } from './scheme.js';

export const SCHEME_COLUMNS = ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Các mức / ngưỡng', 'Số liệu tự động', 'Tài liệu kiểm chứng'] as const;
export type Cell = string | number | null;

const num = (n: number) => String(n).replace('.', ',');
const parseNumber = (text: string): number | null => {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

function optionsOf(m: ScoringMethod): string {
  if (m.kind === 'levels') return m.levels.map((l) => `${l.label}: ${num(l.points)}`).join('; ');
  if (m.kind === 'figure' && m.bands) return m.bands.map((b) => `≥ ${num(b.from)}: ${num(b.points)}`).join('; ');
  return '';
}

/** The rows of a scheme, header first. */
export function rowsOfScheme(d: SchemeDefinition): Cell[][] {
  const rows: Cell[][] = [[...SCHEME_COLUMNS]];
  for (const f of d.fields) {
    rows.push([f.code, f.name, null, null, null, null, null]);
    for (const c of f.criteria) {
      rows.push([c.code, c.name, null, null, null, null, null]);
      for (const s of c.subCriteria)
        rows.push([
          s.code,
          s.name,
          s.maxPoints,
          METHOD_LABELS[s.method.kind],
          optionsOf(s.method),
          s.method.kind === 'figure' ? s.method.figure : null,
          s.evidence,
        ]);
    }
  }
  return rows;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).normalize('NFC').trim());
const KIND_BY_LABEL = new Map<string, MethodKind>(
  (Object.entries(METHOD_LABELS) as [MethodKind, string][]).flatMap(([k, label]) => [
    [k.toLowerCase(), k],
    [label.toLowerCase(), k],
  ]),
);
const FIGURE_BY_NAME = new Map<string, AutoFigure>(
  (Object.entries(AUTO_FIGURES) as [AutoFigure, { label: string }][]).flatMap(([k, f]) => [
    [k.toLowerCase(), k],
    [f.label.toLowerCase(), k],
  ]),
);

export interface RowProblem {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  message: string;
}

/** "label: points; …" pairs, or a problem. */
function pairs(options: string, row: number, problems: RowProblem[]): { label: string; points: number }[] {
  return options
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .flatMap((p) => {
      const at = p.lastIndexOf(':');
      const points = at > 0 ? parseNumber(p.slice(at + 1)) : null;
      if (points === null) {
        problems.push({ row, message: `Mức "${p}" cần dạng "tên mức: điểm"` });
        return [];
      }
      return [{ label: p.slice(0, at).trim(), points }];
    });
}

function methodOf(kind: MethodKind, options: string, figureText: string, row: number, problems: RowProblem[]): ScoringMethod {
  if (kind === 'levels') return { kind, levels: pairs(options, row, problems) };
  if (kind !== 'figure') return { kind };
  const figure = FIGURE_BY_NAME.get(figureText.toLowerCase());
  if (!figure) problems.push({ row, message: `Không có số liệu tự động "${figureText}" (${Object.keys(AUTO_FIGURES).join(', ')})` });
  const bands = pairs(options, row, problems).map((p) => ({ from: parseNumber(p.label.replace(/^[≥>=]+/, '')) ?? -1, points: p.points }));
  if (bands.some((b) => b.from < 0)) problems.push({ row, message: 'Ngưỡng cần dạng "≥ 95: 1,5"' });
  return { kind, figure: figure ?? 'onTimeRate', ...(bands.length > 0 ? { bands } : {}) };
}

/** A scheme from rows (the header row found by its first cell "Mã"), or every problem with its row. */
export function schemeFromRows(rows: readonly (readonly Cell[])[]): { ok: true; definition: SchemeDefinition } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const header = rows.findIndex((r) => text(r[0]).toLowerCase() === 'mã');
  if (header < 0) return { ok: false, problems: [{ row: 1, message: 'Không thấy dòng tiêu đề (ô đầu tiên là "Mã")' }] };
  const definition: SchemeDefinition = { fields: [] };
  rows.slice(header + 1).forEach((r, i) => {
    const row = header + i + 2;
    const code = text(r[0]);
    const name = text(r[1]);
    if (!code && !name) return;
    if (!/^\d+(\.\d+){0,2}$/.test(code)) return problems.push({ row, message: `Mã "${code}" không đúng dạng 1, 1.2 hoặc 1.2.3` });
    if (!name) return problems.push({ row, message: `Dòng ${code} chưa có nội dung` });
    const depth = code.split('.').length;
    const field = definition.fields.at(-1);
    const criterion = field?.criteria.at(-1);
    if (depth === 1) return definition.fields.push({ code, name, criteria: [] });
    if (depth === 2)
      return field ? field.criteria.push({ code, name, subCriteria: [] }) : problems.push({ row, message: `Tiêu chí ${code} đứng trước mọi lĩnh vực` });
    if (!criterion) return problems.push({ row, message: `Tiêu chí thành phần ${code} đứng trước mọi tiêu chí` });
    const maxPoints = typeof r[2] === 'number' ? r[2] : parseNumber(text(r[2]));
    if (maxPoints === null) return problems.push({ row, message: `${code}: điểm tối đa phải là một số` });
    const kind = KIND_BY_LABEL.get(text(r[3]).toLowerCase());
    if (!kind) return problems.push({ row, message: `${code}: cách chấm "${text(r[3])}" không có (${Object.values(METHOD_LABELS).join(', ')})` });
    criterion.subCriteria.push({ code, name, maxPoints, method: methodOf(kind, text(r[4]), text(r[5]), row, problems), evidence: text(r[6]) });
  });
  if (problems.length > 0) return { ok: false, problems };
  const wrong = checkScheme(definition);
  return wrong.length > 0 ? { ok: false, problems: wrong.map((message) => ({ row: 0, message })) } : { ok: true, definition };
}
