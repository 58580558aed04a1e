/**
 * The outage scenario of issue 21 (used by test/api/national-sync-outage.test.ts at a small scale and by
 * bench/portal-outage.ts at 10,000 actions): while officials keep acting on dossiers, the portal's simulator is down,
 * then slow (past the client's timeout), then flaky; the sync runs all along as the server runs it (one run after
 * another, its circuit pausing while the portal is out of reach). Then the portal recovers and the time to drain the
 * backlog is measured. The caller then checks that the portal holds every dossier exactly as motcua does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Client, TestApp } from './app.js';
import { advance, receiveAtWard } from './national-sync.js';
import { closedCircuit, syncToPortal, type SyncDeps } from '../../src/application/national-sync/sync-to-portal.js';
import type { PortalFault, PortalSimulator } from '../../src/infrastructure/national-portal/portal-simulator.js';

export interface OutagePlan {
  /** Dossier actions to perform while the portal misbehaves. */
  actions: number;
  /** How long each phase lasts at least (the actions may take longer; the last phase then lasts until they are done). */
  phases: { fault: PortalFault; ms: number; rate?: number }[];
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface OutageOutcome {
  actions: number;
  dossiers: string[];
  /** From the portal's recovery to an empty queue (nothing pending, nothing in doubt). */
  drainMs: number;
  syncRuns: number;
}

async function queueEmpty(app: TestApp): Promise<boolean> {
  const row = await app.database.db
    .selectFrom('portal_sync')
    .select(sql<string>`count(*) filter (where version > synced_version or in_doubt)`.as('left'))
    .executeTakeFirstOrThrow();
  return Number(row.left) === 0;
}

export async function runOutage(app: TestApp, deps: SyncDeps, sim: PortalSimulator, officials: readonly Client[], plan: OutagePlan): Promise<OutageOutcome> {
  const log = plan.log ?? (() => undefined);
  let running = true;
  let syncRuns = 0;
  const circuit = closedCircuit();
  // The server's job: one run after another; a run finds the circuit open and returns at once while it waits.
  const loop = (async () => {
    while (running) {
      const run = await syncToPortal(deps, { publicUrl: app.baseUrl, maxPauseMs: 1_000, batch: 200 }, circuit);
      syncRuns += 1;
      if (run.claimed === 0 || run.unavailable > 0) await sleep(50);
    }
  })();
  const dossiers: string[] = [];
  let actions = 0;
  const act = async () => {
    // Mostly moving dossiers on, sometimes a new one: each dossier gets a history of several steps.
    const open = dossiers.length > 0 && Math.random() < 0.8 ? dossiers[Math.floor(Math.random() * dossiers.length)]! : null;
    if (open && (await advance(officials, open))) {
      actions += 1;
      return;
    }
    const d = await receiveAtWard(officials[0]!);
    dossiers.push(d.id);
    const recorded = await app.database.db
      .selectFrom('dossier_actions')
      .select(sql<string>`count(*)`.as('n'))
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    actions += Number(recorded.n);
  };
  try {
    for (const [i, phase] of plan.phases.entries()) {
      sim.setFault(phase.fault, phase.rate === undefined ? undefined : { rate: phase.rate });
      const until = Date.now() + phase.ms;
      const share = Math.ceil((plan.actions * (i + 1)) / plan.phases.length);
      while (actions < share || Date.now() < until) {
        if (actions < share) await act();
        else await sleep(100);
      }
      log(`${phase.fault}: ${actions} thao tác, ${dossiers.length} hồ sơ`);
    }
  } catch (error) {
    running = false;
    await loop;
    throw error;
  }
  sim.setFault('none');
  const recovered = Date.now();
  while (!(await queueEmpty(app))) await sleep(100);
  const drainMs = Date.now() - recovered;
  running = false;
  await loop;
  log(`hàng đợi trống sau ${drainMs} ms kể từ khi Cổng hoạt động lại`);
  return { actions, dossiers, drainMs, syncRuns };
}
