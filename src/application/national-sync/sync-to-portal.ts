/**
 * The sync job (issue 21): sends the dossiers whose outbox row is ahead of what the portal acknowledged, in the
 * portal's protocol (INTEGRATIONS §3.1). For each dossier, in the order of its oldest unsent change: the record
 * (`DongBoHoSoMC`, isUpdating once the portal holds it; "already exists" turns into an update), then the progress
 * entries the portal lacks (`CapNhatTienDoHoSoMC`, 10 at a time, in order), each batch only after the one before was
 * acknowledged. Before the first write of an attempt the row is marked in doubt; a crash, a timeout or an answer
 * that does not match leaves it so, and the next attempt asks the portal what it holds (`TraCuuHoSo`) instead of
 * trusting what was acknowledged: nothing is lost and nothing is written twice.
 *
 * A refusal is the dossier's: it is retried with backoff and jitter and parked after DEFAULT_RETRY.parkAfter
 * refusals, without holding back the others. The portal out of reach is nobody's: the run stops, the circuit waits
 * (short at first, up to a cap) and no dossier's attempts are counted.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { PersonalDataCipher } from '../personal-data.js';
import type { SyncDossier, SyncProgress } from '../../contract/national-sync.js';
import type { NationalPortal, PortalDossierView } from '../../domain/national-sync/portal-port.js';
import { planSync, progressBatches, type PortalHolding } from '../../domain/national-sync/sync-plan.js';
import { DEFAULT_RETRY, outagePauseMs, retryDelayMs, type RetryPolicy } from '../../domain/national-sync/retry.js';
import { syncRecordsByIds } from '../dossier/sync-export.js';
import { loadPortalMapping } from './portal-mapping.js';

export type SyncDeps = AppDeps & { catalogue: CatalogueDirectory; personalData: PersonalDataCipher; portal: NationalPortal };

export interface SyncOptions {
  publicUrl: string;
  /** Dossiers claimed per run. */
  batch?: number;
  /** Dossiers sent side by side (each dossier's own calls stay in order). */
  concurrency?: number;
  /** How long a claim lasts: a crashed job's dossiers come back after it. */
  leaseMs?: number;
  retry?: RetryPolicy;
  random?: () => number;
  signal?: AbortSignal;
  /** The longest pause of the circuit after the portal was found out of reach (default 30 s). */
  maxPauseMs?: number;
}

export interface SyncRun {
  claimed: number;
  synced: number;
  refused: number;
  parked: number;
  /** The portal was out of reach: the run stopped there. */
  unavailable: number;
  lastError: string | null;
}

/** The key fields of a record, to tell whether the portal's copy is current (its answer to TraCuuHoSo has them). */
export const summaryOf = (r: Pick<SyncDossier, 'TrangThaiHoSo' | 'DonViXuLy' | 'NgayTiepNhan' | 'NgayHenTra' | 'NgayKetThucXuLy' | 'NgayTra'>) =>
  [r.TrangThaiHoSo, r.DonViXuLy, r.NgayTiepNhan, r.NgayHenTra, r.NgayKetThucXuLy, r.NgayTra].join('|');

/** A progress entry as a comparable key. */
export const progressKey = (p: { readonly ThoiDiemXuLy: string; readonly NoiDungXuLy: string; readonly TrangThai: string }) =>
  `${p.ThoiDiemXuLy}|${p.NoiDungXuLy}|${p.TrangThai}`;

/** The whole record but its history, hashed: any change of it (a file, a fee, a date) is sent again. */
function fingerprintOf(record: SyncDossier): string {
  const { QuaTrinhXuLy: _history, ...rest } = record;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url');
}

const holdingOf = (view: PortalDossierView | undefined): PortalHolding | null =>
  view
    ? {
        summary: summaryOf(view as unknown as SyncDossier),
        progressCount: view.QuaTrinhXuLy.length,
        progressKeys: view.QuaTrinhXuLy.map((p) => progressKey(p as unknown as SyncProgress)),
      }
    : null;

interface Claimed {
  dossier_id: string;
  version: string;
  created_on_portal: boolean;
  acked_fingerprint: string | null;
  progress_acked: number;
  reception_acked_at: Date | null;
  in_doubt: boolean;
  attempts: number;
}

