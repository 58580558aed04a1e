/**
 * A kill -9 of motcua during the sync with the national portal (issue 21) loses nothing and writes nothing twice:
 * `motcua portal sync` runs as its own process against a PostgreSQL database (PGlite is one process's) while the
 * portal answers slowly, is killed with SIGKILL in the middle of its writes, and the sync then resumes (after the
 * dead process's claims run out): the portal ends up holding every dossier exactly as motcua does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { advance, expectSameOnPortal, portalForTests, receiveAtWard } from '../support/national-sync.js';
import { closedCircuit, syncToPortal, type SyncDeps } from '../../src/application/national-sync/sync-to-portal.js';

describe.runIf(ENGINES.includes('postgresql'))('kill -9 during the sync with the national portal (postgresql)', () => {
  let app: TestApp;
  let portal: Awaited<ReturnType<typeof portalForTests>>;
  let deps: SyncDeps;
  const ids: string[] = [];

  beforeAll(async () => {
    portal = await portalForTests({ slowMs: 120, timeoutMs: 6_000 });
    const testDb = await createTestDatabase('postgresql');
    app = await startTestApp('postgresql', { testDb, env: { LOGIN_RATE_LIMIT: '1000', ...portal.env } });
    const officials = [
      await Client.official(app, 'motcua.tamthanh'),
      await Client.official(app, 'chuyenvien.tamthanh'),
      await Client.official(app, 'lanhdao.tamthanh'),
    ];
    for (let i = 0; i < 60; i++) {
      const d = await receiveAtWard(officials[0]!);
      ids.push(d.id);
      await advance(officials, d.id);
      if (i % 2 === 0) await advance(officials, d.id);
    }
    deps = { ...app.ctx.deps, portal: app.ctx.deps.nationalPortal! };
  }, 120_000);
  afterAll(async () => {
    await portal.sim.close();
    await app.stop();
  });

  it('resumes after SIGKILL with every dossier on the portal once, in order', { timeout: 120_000 }, async () => {
    const sim = portal.sim.simulator;
    sim.setFault('slow');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'portal', 'sync'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: app.testDb.url!,
        NATIONAL_PORTAL: portal.env.NATIONAL_PORTAL,
        SEED: 'none',
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-kill-')),
      },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Killed once it is well into its writes: some dossiers on the portal, others not yet.
    const started = Date.now();
    while ((sim.requests().CapNhatTienDoHoSoMC ?? 0) < 15 && Date.now() - started < 60_000) await sleep(20);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const held = sim.dossierCodes().length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(ids.length);
    const inDoubt = await app.database.db.selectFrom('portal_sync').select('dossier_id').where('in_doubt', '=', true).execute();
    expect(inDoubt.length).toBeGreaterThan(0);
    // A slow answer the dead process never read still lands on the portal.
    await sleep(300);
    sim.setFault('none');
    // The dead process's claims run out (a minute): the sync resumes as it would a minute later.
    const later: SyncDeps = { ...deps, clock: () => new Date(Date.now() + 61_000) };
    for (let i = 0; i < 10; i++) if ((await syncToPortal(later, { publicUrl: app.baseUrl, batch: 500 }, closedCircuit())).claimed === 0) break;
    await expectSameOnPortal(app, deps, sim, ids);
    expect(sim.dossierCodes()).toHaveLength(ids.length);
  });
});
