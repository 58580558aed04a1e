/**
 * The catalogue as an Excel workbook, one sheet per part of the procedure record, keyed by the procedure
 * code (MaTTHC) so that officials can edit it in a spreadsheet and import it back. Enumerations are written
 * as Vietnamese labels and read back from a label or the code. Reading never throws on content: every
 * problem is reported with its sheet and row.
 */
import type { EFormField } from '../domain/data-vault/e-form.js';
import type ExcelJS from 'exceljs';
import { newWorkbook } from './exceljs.js';
import { zipBoundsProblem } from './files/zip-bounds.js';
import {
  CHANNEL_LABELS,
  COMPONENT_FORM_LABELS,
  LEVEL_LABELS,
  ONLINE_LEVEL_LABELS,
  STEP_ROLE_LABELS,
  SUBJECT_LABELS,
  type ProcedureRecord,
} from '../domain/catalogue/procedure.js';

const DURATION_LABELS = { working_days: 'Ngày làm việc', working_hours: 'Giờ làm việc', calendar_days: 'Ngày', months: 'Tháng' } as const;
const FEE_AT_LABELS = { submission: 'Khi nộp hồ sơ', result: 'Khi nhận kết quả' } as const;
const YES = 'Có';
const NO = 'Không';

export interface SheetRowProblem {
  sheet: string;
  row: number;
  code: string | null;
  message: string;
}

/** Column headers per sheet (row 1); data from row 2. */
export const SHEETS = {
  procedures: {
    name: 'Thủ tục',
    columns: [
      'Mã TTHC',
      'Mã dịch vụ công',
      'Tên thủ tục',
      'Mã lĩnh vực',
      'Cấp thực hiện',
      'Trình tự thực hiện (mỗi dòng một bước)',
      'Đối tượng thực hiện',
      'Cơ quan có thẩm quyền',
      'Đơn vị thực hiện (mã, cách nhau dấu phẩy)',
      'Đơn vị phối hợp (mã)',
      'Yêu cầu, điều kiện',
      'Mức độ trực tuyến',
      'Đủ điều kiện toàn trình',
      'Yêu cầu kết quả bản giấy',
      'Không phụ thuộc địa giới hành chính',
      'Yêu cầu tài khoản VNeID mức độ 2',
      'Biểu mẫu điện tử (JSON)',
    ],
  },
  methods: { name: 'Cách thức', columns: ['Mã TTHC', 'Kênh', 'Thời hạn', 'Đơn vị thời hạn', 'Mô tả'] },
  components: {
    name: 'Thành phần hồ sơ',
    columns: [
      'Mã TTHC',
      'Mã thành phần',
      'Tên thành phần',
      'Hình thức',
      'Số lượng',
      'Bắt buộc',
      'Mẫu đơn, tờ khai',
      'Mã kết quả thay thế (cách nhau dấu phẩy)',
    ],
  },
  results: { name: 'Kết quả', columns: ['Mã TTHC', 'Mã kết quả', 'Tên kết quả', 'Mẫu kết quả'] },
  fees: { name: 'Phí, lệ phí', columns: ['Mã TTHC', 'Tên phí, lệ phí', 'Mức thu (đồng)', 'Thời điểm thu', 'Mô tả', 'Mức thu khi nộp trực tuyến (đồng)'] },
  legalBases: { name: 'Căn cứ pháp lý', columns: ['Mã TTHC', 'Số hiệu văn bản', 'Trích yếu', 'Ngày có hiệu lực (yyyy-MM-dd)'] },
  steps: {
    name: 'Quy trình nội bộ',
    columns: ['Mã TTHC', 'Tên bước', 'Vai trò', 'Mã đơn vị (trống: đơn vị tiếp nhận)', 'Liên thông', 'Thời gian', 'Đơn vị thời gian'],
  },
} as const;

type Cell = string | number | boolean | null;

