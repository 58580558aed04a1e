/**
 * `motcua portal sync [--once]` and `motcua portal reconcile`: the live sync with the national portal (issue 21) from
 * the command line, for an operator draining a backlog by hand or a deployment that runs the sync as its own
 * process (PORTAL_SYNC_POLL_MS=0 on the web servers). The same use cases as the server's jobs; progress on stderr.
 */
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/env.js';
import type { Database } from '../infrastructure/db/database.js';
import { migrate } from '../infrastructure/db/migrator.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { loadCatalogueDirectory } from '../application/catalogue/catalogue-directory.js';
import { personalDataCipherOf } from '../infrastructure/crypto/personal-data-cipher.js';
import { createDataExchange } from '../infrastructure/data-exchange/data-exchange.js';
import { closedCircuit, syncToPortal, type SyncDeps } from '../application/national-sync/sync-to-portal.js';
import { reconcileWithPortal } from '../application/national-sync/reconcile-with-portal.js';

export const PORTAL_USAGE = `  portal sync [--once]                      gửi các hồ sơ chờ đồng bộ lên Cổng DVCQG (NATIONAL_PORTAL); không có --once:
                                            chạy liên tục đến khi dừng (Ctrl+C), như tác vụ đồng bộ của máy chủ
  portal reconcile                          đối soát với Cổng (TraCuuHoSo): đưa hồ sơ Cổng thiếu hoặc có bản cũ vào hàng đợi gửi lại`;

export class PortalUsageError extends Error {}

export async function runPortalCommand(
  config: AppConfig,
  database: Database,
  sub: string | undefined,
  rest: string[],
  out: (line: string) => void,
): Promise<number> {
  if (sub !== 'sync' && sub !== 'reconcile') throw new PortalUsageError(`lệnh không hợp lệ: portal ${sub ?? ''}`);
  const { values } = parseArgs({ args: rest, options: { once: { type: 'boolean', default: false } }, strict: true });
  const { nationalPortal } = createDataExchange(config.dataExchange);
  if (!nationalPortal) {
    out('Chưa cấu hình NATIONAL_PORTAL (hoặc đặt "off"): không có Cổng để đồng bộ.');
    return 1;
  }
  await migrate(database);
  const clock = () => new Date();
  const units = await loadUnitDirectory(database.db);
  const deps: SyncDeps = {
    db: database.db,
    units,
    clock,
    catalogue: await loadCatalogueDirectory(database.db, units, clock),
    personalData: personalDataCipherOf(config),
    portal: nationalPortal,
  };
  if (sub === 'reconcile') {
    const run = await reconcileWithPortal(deps, {
      trigger: 'button',
      publicUrl: config.publicUrl,
      onProgress: (checked) => process.stderr.write(`\rĐã đối soát ${checked.toLocaleString('vi-VN')} hồ sơ…`),
    });
    process.stderr.write('\n');
    out(`Đối soát: ${run.checked} hồ sơ; Cổng thiếu ${run.missing}, có bản cũ ${run.stale}; đưa vào hàng đợi gửi lại ${run.resent}.`);
    if (run.error) out(`Dừng giữa chừng: ${run.error}`);
    return run.error ? 1 : 0;
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const circuit = closedCircuit();
  let synced = 0;
  try {
    while (!stop.signal.aborted) {
      const run = await syncToPortal(deps, { publicUrl: config.publicUrl, signal: stop.signal }, circuit);
      synced += run.synced;
      if (run.claimed > 0)
        process.stderr.write(`\rĐã đồng bộ ${synced.toLocaleString('vi-VN')} hồ sơ${run.lastError ? ` (lỗi gần nhất: ${run.lastError})` : ''}…`);
      if (values.once && (run.claimed === 0 || run.unavailable > 0)) break;
      if (run.claimed === 0 || run.unavailable > 0) await new Promise((r) => setTimeout(r, Math.max(200, circuit.pausedUntil - Date.now())));
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.stderr.write('\n');
  out(`Đã đồng bộ ${synced} hồ sơ lên Cổng Dịch vụ công quốc gia.`);
  return 0;
}
