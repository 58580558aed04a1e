/**
 * The results of a round (issue 23 §5): each unit's total and fields (the appraisers' points where they changed the
 * unit's), the ranking within the level with the change from last year's closed round of the same level, and the
 * published report as PDF and XLSX. Provisional while the round is open.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { rankWithChange, totalsOf, type Totals } from '../../domain/par-index/scoring.js';
import { SCHEME_LEVEL_LABELS } from '../../domain/par-index/scheme.js';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../domain/par-index/assessment.js';
import { pdfFile, xlsxFile, type DocumentFile } from '../document-file.js';
import { scoresOf } from './assessment-scores.js';
import { allow, loadRound, loadScheme, manages, type ParDeps } from './par-store.js';

export interface UnitResult {
  unitCode: string;
  unitName: string;
  status: AssessmentStatus;
  totals: Totals;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  totalChange: number | null;
}

export interface RoundResults {
  round: { id: string; name: string; year: number; status: 'open' | 'closed'; level: string; schemeName: string };
  previousRound: { id: string; name: string; year: number } | null;
  fields: { code: string; name: string; max: number }[];
  units: UnitResult[];
}

async function totalsByUnit(deps: ParDeps, roundId: string) {
  const round = (await loadRound(deps.db, roundId))!;
  const scheme = (await loadScheme(deps.db, round.schemeId))!;
  const rows = await deps.db.selectFrom('par_assessments').select(['unit_code', 'status']).where('round_id', '=', roundId).orderBy('unit_code').execute();
  const units = await Promise.all(rows.map(async (r) => ({ ...r, totals: totalsOf(scheme.definition, await scoresOf(deps.db, roundId, r.unit_code)) })));
  return { round, scheme, units };
}

export async function roundResults(deps: ParDeps, input: { roundId: string; meta: RequestMeta }): Promise<Result<RoundResults>> {
  // The ranking compares units: the department's, and every reader of the province's figures.
  const refused = allow(deps, input.meta, 'par.manage') && allow(deps, input.meta, 'scorecard.view');
  if (refused) return fail(refused);
  const found = await loadRound(deps.db, input.roundId);
  const reader = found && (manages(deps, input.meta, found.ownerUnit) || allow(deps, input.meta, 'scorecard.view', found.ownerUnit) === null);
  if (!reader) return fail('PAR_ROUND_NOT_FOUND');
  const { round, scheme, units } = await totalsByUnit(deps, input.roundId);
  const previous = await deps.db
    .selectFrom('par_rounds as r')
    .innerJoin('par_schemes as s', 's.id', 'r.scheme_id')
    .select(['r.id', 'r.name', 'r.year'])
    .where('s.level', '=', scheme.level)
    .where('r.owner_unit', '=', round.ownerUnit)
    .where('r.year', '=', round.year - 1)
    .where('r.status', '=', 'closed')
    .orderBy('r.closed_at', 'desc')
    .executeTakeFirst();
  const before = previous ? (await totalsByUnit(deps, previous.id)).units.map((u) => ({ unitCode: u.unit_code, total: u.totals.percent })) : [];
  // Ranked by the share of the maximum: schemes of two years may not have the same maximum.
  const ranked = new Map(
    rankWithChange(
      units.map((u) => ({ unitCode: u.unit_code, total: u.totals.percent })),
      before,
    ).map((r) => [r.unitCode, r]),
  );
  const tree = deps.units.tree();
  return ok({
    round: { id: round.id, name: round.name, year: round.year, status: round.status, level: scheme.level, schemeName: scheme.name },
    previousRound: previous ?? null,
    fields: units[0]?.totals.fields.map((f) => ({ code: f.code, name: f.name, max: f.max })) ?? [],
    units: units
      .map((u) => {
        const r = ranked.get(u.unit_code)!;
        return {
          unitCode: u.unit_code,
          unitName: tree.find(u.unit_code)?.name ?? u.unit_code,
          status: u.status,
          totals: u.totals,
          rank: r.rank,
          previousRank: r.previousRank,
          rankChange: r.rankChange,
          totalChange: r.totalChange,
        };
      })
      .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode)),
  });
}

const vn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const change = (u: UnitResult) => (u.rankChange === null ? 'Mới' : u.rankChange > 0 ? `↑ ${u.rankChange}` : u.rankChange < 0 ? `↓ ${-u.rankChange}` : '=');

/** The published report: the ranking with every field's points, as PDF (landscape) or XLSX. */
export async function roundReport(deps: ParDeps, input: { roundId: string; format: 'pdf' | 'xlsx'; meta: RequestMeta }): Promise<Result<DocumentFile>> {
  const found = await roundResults(deps, input);
  if (!found.ok) return found;
  const r = found.value;
  const title = `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${r.round.year}`;
  const subtitle = `${r.round.name} · ${SCHEME_LEVEL_LABELS[r.round.level as keyof typeof SCHEME_LEVEL_LABELS] ?? r.round.level}${r.round.status === 'open' ? ' · Kết quả tạm tính (đợt chưa kết thúc)' : ''}`;
  const headers = [
    'Hạng',
    'Đơn vị',
    ...r.fields.map((f) => `${f.code}. ${f.name} (${vn(f.max)})`),
    'Tổng điểm',
    'Chỉ số (%)',
    'So với năm trước',
    'Trạng thái',
  ];
  const rowOf = (u: UnitResult) => [
    u.rank,
    u.unitName,
    ...u.totals.fields.map((f) => f.points),
    u.totals.total,
    { percent: u.totals.percent },
    change(u),
    ASSESSMENT_STATUS_LABELS[u.status],
  ];
  const fileName = `chi-so-cchc-${r.round.year}-${r.round.level}.${input.format}`;
  if (input.format === 'xlsx')
    return ok(
      await xlsxFile(
        {
          sheetName: 'Kết quả',
          title: [title, subtitle],
          columns: headers.map((header, i) => ({ header, width: i === 1 ? 40 : i < 2 ? 8 : 16 })),
          rows: r.units.map(rowOf),
        },
        fileName,
      ),
    );
  return ok(
    await pdfFile(
      {
        title,
        formLine: null,
        body: { superior: 'Ủy ban nhân dân tỉnh', issuer: 'Sở Nội vụ' },
        placeAndDate: null,
        heading: [{ text: title, style: 'bold' }, { text: subtitle }],
        blocks: [
          {
            kind: 'table',
            columns: headers.map((h, i) => ({ header: h, width: i === 1 ? ('fill' as const) : 60, align: i === 1 ? ('left' as const) : ('right' as const) })),
            rows: r.units.map((u) => ({ cells: rowOf(u).map((c) => (typeof c === 'number' ? vn(c) : typeof c === 'string' ? c : `${vn(c.percent)}%`)) })),
            options: { fontSize: 8, headerFontSize: 8 },
          },
        ],
        layout: 'landscape',
        footer: title,
      },
      fileName,
    ),
  );
}
