/**
 * The procedure record of a decision item, edited as JSON text: parsing with Vietnamese messages, a shape
 * check mirroring what the server accepts (so that a draft is not refused with a 400), a template for a
 * new procedure, and the completeness of parts a–h and of the process template, computed in the browser
 * with the same domain rules the server applies.
 */
import { DURATION_UNITS } from '../../../domain/calendar/working-time.js';
import { EFORM_FIELD_TYPES, PREFILL_SOURCES } from '../../../domain/data-vault/e-form.js';
import { CONSTITUENT_PARTS, publicationProblems, type ConstituentPart } from '../../../domain/catalogue/completeness.js';
import {
  BUDGET_UNITS,
  CHANNELS,
  COMPONENT_FORMS,
  FEE_COLLECTED_AT,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  PROCEDURE_LEVELS,
  STEP_ROLES,
  SUBJECTS,
  type ProcedureRecord,
} from '../../../domain/catalogue/procedure.js';

export interface ShapeProblem {
  path: string;
  message: string;
}

type Check = (value: unknown, path: string, out: ShapeProblem[]) => void;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function str(options: { nullable?: boolean; nonEmpty?: boolean } = {}): Check {
  return (value, path, out) => {
    if (value === null && options.nullable) return;
    if (typeof value !== 'string') out.push({ path, message: options.nullable ? 'phải là chuỗi ký tự hoặc null' : 'phải là chuỗi ký tự' });
    else if (options.nonEmpty && value.trim() === '') out.push({ path, message: 'không được để trống' });
  };
}

const bool: Check = (value, path, out) => {
  if (typeof value !== 'boolean') out.push({ path, message: 'phải là true hoặc false' });
};

function int(min: number): Check {
  return (value, path, out) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) out.push({ path, message: 'phải là số nguyên' });
    else if (value < min) out.push({ path, message: `phải từ ${min} trở lên` });
  };
}

function oneOf(values: readonly string[]): Check {
  return (value, path, out) => {
    if (typeof value !== 'string' || !values.includes(value)) out.push({ path, message: `phải là một trong: ${values.join(', ')}` });
  };
}

const isoDate: Check = (value, path, out) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) out.push({ path, message: 'ngày phải có dạng yyyy-MM-dd' });
};

function list(item: Check): Check {
  return (value, path, out) => {
    if (!Array.isArray(value)) {
      out.push({ path, message: 'phải là một danh sách [ … ]' });
      return;
    }
    value.forEach((entry, i) => item(entry, `${path}.${i}`, out));
  };
}

/** A field that may be left out. */
const OPTIONAL = new WeakSet<Check>();
function optional(check: Check): Check {
  const wrapped: Check = (value, path, out) => check(value, path, out);
  OPTIONAL.add(wrapped);
  return wrapped;
}

/** An object with exactly these fields: the server refuses unknown fields. */
function shape(fields: Record<string, Check>): Check {
  return (value, path, out) => {
    const at = (key: string) => (path === '' ? key : `${path}.${key}`);
    if (!isObject(value)) {
      out.push({ path: path || '(gốc)', message: 'phải là một đối tượng { … }' });
      return;
    }
    for (const [key, check] of Object.entries(fields)) {
      if (!(key in value)) {
        if (!OPTIONAL.has(check)) out.push({ path: at(key), message: 'thiếu trường này' });
      } else check(value[key], at(key), out);
    }
    for (const key of Object.keys(value)) {
      if (!(key in fields)) out.push({ path: at(key), message: 'trường không được phép, cần xóa' });
    }
  };
}

const procedureCode: Check = (value, path, out) => {
  if (typeof value !== 'string' || !PROCEDURE_CODE_PATTERN.test(value)) out.push({ path, message: 'mã thủ tục phải có dạng 1.001234 hoặc 2.001234' });
};

const RECORD_FIELDS = {
  code: procedureCode,
  onlineServiceCode: str({ nullable: true, nonEmpty: true }),
  name: str(),
  fieldCode: str({ nonEmpty: true }),
  level: oneOf(PROCEDURE_LEVELS),
  sequence: list(str()),
  methods: list(shape({ channel: oneOf(CHANNELS), timeLimit: shape({ amount: int(0), unit: oneOf(DURATION_UNITS) }), description: str() })),
  components: list(
    shape({
      code: str(),
      name: str(),
      form: oneOf(COMPONENT_FORMS),
      quantity: int(0),
      required: bool,
      template: str({ nullable: true }),
      replaceableBy: optional(list(str({ nonEmpty: true }))),
    }),
  ),
  subjects: list(oneOf(SUBJECTS)),
  agency: shape({ competentAuthority: str(), implementingUnitCodes: list(str()), coordinatingUnitCodes: list(str()) }),
  results: list(shape({ code: str(), name: str(), template: str({ nullable: true }) })),
  requirements: str({ nullable: true }),
  fees: list(shape({ name: str(), amount: int(0), collectedAt: oneOf(FEE_COLLECTED_AT), description: str() })),
  legalBases: list(shape({ number: str({ nonEmpty: true }), title: str(), effectiveFrom: isoDate })),
  onlineLevel: oneOf(ONLINE_LEVELS),
  fullOnlineEligible: bool,
  paperResultRequired: bool,
  locationIndependent: bool,
  processTemplate: list(
    shape({
      name: str(),
      role: oneOf(STEP_ROLES),
      unitCode: str({ nullable: true }),
      interAgency: bool,
      budget: shape({ amount: int(0), unit: oneOf(BUDGET_UNITS) }),
    }),
  ),
  eForm: optional(
    list(
      shape({
        key: str({ nonEmpty: true }),
        label: str({ nonEmpty: true }),
        type: oneOf(EFORM_FIELD_TYPES),
        required: bool,
        maxLength: optional(int(1)),
        options: optional(list(str())),
        prefill: optional(oneOf(PREFILL_SOURCES)),
      }),
    ),
  ),
  eidLevel2Required: optional(bool),
} satisfies Record<keyof ProcedureRecord, Check>;

