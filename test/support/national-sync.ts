/**
 * The live sync with the national portal in tests (issue 21): the simulator on a port of its own and the settings that
 * point motcua at it, counter dossiers received and moved on by the ward's officials, and the check that the portal
 * holds exactly what motcua holds (the record's key fields and every progress entry, in order, once).
 */
import { expect } from 'vitest';
import type { Client, TestApp } from './app.js';
import { receivedComponents } from './intake.js';
import { startPortalSimulator } from '../../src/infrastructure/national-portal/portal-simulator.js';
import { progressKey, type SyncDeps } from '../../src/application/national-sync/sync-to-portal.js';
import { syncRecordsByIds } from '../../src/application/dossier/sync-export.js';
import { loadPortalMapping } from '../../src/application/national-sync/portal-mapping.js';

export const SYNC_WARD = '000.00.31.H37';
export const SYNC_PROCEDURE = '1.001193';
const applicant = { fullName: 'Nông Thị Lan', personalId: '020190004512', address: 'Thôn Nà Chuông', phone: '0912000222', email: null };

/** The simulator on a free port, and NATIONAL_PORTAL for an app that syncs to it. */
export async function portalForTests(options: { slowMs?: number; timeoutMs?: number } = {}) {
  const sim = await startPortalSimulator({ port: 0, username: 'motcua', password: 'bí-mật', slowMs: options.slowMs ?? 900 });
  const settings = {
    baseUrl: sim.url,
    authPath: '/auth',
    integrationPath: '/integration',
    username: 'motcua',
    password: 'bí-mật',
    dstcode: 'H37',
    agencyId: '000.00.00.H37',
    timeoutMs: options.timeoutMs ?? 500,
  };
  return { sim, env: { NATIONAL_PORTAL: JSON.stringify(settings) } };
}

/** A counter dossier of the ward, accepted at once. */
export async function receiveAtWard(desk: Client): Promise<{ id: string; code: string }> {
  const res = await desk.request('POST', '/api/v1/dossiers', {
    procedureCode: SYNC_PROCEDURE,
    channel: 'counter',
    applicant,
    components: receivedComponents(SYNC_PROCEDURE),
    accept: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

interface Seen {
  seq: number;
  availableActions: string[];
  currentStep: { index: number } | null;
  template: unknown[];
}

/** One more action on the dossier: the next one an official is offered (claim, transfer onward, approve); false when none is. */
export async function advance(officials: readonly Client[], id: string): Promise<boolean> {
  for (const client of officials) {
    const d = (await client.request('GET', `/api/v1/dossiers/${id}`)).json() as Seen;
    const type = ['claim', 'transfer', 'approve'].find((t) => d.availableActions.includes(t));
    if (!type) continue;
    const body: Record<string, unknown> = { type, expectedSeq: d.seq };
    if (type !== 'claim') body.note = null;
    if (type === 'transfer') body.toStep = Math.min((d.currentStep?.index ?? 0) + 1, d.template.length - 1);
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
    return true;
  }
  return false;
}

/** The portal holds exactly motcua's record and history of each dossier: returns how many progress entries were compared. */
export async function expectSameOnPortal(
  app: TestApp,
  deps: SyncDeps,
  sim: { dossier(code: string): { record: Record<string, unknown>; progress: { ThoiDiemXuLy: string; NoiDungXuLy: string; TrangThai: string }[] } | null },
  ids: readonly string[],
): Promise<number> {
  const portal = await loadPortalMapping(app.database.db);
  let entries = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const records = await syncRecordsByIds(deps, ids.slice(i, i + 200), { publicUrl: app.baseUrl, portal });
    for (const mine of records.values()) {
      const theirs = sim.dossier(mine.MaHoSo);
      expect(theirs, mine.MaHoSo).not.toBeNull();
      expect(theirs!.record.TrangThaiHoSo, mine.MaHoSo).toBe(mine.TrangThaiHoSo);
      expect(theirs!.record.NgayTiepNhan, mine.MaHoSo).toBe(mine.NgayTiepNhan);
      expect(theirs!.progress.map(progressKey), mine.MaHoSo).toEqual(mine.QuaTrinhXuLy.map(progressKey));
      entries += mine.QuaTrinhXuLy.length;
    }
  }
  return entries;
}
