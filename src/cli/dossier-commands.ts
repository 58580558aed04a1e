/**
 * `motcua import dossiers FILE.json` and `motcua export dossiers --from … --to … [--out FILE]`: dossiers in
 * the national portal's sync format (CONTRACT). The export writes only the JSON to standard output (one
 * record per line) unless --out is given; progress and messages go to standard error.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../infrastructure/db/database.js';
import { migrate } from '../infrastructure/db/migrator.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { loadCatalogueDirectory } from '../application/catalogue/catalogue-directory.js';
import { loadCalendarDirectory } from '../application/calendar/calendar-directory.js';
import { exportDossierBatches, periodBounds } from '../application/dossier/sync-export.js';
import { importDossiers } from '../application/dossier/sync-import.js';
import { loadPortalMapping } from '../application/national-sync/portal-mapping.js';
import type { PersonalDataCipher } from '../application/personal-data.js';

export const DOSSIER_USAGE = `  import dossiers FILE.json                 nhập hồ sơ theo định dạng đồng bộ của Cổng DVC quốc gia (mảng HoSoDongBoDVC);
                                            báo lỗi từng hồ sơ; nhập lại cùng tệp không thay đổi gì
  export dossiers --from yyyy-MM-dd --to yyyy-MM-dd [--out FILE]
                                            xuất hồ sơ nộp trong khoảng ngày, cùng định dạng (mặc định ra đầu ra chuẩn)`;

export class DossierUsageError extends Error {}

const MAX_LISTED_PROBLEMS = 500;

export async function runDossierCommand(
  database: Database,
  verb: 'import' | 'export',
  sub: string | undefined,
  rest: string[],
  out: (line: string) => void,
  /** PUBLIC_URL: exported file links are under it. */
  publicUrl: string,
  /** Opens the ID numbers the national portal needs, seals those imported. */
  personalData: PersonalDataCipher,
): Promise<number> {
  if (sub !== 'dossiers') throw new DossierUsageError(`lệnh không hợp lệ: ${verb} ${sub ?? ''}`);
  return verb === 'export' ? exportCommand(database, rest, out, publicUrl, personalData) : importCommand(database, rest, out, personalData);
}

async function exportCommand(
  database: Database,
  rest: string[],
  out: (line: string) => void,
  publicUrl: string,
  personalData: PersonalDataCipher,
): Promise<number> {
  const { values } = parseArgs({ args: rest, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.from || !values.to) throw new DossierUsageError('cần --from yyyy-MM-dd và --to yyyy-MM-dd');
  const bounds = periodBounds(values.from, values.to);
  if (!bounds) throw new DossierUsageError(`khoảng ngày không hợp lệ: ${values.from} → ${values.to} (ngày có thật, dạng yyyy-MM-dd, from không sau to)`);
  await migrate(database);
  const now = () => new Date();
  const units = await loadUnitDirectory(database.db);
  const catalogue = await loadCatalogueDirectory(database.db, units, now);
  const file = values.out ? openSync(values.out, 'w') : null;
  const write = (line: string) => (file === null ? out(line) : writeSync(file, `${line}\n`));
  let count = 0;
  let pending: string | null = null;
  try {
    write('[');
    for await (const batch of exportDossierBatches(
      { db: database.db, units, clock: now, catalogue, personalData },
      // The province's status and unit mapping, as the live sync sends them (issue 21).
      { start: bounds.start, end: bounds.end, scopeUnits: null, publicUrl, portal: await loadPortalMapping(database.db) },
    )) {
      for (const record of batch) {
        if (pending !== null) write(`${pending},`);
        pending = JSON.stringify(record);
        count++;
      }
      process.stderr.write(`\rĐã xuất ${count} hồ sơ…`);
    }
    if (pending !== null) write(pending);
    write(']');
  } finally {
    if (file !== null) closeSync(file);
  }
  process.stderr.write(`${count > 0 ? '\n' : ''}Đã xuất ${count} hồ sơ nộp từ ${values.from} đến ${values.to}${values.out ? ` vào ${values.out}` : ''}.\n`);
  return 0;
}

async function importCommand(database: Database, rest: string[], out: (line: string) => void, personalData: PersonalDataCipher): Promise<number> {
  const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {}, strict: true });
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new DossierUsageError('cách dùng: motcua import dossiers FILE.json');
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DossierUsageError(`không đọc được ${path}: ${(error as Error).message}`);
  }
  if (!Array.isArray(records)) throw new DossierUsageError(`${path}: cần một mảng JSON các hồ sơ HoSoDongBoDVC`);
  await migrate(database);
  const now = () => new Date();
  const units = await loadUnitDirectory(database.db);
  const catalogue = await loadCatalogueDirectory(database.db, units, now);
  const calendars = await loadCalendarDirectory(database.db, units);
  const report = await importDossiers(
    { db: database.db, units, clock: now, catalogue, calendars, personalData },
    { records, meta: { actor: null, ip: null, requestId: 'cli' }, onProgress: (done, total) => process.stderr.write(`\rĐã nhập ${done}/${total} hồ sơ…`) },
  );
  if (report.total > 0) process.stderr.write('\n');
  for (const p of report.problems.slice(0, MAX_LISTED_PROBLEMS)) out(`  bản ghi ${p.index}${p.code ? ` (${p.code})` : ''}: ${p.message}`);
  if (report.problems.length > MAX_LISTED_PROBLEMS) out(`  … và ${report.problems.length - MAX_LISTED_PROBLEMS} lỗi nữa`);
  for (const n of report.notes.slice(0, MAX_LISTED_PROBLEMS)) out(`  bản ghi ${n.index}${n.code ? ` (${n.code})` : ''}, lưu ý: ${n.message}`);
  if (report.notes.length > MAX_LISTED_PROBLEMS) out(`  … và ${report.notes.length - MAX_LISTED_PROBLEMS} lưu ý nữa`);
  out(`${report.total} hồ sơ: nhập mới ${report.imported}, không đổi ${report.unchanged}, lỗi ${report.failed}.`);
  return report.failed > 0 ? 1 : 0;
}
