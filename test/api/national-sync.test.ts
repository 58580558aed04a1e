/**
 * The live sync with the national portal (issue 21) on both engines, against the portal's simulator on a port of its
 * own: every dossier and every action reaches it in order; each fault of the simulator (down, 5xx, slow past the
 * timeout, an acknowledgement lost after the write, a duplicated acknowledgement, "already exists", an expired
 * session) leaves the portal holding exactly what motcua holds, nothing lost and nothing twice; a record the portal
 * refuses is parked without holding back the others and sent again on demand; reconciliation repairs dossiers
 * deleted from the portal; the mapping table changes what is sent; indicator 1.4 equals the simulator's own count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { advance as moveOn, expectSameOnPortal, portalForTests, receiveAtWard, SYNC_WARD } from '../support/national-sync.js';
import { driveToApproval } from '../support/workflow.js';
import type { PortalSimulator } from '../../src/infrastructure/national-portal/portal-simulator.js';
import { closedCircuit, syncToPortal, type SyncDeps } from '../../src/application/national-sync/sync-to-portal.js';
import { reconcileWithPortal } from '../../src/application/national-sync/reconcile-with-portal.js';
import { drainStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import type { NationalPortal } from '../../src/domain/national-sync/portal-port.js';
import type { PortalReconciliation, PortalMapping, PortalSyncReport, ConnectionList, ParkedSyncList } from '../../src/contract/national-portal.js';

const WARD = SYNC_WARD;
const NO_WAIT = { baseMs: 0, capMs: 0, parkAfter: 2 };

describe.each(ENGINES)('live sync with the national portal on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let monitor: Client;
  let admin: Client;
  let sim: { url: string; simulator: PortalSimulator; close(): Promise<void> };
  let portal: NationalPortal;
  let deps: SyncDeps;

  const sync = (over: Partial<SyncDeps> = {}) =>
    syncToPortal({ ...deps, ...over }, { publicUrl: app.baseUrl, retry: NO_WAIT, random: () => 0.5, batch: 500 }, closedCircuit());

  /** Runs the sync until nothing is left to send (or it stops making progress). */
  async function drain(over: Partial<SyncDeps> = {}) {
    for (let i = 0; i < 20; i++) {
      const run = await sync(over);
      if (run.claimed === 0) return;
    }
  }

  const receive = () => receiveAtWard(desk);
  const advance = (id: string) => moveOn([desk, specialist, leader], id);
  const expectSame = (id: string) => expectSameOnPortal(app, deps, sim.simulator, [id]);

  beforeAll(async () => {
    const portalSetup = await portalForTests();
    sim = portalSetup.sim;
    // The sync job stays off (PORTAL_SYNC_POLL_MS=0 in tests): the test runs it, one run at a time.
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', ...portalSetup.env } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    monitor = await Client.official(app, 'giamsat');
    admin = await Client.official(app, 'admin');
    portal = app.ctx.deps.nationalPortal!;
    deps = { ...app.ctx.deps, portal };
  });
  afterAll(async () => {
    await sim.close();
    await app.stop();
  });

  it('sends new dossiers and every action in order, and 1.4 equals the portal’s own count', async () => {
    const a = await receive();
    const b = await receive();
    await driveToApproval([desk, specialist, leader], b.id);
    await drain();
    await expectSame(a.id);
    await expectSame(b.id);
    expect(sim.simulator.dossier(b.code)!.progress.length).toBeGreaterThan(3);
    const today = vietnamDate(new Date());
    await drainStatQueue(app.ctx.deps);
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${WARD}&from=${today}&to=${today}`)).json() as {
      groups: { indicators: { id: string; numerator: number; denominator: number }[] }[];
    };
    const i14 = card.groups.flatMap((g) => g.indicators).find((i) => i.id === '1.4')!;
    expect(i14.numerator).toBe(sim.simulator.indicator14(today, today)[WARD]);
    expect(i14).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it.each([
    ['down', false],
    ['error5xx', false],
    ['slow', true],
    ['lostAck', true],
    ['duplicateAck', true],
  ] as const)('after the fault %s, the portal holds each action once', async (fault, writes) => {
    const d = await receive();
    await drain();
    const before = JSON.stringify(sim.simulator.dossier(d.code));
    await advance(d.id);
    sim.simulator.setFault(fault);
    const run = await sync();
    sim.simulator.setFault('none');
    expect(run.unavailable).toBe(1);
    // The faults that cut the answer after the write leave the portal changed; the others leave it as it was.
    expect(JSON.stringify(sim.simulator.dossier(d.code)) !== before).toBe(writes);
    const row = await app.database.db.selectFrom('portal_sync').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.in_doubt).toBe(true);
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 1000)); // the slow answer arrives after the client gave up
    await drain();
    await expectSame(d.id);
  });

  it('turns "already exists" into an update and logs in again when the session expired', async () => {
    const d = await receive();
    sim.simulator.setFault('exists');
    await drain();
    sim.simulator.setFault('none');
    await expectSame(d.id);
    await advance(d.id);
    sim.simulator.setFault('expiredSession');
    const run = await sync();
    expect(run).toMatchObject({ synced: 1, unavailable: 0 });
    await expectSame(d.id);
  });

  it('parks a record the portal refuses without holding back the others, and sends it again on demand', async () => {
    const bad = await receive();
    const good = await receive();
    const refusing: NationalPortal = {
      ...portal,
      syncDossier: (record, isUpdating) =>
        record.MaHoSo === bad.code ? Promise.resolve({ kind: 'refused', message: 'Dữ liệu không hợp lệ: MaTTHC' }) : portal.syncDossier(record, isUpdating),
    };
    await drain({ portal: refusing });
    await expectSame(good.id);
    expect(sim.simulator.dossier(bad.code)).toBeNull();
    const parked = (await monitor.request('GET', '/api/v1/national-sync/parked')).json() as z.infer<typeof ParkedSyncList>;
    expect(parked.items).toEqual([expect.objectContaining({ code: bad.code, attempts: 2, lastError: expect.stringContaining('MaTTHC') })]);
    // The drill-down from 1.4 lists the dossier the portal has not acknowledged, and why.
    await drainStatQueue(app.ctx.deps);
    const today = vietnamDate(new Date());
    const drill = await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=${WARD}&from=${today}&to=${today}&indicator=1.4&limit=100`);
    expect(drill.statusCode, drill.body).toBe(200);
    const listed = (drill.json() as { dossiers: { code: string; reasons?: unknown }[] }).dossiers;
    expect(listed.map((d) => d.code)).toEqual([bad.code]);
    expect(JSON.stringify(listed[0])).toContain('Chưa được Cổng Dịch vụ công quốc gia xác nhận đồng bộ');
    expect((await monitor.request('POST', `/api/v1/national-sync/parked/${bad.id}/retry`)).statusCode).toBe(403);
    expect((await admin.request('POST', `/api/v1/national-sync/parked/${bad.id}/retry`)).statusCode).toBe(200);
    await drain();
    await expectSame(bad.id);
  });

  it('reconciliation finds dossiers deleted from the portal and sends them again', async () => {
    const d = await receive();
    await advance(d.id);
    await drain();
    expect(sim.simulator.deleteDossier(d.code)).toBe(true);
    expect((await monitor.request('POST', '/api/v1/national-sync/reconcile')).statusCode).toBe(403);
    const res = await admin.request('POST', '/api/v1/national-sync/reconcile');
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json() as PortalReconciliation;
    expect(run).toMatchObject({ trigger: 'button', missing: 1, stale: 0, resent: 1, error: null });
    expect(run.checked).toBeGreaterThan(5);
    await drain();
    await expectSame(d.id);
    const again = await reconcileWithPortal(deps, { trigger: 'schedule', publicUrl: app.baseUrl });
    expect(again).toMatchObject({ missing: 0, stale: 0, resent: 0 });
  });

  it('maps statuses and units by the province’s table, and refuses an edit made against an old version', async () => {
    const read = (await monitor.request('GET', '/api/v1/national-sync/mapping')).json() as PortalMapping;
    expect(read.builtIn.find((b) => b.status === 'accepted')).toMatchObject({ portalCode: '2' });
    const body = {
      statuses: [{ status: 'accepted', subStatus: '', portalCode: '4' }],
      agencies: [{ unitCode: WARD, agencyId: 'H37.31.01' }],
      version: read.version,
    };
    expect((await monitor.request('PUT', '/api/v1/national-sync/mapping', body)).statusCode).toBe(403);
    const saved = await admin.request('PUT', '/api/v1/national-sync/mapping', body);
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await admin.request('PUT', '/api/v1/national-sync/mapping', { ...body, statuses: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'MAPPING_CHANGED' } });
    const d = await receive();
    await drain();
    expect(sim.simulator.dossier(d.code)!.record).toMatchObject({ TrangThaiHoSo: '4', DonViXuLy: 'H37.31.01' });
    await expectSame(d.id);
    const reset = await admin.request('PUT', '/api/v1/national-sync/mapping', { statuses: [], agencies: [], version: (saved.json() as PortalMapping).version });
    expect(reset.statusCode).toBe(200);
  });

  it('reports per unit and lists the connected systems', async () => {
    const today = vietnamDate(new Date());
    const res = await monitor.request('GET', `/api/v1/national-sync/report?from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as PortalSyncReport;
    const ward = report.units.find((u) => u.unitCode === WARD)!;
    expect(ward.received).toBeGreaterThan(5);
    expect(ward).toMatchObject({ synced: ward.received, pending: 0, failed: 0 });
    expect(report.queue).toMatchObject({ pending: 0, parked: 0, inDoubt: 0 });
    expect(report).toMatchObject({ configured: true, lastReconciliation: { trigger: 'schedule', missing: 0 } });
    const connections = (await monitor.request('GET', '/api/v1/system/connections')).json() as ConnectionList;
    expect(connections.items.map((c) => c.system)).toEqual([
      'nationalPortal',
      'populationRegistry',
      'nationalVault',
      'payments',
      'eReceipts',
      'signing',
      'mail',
    ]);
    expect(connections.items.find((c) => c.system === 'nationalPortal')).toMatchObject({ state: 'ok', queueDepth: 0 });
    expect((await desk.request('GET', '/api/v1/system/connections')).statusCode).toBe(403);
    // The same figures for Prometheus.
    const metrics = (await app.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    expect(metrics).toContain('motcua_connection_up{system="nationalPortal"} 1');
    expect(metrics).toContain('motcua_connection_queue_depth{system="nationalPortal"} 0');
    expect(metrics).toMatch(/motcua_connection_up\{system="payments"\} (1|-1)/);
  });
});
