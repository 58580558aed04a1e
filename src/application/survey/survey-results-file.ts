/**
 * The survey's results as an Excel workbook (the page's export): one row per unit and the total, with N, those invited
 * and answering, the response rate, the margin of error, each element's satisfaction index and the overall index.
 */
import type { RequestMeta } from '../context.js';
import type { Result } from '../../domain/errors/error-codes.js';
import { ok } from '../../domain/errors/error-codes.js';
import { SURVEY_ELEMENTS, RATING_ELEMENTS } from '../../domain/survey/survey.js';
import type { SurveyGroupFigures, SurveyResults } from '../../contract/survey.js';
import { xlsxFile, type DocumentFile } from '../document-file.js';
import type { XlsxCell } from '../../infrastructure/pdf/table-xlsx.js';
import { roundResults } from './round-results.js';
import { monthResults } from './month-results.js';
import { dayText } from './survey-mail.js';
import type { SurveyDeps } from './survey-store.js';

const COLUMNS = [
  { header: 'Đơn vị', width: 40 },
  { header: 'Hồ sơ đã trả kết quả (N)', width: 14 },
  { header: 'Phiếu mời', width: 11 },
  { header: 'Phiếu trả lời', width: 11 },
  { header: 'Tỷ lệ phản hồi', width: 11 },
  { header: 'Sai số (điểm %)', width: 11 },
  ...SURVEY_ELEMENTS.map((e) => ({ header: `Hài lòng: ${RATING_ELEMENTS[e]}`, width: 16 })),
  { header: 'Chỉ số hài lòng chung', width: 13 },
];

function cells(name: string, f: SurveyGroupFigures): XlsxCell[] {
  return [
    name,
    f.population,
    f.invited,
    f.answers,
    { percent: f.responseRate },
    f.margin,
    ...f.elements.map((e): XlsxCell => ({ percent: e.index })),
    { percent: f.overall },
  ];
}

function workbook(results: SurveyResults, fileName: string): Promise<DocumentFile> {
  return xlsxFile(
    {
      sheetName: 'Khảo sát hài lòng',
      title: [
        `KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG: ${results.title.toLocaleUpperCase('vi')}`,
        `Hồ sơ trả kết quả từ ngày ${dayText(results.from)} đến ngày ${dayText(results.to)}`,
        'Chỉ số hài lòng: tỷ lệ trả lời "Hài lòng" hoặc "Rất hài lòng"; chỉ số chung: trung bình các yếu tố.',
      ],
      columns: COLUMNS,
      rows: [...results.units.map((u) => cells(u.unitName, u)), cells('Tổng cộng', results.total)],
    },
    fileName,
  );
}

export async function surveyResultsFile(
  deps: SurveyDeps,
  input: { roundId: string; meta: RequestMeta } | { month: string; unit?: string | undefined; meta: RequestMeta },
): Promise<Result<DocumentFile>> {
  const results = 'roundId' in input ? await roundResults(deps, { id: input.roundId, meta: input.meta }) : await monthResults(deps, input);
  if (!results.ok) return results;
  const fileName = 'roundId' in input ? `khao-sat-hai-long-${results.value.from}.xlsx` : `khao-sat-hai-long-${input.month}.xlsx`;
  return ok(await workbook(results.value, fileName));
}