function addSheet(workbook: ExcelJS.Workbook, spec: { name: string; columns: readonly string[] }, rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...spec.columns]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 12 : Math.min(60, Math.max(12, (spec.columns[i]?.length ?? 10) + 2));
  });
}

const yesNo = (b: boolean) => (b ? YES : NO);

export async function catalogueToXlsx(records: readonly ProcedureRecord[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'motcua';
  addSheet(
    workbook,
    SHEETS.procedures,
    records.map((p) => [
      p.code,
      p.onlineServiceCode,
      p.name,
      p.fieldCode,
      LEVEL_LABELS[p.level],
      p.sequence.join('\n'),
      p.subjects.map((s) => SUBJECT_LABELS[s]).join(', '),
      p.agency.competentAuthority,
      p.agency.implementingUnitCodes.join(', '),
      p.agency.coordinatingUnitCodes.join(', '),
      p.requirements,
      ONLINE_LEVEL_LABELS[p.onlineLevel],
      yesNo(p.fullOnlineEligible),
      yesNo(p.paperResultRequired),
      yesNo(p.locationIndependent),
      yesNo(p.eidLevel2Required === true),
      p.eForm ? JSON.stringify(p.eForm) : null,
    ]),
  );
  addSheet(
    workbook,
    SHEETS.methods,
    records.flatMap((p) => p.methods.map((m) => [p.code, CHANNEL_LABELS[m.channel], m.timeLimit.amount, DURATION_LABELS[m.timeLimit.unit], m.description])),
  );
  addSheet(
    workbook,
    SHEETS.components,
    records.flatMap((p) =>
      p.components.map((c) => [
        p.code,
        c.code,
        c.name,
        COMPONENT_FORM_LABELS[c.form],
        c.quantity,
        yesNo(c.required),
        c.template,
        (c.replaceableBy ?? []).join(', '),
      ]),
    ),
  );
  addSheet(
    workbook,
    SHEETS.results,
    records.flatMap((p) => p.results.map((r) => [p.code, r.code, r.name, r.template])),
  );
  addSheet(
    workbook,
    SHEETS.fees,
    records.flatMap((p) => p.fees.map((f) => [p.code, f.name, f.amount, FEE_AT_LABELS[f.collectedAt], f.description, f.onlineAmount ?? ''])),
  );
  addSheet(
    workbook,
    SHEETS.legalBases,
    records.flatMap((p) => p.legalBases.map((l) => [p.code, l.number, l.title, l.effectiveFrom])),
  );
  addSheet(
    workbook,
    SHEETS.steps,
    records.flatMap((p) =>
      p.processTemplate.map((s) => [
        p.code,
        s.name,
        STEP_ROLE_LABELS[s.role],
        s.unitCode,
        yesNo(s.interAgency),
        s.budget.amount,
        DURATION_LABELS[s.budget.unit],
      ]),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reverse lookup: a cell holding a label or a code → the code. */
function enumReader<K extends string>(labels: Record<K, string>) {
  const byText = new Map<string, K>();
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    byText.set(code.toLowerCase(), code);
    byText.set(label.toLowerCase(), code);
  }
  return (text: string): K | undefined => byText.get(text.trim().toLowerCase());
}

const readers = {
  level: enumReader(LEVEL_LABELS),
  subject: enumReader(SUBJECT_LABELS),
  online: enumReader(ONLINE_LEVEL_LABELS),
  channel: enumReader(CHANNEL_LABELS),
  duration: enumReader(DURATION_LABELS),
  form: enumReader(COMPONENT_FORM_LABELS),
  feeAt: enumReader(FEE_AT_LABELS),
  role: enumReader(STEP_ROLE_LABELS),
};

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export interface ParsedWorkbook {
  /** Records in the order of the "Thủ tục" sheet, with the Excel row each starts on. */
  records: { row: number; record: ProcedureRecord }[];
  problems: SheetRowProblem[];
  /** Why the file was not read at all: it exceeds the bounds on ZIP archives (files/zip-bounds.ts). */
  refused?: string;
}

/**
 * Read a workbook written by catalogueToXlsx (or edited by hand). Records are returned as read: their
 * completeness is checked by the importer, not here.
 */
export async function xlsxToCatalogue(buffer: Buffer | Uint8Array): Promise<ParsedWorkbook> {
  // Bounded before exceljs inflates anything: a small "zip bomb" must not take the server's memory.
  const unreadable: ParsedWorkbook = { records: [], problems: [{ sheet: '', row: 0, code: null, message: 'Tệp không phải là tệp Excel (.xlsx) đọc được' }] };
  const bounds = zipBoundsProblem(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  if (bounds?.kind === 'limits') return { records: [], problems: [], refused: bounds.message };
  if (bounds) return unreadable;
  const workbook = await newWorkbook();
  const problems: SheetRowProblem[] = [];
  try {
    // exceljs's declared Buffer type predates Node 20's generic Buffer.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return unreadable;
  }
  const rowsOf = (spec: { name: string }) => {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet) {
      problems.push({ sheet: spec.name, row: 0, code: null, message: `Thiếu trang tính "${spec.name}"` });
      return [];
    }
    const rows: { row: number; cells: string[] }[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values = row.values as ExcelJS.CellValue[]; // 1-based
      const cells = values.slice(1).map(cellText);
      if (cells.some((c) => c !== '')) rows.push({ row: number, cells });
    });
    return rows;
  };
  const records = new Map<string, { row: number; record: ProcedureRecord }>();
  const bad = (sheet: string, row: number, code: string | null, message: string) => problems.push({ sheet, row, code, message });
  const flag = (sheet: string, row: number, code: string, text: string, what: string): boolean => {
    if (text === YES || text.toLowerCase() === 'true' || text === '1') return true;
    if (text === NO || text.toLowerCase() === 'false' || text === '0' || text === '') return false;
    bad(sheet, row, code, `${what}: "${text}" phải là "${YES}" hoặc "${NO}"`);
    return false;
  };
  const list = (text: string) =>
    text
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const number = (sheet: string, row: number, code: string, text: string, what: string): number => {
    const n = Number(text.replace(/[.\s](?=\d{3}\b)/g, ''));
    if (text === '' || !Number.isFinite(n)) bad(sheet, row, code, `${what}: "${text}" không phải là số`);
    return Number.isFinite(n) ? n : 0;
  };
  const need = <T>(sheet: string, row: number, code: string, value: T | undefined, text: string, what: string, fallback: T): T => {
    if (value === undefined) bad(sheet, row, code, `${what}: không hiểu giá trị "${text}"`);
    return value ?? fallback;
  };

  const P = SHEETS.procedures.name;
  for (const { row, cells } of rowsOf(SHEETS.procedures)) {
    const [
      code = '',
      serviceCode = '',
      name = '',
      fieldCode = '',
      level = '',
      sequence = '',
      subjects = '',
      authority = '',
      units = '',
      coordinating = '',
      requirements = '',
      online = '',
      fullOnline = '',
      paper = '',
      independent = '',
      eidLevel2 = '',
      eForm = '',
    ] = cells;
    if (code === '') {
      bad(P, row, null, 'Thiếu mã TTHC');
      continue;
    }
    if (records.has(code)) {
      bad(P, row, code, `Mã TTHC ${code} lặp lại (đã có ở dòng ${records.get(code)!.row})`);
      continue;
    }
    records.set(code, {
      row,
      record: {
        code,
        onlineServiceCode: serviceCode || null,
        name,
        fieldCode,
        level: need(P, row, code, readers.level(level), level, 'Cấp thực hiện', 'commune'),
        sequence: sequence
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        methods: [],
        components: [],
        subjects: list(subjects).map((s) => need(P, row, code, readers.subject(s), s, 'Đối tượng thực hiện', 'citizen')),
        agency: { competentAuthority: authority, implementingUnitCodes: list(units), coordinatingUnitCodes: list(coordinating) },
        results: [],
        requirements: requirements || null,
        fees: [],
        legalBases: [],
        onlineLevel: need(P, row, code, readers.online(online), online, 'Mức độ trực tuyến', 'none'),
        fullOnlineEligible: flag(P, row, code, fullOnline, 'Đủ điều kiện toàn trình'),
        paperResultRequired: flag(P, row, code, paper, 'Yêu cầu kết quả bản giấy'),
        locationIndependent: flag(P, row, code, independent, 'Không phụ thuộc địa giới hành chính'),
        processTemplate: [],
        // Issue 20; a workbook from before them has neither column.
        ...(eidLevel2 !== '' && flag(P, row, code, eidLevel2, 'Yêu cầu tài khoản VNeID mức độ 2') ? { eidLevel2Required: true } : {}),
        ...(eForm === '' ? {} : { eForm: readEForm(eForm, () => bad(P, row, code, 'Biểu mẫu điện tử: không phải JSON (danh sách các trường)')) }),
      },
    });
  }
  const owner = (sheet: string, row: number, code: string): ProcedureRecord | null => {
    const found = records.get(code)?.record;
    if (!found) bad(sheet, row, code || null, code ? `Mã TTHC ${code} không có trong trang "${P}"` : 'Thiếu mã TTHC');
    return found ?? null;
  };
  for (const spec of [SHEETS.methods, SHEETS.components, SHEETS.results, SHEETS.fees, SHEETS.legalBases, SHEETS.steps]) {
    for (const { row, cells } of rowsOf(spec)) {
      const [code = '', a = '', b = '', c = '', d = '', e = '', f = '', g = ''] = cells;
      const p = owner(spec.name, row, code);
      if (!p) continue;
      const S = spec.name;
      if (spec === SHEETS.methods) {
        p.methods.push({
          channel: need(S, row, code, readers.channel(a), a, 'Kênh', 'counter'),
          timeLimit: { amount: number(S, row, code, b, 'Thời hạn'), unit: need(S, row, code, readers.duration(c), c, 'Đơn vị thời hạn', 'working_days') },
          description: d,
        });
      } else if (spec === SHEETS.components) {
        p.components.push({
          code: a,
          name: b,
          form: need(S, row, code, readers.form(c), c, 'Hình thức', 'original'),
          quantity: number(S, row, code, d, 'Số lượng'),
          required: flag(S, row, code, e, 'Bắt buộc'),
          template: f || null,
          ...(g === '' ? {} : { replaceableBy: list(g) }),
        });
      } else if (spec === SHEETS.results) {
        p.results.push({ code: a, name: b, template: c || null });
      } else if (spec === SHEETS.fees) {
        p.fees.push({
          name: a,
          amount: number(S, row, code, b, 'Mức thu'),
          collectedAt: need(S, row, code, readers.feeAt(c), c, 'Thời điểm thu', 'submission'),
          description: d,
          // A sixth column, optional (files from before it have none): the lower amount for an online submission.
          ...(e !== '' ? { onlineAmount: number(S, row, code, e, 'Mức thu khi nộp trực tuyến') } : {}),
        });
      } else if (spec === SHEETS.legalBases) {
        p.legalBases.push({ number: a, title: b, effectiveFrom: c });
      } else {
        const unit = readers.duration(f);
        p.processTemplate.push({
          name: a,
          role: need(S, row, code, readers.role(b), b, 'Vai trò', 'specialist'),
          unitCode: c || null,
          interAgency: flag(S, row, code, d, 'Liên thông'),
          budget: {
            amount: number(S, row, code, e, 'Thời gian'),
            unit: need(S, row, code, unit === 'working_days' || unit === 'working_hours' ? unit : undefined, f, 'Đơn vị thời gian', 'working_hours'),
          },
        });
      }
    }
  }
  return { records: [...records.values()], problems };
}

/** The e-form column: a JSON list of fields (its shape is checked with the whole record on import). */
function readEForm(text: string, onError: () => void): EFormField[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed as EFormField[];
  } catch {
    // reported below
  }
  onError();
  return [];
}