/** What one dossier's attempt ended with, and the state to record. */
interface Attempt {
  outcome: 'synced' | 'refused' | 'unavailable';
  message: string | null;
  createdOnPortal: boolean;
  fingerprint: string | null;
  progressAcked: number;
  inDoubt: boolean;
  receptionAcked: boolean;
}

class Unreachable extends Error {}

async function sendOne(portal: NationalPortal, row: Claimed, record: SyncDossier, mark: () => Promise<void>): Promise<Attempt> {
  const fingerprint = fingerprintOf(record);
  const progress = record.QuaTrinhXuLy;
  const state: Attempt = {
    outcome: 'synced',
    message: null,
    createdOnPortal: row.created_on_portal,
    fingerprint: row.acked_fingerprint,
    progressAcked: row.progress_acked,
    inDoubt: row.in_doubt,
    receptionAcked: false,
  };
  const stop = (outcome: 'refused' | 'unavailable', message: string, inDoubt: boolean): Attempt => ({ ...state, outcome, message, inDoubt });
  let holding: PortalHolding | null | undefined;
  if (row.in_doubt) {
    const found = await portal.lookup([record.MaHoSo]);
    if (found.kind === 'unavailable') return stop('unavailable', found.message, true);
    if (found.kind !== 'ok') return stop('refused', found.message, true);
    holding = holdingOf(found.result.find((v) => v.MaHoSo === record.MaHoSo));
    state.createdOnPortal = holding !== null;
    state.progressAcked = holding?.progressCount ?? 0;
  }
  const plan = planSync({
    fingerprint,
    summary: summaryOf(record),
    progressKeys: progress.map(progressKey),
    acknowledged: { createdOnPortal: state.createdOnPortal, fingerprint: state.fingerprint, progressAcked: state.progressAcked },
    holding,
  });
  if (!plan.record && plan.progressFrom >= progress.length)
    return { ...state, inDoubt: false, fingerprint, receptionAcked: record.NgayTiepNhan !== '' && state.createdOnPortal };
  if (!state.inDoubt) {
    await mark();
    state.inDoubt = true;
  }
  if (plan.record) {
    const body = plan.record.withHistory ? record : { ...record, QuaTrinhXuLy: [] };
    let sent = await portal.syncDossier(body, plan.record.isUpdating);
    if (sent.kind === 'exists') sent = await portal.syncDossier(body, true);
    else if (sent.kind === 'notFound') {
      // The portal lost it (reconciliation finds such records): created again with its whole history.
      sent = await portal.syncDossier(record, false);
      if (sent.kind === 'ok')
        return { ...state, inDoubt: false, createdOnPortal: true, fingerprint, progressAcked: progress.length, receptionAcked: record.NgayTiepNhan !== '' };
    }
    if (sent.kind === 'unavailable') return stop('unavailable', sent.message, true);
    if (sent.kind !== 'ok') return stop('refused', sent.message, false);
    state.createdOnPortal = true;
    state.fingerprint = fingerprint;
    if (plan.record.withHistory) state.progressAcked = progress.length;
  }
  for (const batch of progressBatches(progress, plan.record?.withHistory ? progress.length : plan.progressFrom)) {
    const sent = await portal.pushProgress(record.MaHoSo, batch.items);
    if (sent.kind === 'unavailable') return stop('unavailable', sent.message, true);
    if (sent.kind === 'notFound') return stop('refused', sent.message, true);
    if (sent.kind !== 'ok') return stop('refused', sent.message, false);
    const expected = batch.start + batch.items.length;
    // The portal's own count must be where this batch leaves it; otherwise the acknowledgement is not this batch's.
    if (sent.result.count !== null && sent.result.count !== expected)
      return stop('unavailable', `Cổng trả số tiến độ ${sent.result.count}, cần ${expected}`, true);
    state.progressAcked = expected;
  }
  return { ...state, inDoubt: false, receptionAcked: record.NgayTiepNhan !== '' };
}

/** The circuit of a job: shared by its runs. */
export interface PortalCircuit {
  failures: number;
  pausedUntil: number;
}
export const closedCircuit = (): PortalCircuit => ({ failures: 0, pausedUntil: 0 });

