/**
 * `motcua stats rebuild | verify | drain` and `motcua scorecard formula list | add FILE.json`: the operator's
 * hold on the real-time statistics and the versioned Decision 766 formulas.
 */
import { readFileSync } from 'node:fs';
import type { Database } from '../infrastructure/db/database.js';
import { migrate } from '../infrastructure/db/migrator.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { drainStatQueue } from '../application/scorecard/statistics.js';
import { compareWithRebuild, rebuildStatistics } from '../application/scorecard/statistics-rebuild.js';
import { backfillSettlementTimes } from '../application/scorecard/settlement-times.js';
import { loadCalendarDirectory } from '../application/calendar/calendar-directory.js';
import { addFormulaVersion, listFormulaVersions } from '../application/scorecard/formula-versions.js';
import { ERROR_MESSAGES } from '../domain/errors/error-codes.js';

export const STATS_USAGE = `  stats rebuild                             tính lại toàn bộ số liệu thống kê, chỉ số 766 từ hồ sơ (một lượt SQL)
  stats verify                              xử lý hết hàng đợi rồi so số liệu đang có với một lần tính lại; mã thoát 3 nếu lệch
  stats drain                               xử lý hết hàng đợi thống kê (khi không có máy chủ nào đang chạy)
  scorecard formula list                    liệt kê các phiên bản công thức tính chỉ số 766
  scorecard formula add FILE.json           thêm một phiên bản công thức (JSON như GET /api/v1/scorecard/formulas)`;

export class StatsUsageError extends Error {}

export async function runStatsCommand(
  database: Database,
  command: 'stats' | 'scorecard',
  sub: string | undefined,
  rest: string[],
  out: (line: string) => void,
): Promise<number> {
  await migrate(database);
  const db = database.db;
  if (command === 'scorecard') {
    if (sub !== 'formula') throw new StatsUsageError(`lệnh không hợp lệ: scorecard ${sub ?? ''}`);
    const [verb, file] = rest;
    if (verb === 'list') {
      for (const v of await listFormulaVersions({ db }))
        out(`${v.id.padEnd(16)} hiệu lực từ ${v.effectiveFrom}  ${v.groups.map((g) => `${g.id}:${g.maxPoints}`).join(' ')}`);
      return 0;
    }
    if (verb !== 'add' || !file) throw new StatsUsageError('cách dùng: scorecard formula add FILE.json');
    const units = await loadUnitDirectory(db);
    const result = await addFormulaVersion(
      { db, units, clock: () => new Date() },
      { definition: JSON.parse(readFileSync(file, 'utf8')) as unknown, meta: { actor: null, ip: null, requestId: 'cli' }, trusted: true },
    );
    if (!result.ok) {
      out(`${ERROR_MESSAGES[result.error.code]}`);
      for (const d of (result.error.details as { message: string }[] | undefined) ?? []) out(`  - ${d.message}`);
      return 1;
    }
    out(`Đã thêm phiên bản ${result.value.id}, có hiệu lực từ ${result.value.effectiveFrom}.`);
    return 0;
  }
  switch (sub ?? '') {
    case 'rebuild': {
      // Settlement times of dossiers finished before they were kept, so that the rebuild counts them.
      const units = await loadUnitDirectory(db);
      const backfilled = await backfillSettlementTimes(
        { db, calendars: await loadCalendarDirectory(db, units) },
        { onProgress: (n) => process.stderr.write(`\rĐã tính thời gian giải quyết của ${n.toLocaleString('vi-VN')} hồ sơ…`) },
      );
      if (backfilled > 0) process.stderr.write('\n');
      const r = await rebuildStatistics(db);
      out(
        `Đã tính lại số liệu của ${r.dossiers.toLocaleString('vi-VN')} hồ sơ (${r.rows.toLocaleString('vi-VN')} dòng tổng hợp) trong ${(r.milliseconds / 1000).toFixed(1)} giây.`,
      );
      return 0;
    }
    case 'drain':
    case 'verify': {
      const units = await loadUnitDirectory(db);
      const drained = await drainStatQueue({ db, units }, (n) => process.stderr.write(`\rĐã xử lý ${n.toLocaleString('vi-VN')} hồ sơ trong hàng đợi…`));
      if (drained > 0) process.stderr.write('\n');
      if (sub === 'drain') {
        out(`Hàng đợi thống kê đã trống (${drained.toLocaleString('vi-VN')} hồ sơ được cập nhật).`);
        return 0;
      }
      const { dossiers, differences } = await compareWithRebuild(db);
      if (differences.length === 0) {
        out(`Số liệu thống kê khớp với tính lại từ ${dossiers.toLocaleString('vi-VN')} hồ sơ.`);
        return 0;
      }
      out(`SỐ LIỆU LỆCH so với tính lại (${differences.length} dòng đầu):`);
      for (const d of differences) out(`  ${d.table} ${d.key}: đang có ${d.live}, tính lại ${d.fresh}`);
      out('Chạy "motcua stats rebuild" để thay bằng số liệu tính lại.');
      return 3;
    }
    default:
      throw new StatsUsageError(`lệnh không hợp lệ: stats ${sub ?? ''}`);
  }
}