const checkRecord = shape(RECORD_FIELDS);

export type ParsedRecord = { ok: true; record: ProcedureRecord } | { ok: false; syntaxError: string | null; problems: ShapeProblem[] };

/** "line 3, column 7" from the offset a JSON.parse message gives, when it gives one. */
function syntaxErrorAt(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (!position) return 'Nội dung không đúng cú pháp JSON.';
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split('\n');
  return `Nội dung không đúng cú pháp JSON ở dòng ${before.length}, cột ${(before.at(-1)?.length ?? 0) + 1}.`;
}

/** The record in `text`, or why it cannot be sent: a JSON syntax error or fields of the wrong shape. */
export function parseRecordText(text: string): ParsedRecord {
  if (text.trim() === '') return { ok: false, syntaxError: 'Chưa có nội dung thủ tục.', problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, syntaxError: syntaxErrorAt(text, error), problems: [] };
  }
  const problems: ShapeProblem[] = [];
  checkRecord(value, '', problems);
  return problems.length > 0 ? { ok: false, syntaxError: null, problems } : { ok: true, record: value as ProcedureRecord };
}

export function recordToText(record: ProcedureRecord): string {
  return JSON.stringify(record, null, 2);
}

/** The record part of GET /procedures/{code}: without the display-only fieldName and versionInfo. */
export function recordFromDetail(detail: ProcedureRecord & { fieldName?: unknown; versionInfo?: unknown }): ProcedureRecord {
  const record: Partial<ProcedureRecord> = {};
  for (const key of Object.keys(RECORD_FIELDS) as (keyof ProcedureRecord)[]) {
    (record as Record<string, unknown>)[key] = detail[key];
  }
  return record as ProcedureRecord;
}

/**
 * A starting point for a new procedure: the structure complete, the content to write. The process steps
 * add up to the 10 working days of the counter channel, so that the budget rule holds from the start.
 */
export function templateRecord(code: string): ProcedureRecord {
  const step = (name: string, role: ProcedureRecord['processTemplate'][number]['role'], amount: number, unit: 'working_days' | 'working_hours') => ({
    name,
    role,
    unitCode: null,
    interAgency: false,
    budget: { amount, unit },
  });
  return {
    code,
    onlineServiceCode: null,
    name: '',
    fieldCode: '',
    level: 'province',
    sequence: [],
    methods: [{ channel: 'counter', timeLimit: { amount: 10, unit: 'working_days' }, description: 'Nộp trực tiếp tại Bộ phận Một cửa' }],
    components: [],
    subjects: ['citizen'],
    agency: { competentAuthority: '', implementingUnitCodes: [], coordinatingUnitCodes: [] },
    results: [],
    requirements: null,
    fees: [],
    legalBases: [],
    onlineLevel: 'none',
    fullOnlineEligible: false,
    paperResultRequired: true,
    locationIndependent: false,
    processTemplate: [
      step('Tiếp nhận hồ sơ', 'desk_officer', 4, 'working_hours'),
      step('Thẩm định, xử lý hồ sơ', 'specialist', 8, 'working_days'),
      step('Phê duyệt kết quả', 'leader', 1, 'working_days'),
      step('Trả kết quả', 'desk_officer', 4, 'working_hours'),
    ],
  };
}

export interface PartStatus {
  part: ConstituentPart;
  label: string;
  /** Empty when the part is complete. */
  problems: string[];
}

export interface Completeness {
  parts: PartStatus[];
  /** The process template: steps, and their budgets adding up to the time limit. */
  process: string[];
  complete: boolean;
}

/** Parts a–h one by one, and the process template, from the domain's publication rules. */
export function completeness(record: ProcedureRecord): Completeness {
  const problems = publicationProblems(record);
  const parts = (Object.keys(CONSTITUENT_PARTS) as ConstituentPart[]).map((part) => ({
    part,
    label: CONSTITUENT_PARTS[part],
    problems: [...new Set(problems.filter((p) => p.part === part).map((p) => p.message))],
  }));
  const process = problems.filter((p) => p.part === 'process').map((p) => p.message);
  return { parts, process, complete: problems.length === 0 };
}
