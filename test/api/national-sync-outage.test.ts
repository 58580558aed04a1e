/**
 * The outage test of issue 21 at the suite's scale (bench/portal-outage.ts runs it at 10,000 actions with a 5-minute
 * outage): while officials act on dossiers, the national portal's simulator is down, then slow past the client's
 * timeout, then flaky (down, 5xx, lost acknowledgements, slow); the sync keeps running as the server runs it. After
 * the portal recovers, the queue drains and the portal holds every dossier exactly as motcua does: nothing lost,
 * nothing twice, every dossier's progress in order; and 1.4 equals the portal's own count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { expectSameOnPortal, portalForTests, SYNC_WARD } from '../support/national-sync.js';
import { runOutage } from '../support/portal-outage.js';
import type { SyncDeps } from '../../src/application/national-sync/sync-to-portal.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';

const ACTIONS = Number(process.env.PORTAL_OUTAGE_ACTIONS ?? 400);

describe('the national portal down, slow and flaky while dossiers move (pglite)', () => {
  let app: TestApp;
  let portal: Awaited<ReturnType<typeof portalForTests>>;
  let officials: Client[];
  let deps: SyncDeps;

  beforeAll(async () => {
    portal = await portalForTests({ slowMs: 700, timeoutMs: 400 });
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000', ...portal.env } });
    officials = [
      await Client.official(app, 'motcua.tamthanh'),
      await Client.official(app, 'chuyenvien.tamthanh'),
      await Client.official(app, 'lanhdao.tamthanh'),
    ];
    deps = { ...app.ctx.deps, portal: app.ctx.deps.nationalPortal! };
  });
  afterAll(async () => {
    await portal.sim.close();
    await app.stop();
  });

  it('loses nothing, writes nothing twice, keeps each dossier’s order, and 1.4 equals the portal’s count', { timeout: 300_000 }, async () => {
    const outcome = await runOutage(app, deps, portal.sim.simulator, officials, {
      actions: ACTIONS,
      phases: [
        { fault: 'down', ms: 2_000 },
        { fault: 'slow', ms: 1_500 },
        { fault: 'flaky', ms: 2_000, rate: 0.4 },
      ],
    });
    console.log(`${outcome.actions} thao tác trên ${outcome.dossiers.length} hồ sơ; hàng đợi trống ${outcome.drainMs} ms sau khi Cổng hoạt động lại`);
    expect(outcome.actions).toBeGreaterThanOrEqual(ACTIONS);
    const entries = await expectSameOnPortal(app, deps, portal.sim.simulator, outcome.dossiers);
    // Every action is one progress entry on the portal, once.
    expect(entries).toBe(outcome.actions);
    expect(portal.sim.simulator.dossierCodes()).toHaveLength(outcome.dossiers.length);
    const today = vietnamDate(new Date());
    await drainStatQueue(app.ctx.deps);
    const monitor = await Client.official(app, 'giamsat');
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${SYNC_WARD}&from=${today}&to=${today}`)).json() as {
      groups: { indicators: { id: string; numerator: number; denominator: number }[] }[];
    };
    const i14 = card.groups.flatMap((g) => g.indicators).find((i) => i.id === '1.4')!;
    expect(i14).toMatchObject({ numerator: portal.sim.simulator.indicator14(today, today)[SYNC_WARD], denominator: outcome.dossiers.length });
  });
});
