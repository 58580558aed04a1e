/** `motcua catalogue export|import`: the catalogue as JSON or XLSX files, with progress and a per-row report. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../infrastructure/db/database.js';
import { migrate } from '../infrastructure/db/migrator.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { loadCatalogueDirectory } from '../application/catalogue/catalogue-directory.js';
import { exportCatalogue, importCatalogue } from '../application/catalogue/catalogue-transfer.js';
import { readCatalogueFile } from '../application/catalogue/read-catalogue-file.js';
import { vietnamDate } from '../domain/calendar/vietnam-time.js';
import { catalogueToXlsx } from '../infrastructure/catalogue-xlsx.js';
import { ERROR_MESSAGES } from '../domain/errors/error-codes.js';

export const CATALOGUE_USAGE = `  catalogue export [--format json|xlsx] [--at yyyy-MM-dd] --out FILE
                                            xuất danh mục thủ tục đang có hiệu lực
  catalogue import FILE.json|FILE.xlsx (--dry-run | --decision SỐ --issued-on yyyy-MM-dd --signer "Người ký"
                   --effective-from yyyy-MM-dd [--unit MÃ_ĐƠN_VỊ])
                                            kiểm tra từng dòng; lập dự thảo quyết định công bố cho thủ tục mới/sửa đổi`;

export class CatalogueUsageError extends Error {}

export async function runCatalogueCommand(database: Database, sub: string | undefined, rest: string[], out: (line: string) => void): Promise<number> {
  await migrate(database);
  const now = () => new Date();
  const units = await loadUnitDirectory(database.db);
  const catalogue = await loadCatalogueDirectory(database.db, units, now);
  const deps = { db: database.db, units, clock: now, catalogue };
  if (sub === 'export') {
    const { values } = parseArgs({
      args: rest,
      options: { format: { type: 'string', default: 'json' }, at: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    if (values.format !== 'json' && values.format !== 'xlsx') throw new CatalogueUsageError('--format phải là json hoặc xlsx');
    if (!values.out) throw new CatalogueUsageError('cần --out FILE');
    const data = exportCatalogue(catalogue, values.at ?? vietnamDate(now()));
    writeFileSync(values.out, values.format === 'xlsx' ? await catalogueToXlsx(data.procedures) : `${JSON.stringify(data, null, 2)}\n`);
    out(`Đã xuất ${data.procedures.length} thủ tục có hiệu lực ngày ${data.at} vào ${values.out}.`);
    return 0;
  }
  if (sub !== 'import') throw new CatalogueUsageError(`lệnh không hợp lệ: catalogue ${sub ?? ''}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      decision: { type: 'string' },
      'issued-on': { type: 'string' },
      signer: { type: 'string' },
      'effective-from': { type: 'string' },
      unit: { type: 'string' },
    },
    strict: true,
  });
  const file = positionals[0];
  if (!file) throw new CatalogueUsageError('cần tên tệp JSON hoặc XLSX');
  const dryRun = values['dry-run'] === true;
  if (!dryRun && (!values.decision || !values['issued-on'] || !values.signer || !values['effective-from'])) {
    throw new CatalogueUsageError('cần --decision, --issued-on, --signer và --effective-from (hoặc --dry-run)');
  }
  let read: Awaited<ReturnType<typeof readCatalogueFile>>;
  try {
    const bytes = readFileSync(file);
    read = await readCatalogueFile(file.toLowerCase().endsWith('.xlsx') ? bytes : JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new CatalogueUsageError(`không đọc được ${file}: ${(error as Error).message}`);
  }
  if (!read.ok) {
    const reason = (read.error.details as { message: string }[] | undefined)?.[0]?.message ?? read.error.message;
    if (read.error.code === 'ARCHIVE_LIMITS_EXCEEDED') {
      out(`Lỗi ARCHIVE_LIMITS_EXCEEDED: ${reason}`);
      return 1;
    }
    throw new CatalogueUsageError(`không đọc được ${file}: ${reason.charAt(0).toLocaleLowerCase('vi')}${reason.slice(1)}`);
  }
  const { records, readProblems } = read.value;
  const province =
    units
      .tree()
      .all()
      .find((u) => u.level === 'province' && u.parentCode === null)?.code ?? '';
  const decision = dryRun
    ? null
    : {
        number: values.decision!,
        issuedOn: values['issued-on']!,
        signer: values.signer!,
        unitCode: values.unit ?? province,
        effectiveFrom: values['effective-from']!,
      };
  const result = await importCatalogue(deps, {
    records,
    readProblems,
    decision,
    meta: { actor: null, ip: null, requestId: 'cli' },
    trusted: true,
    onProgress: (done, total) => process.stderr.write(`\rĐã kiểm tra ${done}/${total} thủ tục…`),
  });
  process.stderr.write('\n');
  if (!result.ok) {
    for (const d of (result.error.details as { path: string; message: string }[] | undefined) ?? []) out(`  ${d.path}: ${d.message}`);
    out(`Lỗi ${result.error.code}: ${ERROR_MESSAGES[result.error.code]}`);
    return 1;
  }
  const r = result.value;
  for (const p of r.problems.slice(0, 200))
    out(`  ${p.sheet ? `${p.sheet}, ` : ''}dòng ${p.row}${p.code ? ` (${p.code})` : ''}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
  if (r.problems.length > 200) out(`  … và ${r.problems.length - 200} lỗi nữa`);
  out(`${r.total} thủ tục: ${r.valid} hợp lệ (${r.new} mới, ${r.amended} sửa đổi, ${r.unchanged} không đổi), ${r.invalid} có lỗi.`);
  if (r.decisionId) out(`Đã lập dự thảo quyết định ${values.decision} (id ${r.decisionId}); kiểm tra và công bố trong trang Quyết định công bố.`);
  else if (!dryRun) out('Không có thay đổi nào để lập quyết định.');
  return r.invalid > 0 ? 1 : 0;
}