export async function syncToPortal(deps: SyncDeps, options: SyncOptions, circuit: PortalCircuit = closedCircuit()): Promise<SyncRun> {
  const run: SyncRun = { claimed: 0, synced: 0, refused: 0, parked: 0, unavailable: 0, lastError: null };
  const now = deps.clock();
  if (circuit.pausedUntil > now.getTime()) return run;
  const retry = options.retry ?? DEFAULT_RETRY;
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? 60_000;
  const claimed = await sql<Claimed>`
    update portal_sync set leased_until = ${new Date(now.getTime() + leaseMs)}
    where dossier_id in (
      select dossier_id from portal_sync
      where version > synced_version and parked_at is null and next_attempt_at <= ${now}
        and (leased_until is null or leased_until < ${now})
      order by next_attempt_at, pending_since
      limit ${options.batch ?? 200}
      for update skip locked)
    returning dossier_id, version, created_on_portal, acked_fingerprint, progress_acked, reception_acked_at, in_doubt, attempts`.execute(deps.db);
  const rows = claimed.rows;
  run.claimed = rows.length;
  if (rows.length === 0) return run;
  const mapping = await loadPortalMapping(deps.db);
  const records = await syncRecordsByIds(
    deps,
    rows.map((r) => r.dossier_id),
    { publicUrl: options.publicUrl, portal: mapping },
  );
  let next = 0;
  let unreachable = false;
  const worker = async () => {
    while (!unreachable && !options.signal?.aborted) {
      const row = rows[next++];
      if (!row) return;
      const record = records.get(row.dossier_id);
      if (!record) continue;
      const mark = async () => {
        await deps.db.updateTable('portal_sync').set({ in_doubt: true }).where('dossier_id', '=', row.dossier_id).execute();
      };
      const attempt = await sendOne(deps.portal, row, record, mark);
      await record_(deps, row, attempt, retry, random, run);
      if (attempt.outcome === 'unavailable') {
        unreachable = true;
        throw new Unreachable(attempt.message ?? '');
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(options.concurrency ?? 8, rows.length) }, worker));
  for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof Unreachable)) throw r.reason;
  // Claims not worked on (the portal went out of reach, or the job is stopping) are given back at once.
  const untouched = rows.slice(next).map((r) => r.dossier_id);
  if (untouched.length > 0) await deps.db.updateTable('portal_sync').set({ leased_until: null }).where('dossier_id', 'in', untouched).execute();
  if (unreachable) {
    circuit.failures += 1;
    circuit.pausedUntil = deps.clock().getTime() + outagePauseMs(circuit.failures, options.maxPauseMs ?? 30_000, random());
  } else circuit.failures = 0;
  return run;
}

/** Records what an attempt ended with; a first acknowledgement of the reception makes the statistics follow (1.4). */
async function record_(deps: SyncDeps, row: Claimed, a: Attempt, retry: RetryPolicy, random: () => number, run: SyncRun): Promise<void> {
  const now = deps.clock();
  const acked = {
    created_on_portal: a.createdOnPortal,
    acked_fingerprint: a.fingerprint,
    progress_acked: a.progressAcked,
    in_doubt: a.inDoubt,
    leased_until: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (a.outcome === 'synced') {
      const first = a.receptionAcked && row.reception_acked_at === null;
      await trx
        .updateTable('portal_sync')
        .set({
          ...acked,
          synced_version: row.version,
          pending_since: sql`case when version = ${row.version} then null else pending_since end`,
          attempts: 0,
          last_error: null,
          last_acked_at: now,
          ...(first ? { reception_acked_at: now } : {}),
        })
        .where('dossier_id', '=', row.dossier_id)
        .execute();
      if (first) await trx.insertInto('stat_queue').values({ dossier_id: row.dossier_id }).execute();
      run.synced += 1;
      return;
    }
    run.lastError = a.message;
    if (a.outcome === 'unavailable') {
      run.unavailable += 1;
      await trx
        .updateTable('portal_sync')
        .set({ ...acked, last_error: a.message })
        .where('dossier_id', '=', row.dossier_id)
        .execute();
      return;
    }
    const attempts = row.attempts + 1;
    const park = attempts >= retry.parkAfter;
    run.refused += 1;
    if (park) run.parked += 1;
    await trx
      .updateTable('portal_sync')
      .set({
        ...acked,
        attempts,
        last_error: a.message,
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts, retry, random())),
        ...(park ? { parked_at: now } : {}),
      })
      .where('dossier_id', '=', row.dossier_id)
      .execute();
  });
}
