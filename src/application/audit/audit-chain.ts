/**
 * The audit trail is a set of hash chains: hash = sha256(prevHash + canonical JSON of the record), each
 * record linked to the previous one of its chain. Changing, inserting or removing any record breaks every
 * later link of its chain, and removing the last records of a chain no longer reaches its head.
 */
import { createHash } from 'node:crypto';
import { sql, type Insertable, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../../infrastructure/db/schema.js';
import type { RequestMeta } from '../context.js';

export interface AuditEntry {
  action: string;
  actorId: string | null;
  actorRole: string | null;
  actorUnit: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip: string | null;
  requestId: string;
  /** Never put personal data (CCCD numbers, addresses) here. */
  details?: Record<string, unknown>;
  at: Date;
}

export interface AuditRecordForHash {
  seq: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorUnit: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string;
  details: unknown;
  prevHash: string;
}

/** Who acted, from where, under which request: the audit fields every use case takes from its request. */
export function auditActor(meta: RequestMeta): Pick<AuditEntry, 'actorId' | 'actorRole' | 'actorUnit' | 'ip' | 'requestId'> {
  return {
    actorId: meta.actor?.userId ?? null,
    actorRole: meta.actor?.role ?? null,
    actorUnit: meta.actor?.unitCode ?? null,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

/** JSON with object keys sorted at every depth, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(record: AuditRecordForHash): string {
  return createHash('sha256').update(record.prevHash).update(canonicalJson(record)).digest('hex');
}

/** A dossier action as stored in `dossier_actions` (the payload as written, a JSON string, or as read back). */
export interface StoredAction {
  dossier_id: string;
  seq: number;
  type: string;
  at: Date;
  actor_id?: string | null;
  actor_role?: string | null;
  actor_unit?: string | null;
  payload: unknown;
}

/**
 * The digest of a whole dossier action: every column, the payload included. Its audit record carries it
 * (`details.action`), so the chain covers the action itself and `audit verify` finds an edited payload.
 */
export function actionDigest(a: StoredAction): string {
  const payload: unknown = typeof a.payload === 'string' ? JSON.parse(a.payload) : a.payload;
  return createHash('sha256')
    .update(
      canonicalJson({
        dossierId: a.dossier_id,
        seq: a.seq,
        type: a.type,
        at: new Date(a.at).toISOString(),
        actorId: a.actor_id ?? null,
        actorRole: a.actor_role ?? null,
        actorUnit: a.actor_unit ?? null,
        payload,
      }),
    )
    .digest('hex');
}

/** The hash chains of the trail (audit_head rows 1..AUDIT_CHAINS; see the audit_chains migration). */
export const AUDIT_CHAINS = 128;

/**
 * The chain a record joins: its target's (so one dossier's records stay in one chain, already serialised by
 * the dossier's row lock), else its request's. FNV-1a, so every process agrees.
 */
export function auditChainOf(entry: Pick<AuditEntry, 'targetId' | 'requestId'>): number {
  const key = entry.targetId ?? entry.requestId;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % AUDIT_CHAINS) + 1;
}

/** The last link of one chain, read under its row lock. */
export interface AuditHead {
  chain: number;
  seq: string;
  hash: string;
}

export async function lockAuditHead(trx: Transaction<DB>, chain: number): Promise<AuditHead> {
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', chain).forUpdate().executeTakeFirstOrThrow();
  return { chain, seq: head.seq, hash: head.hash };
}

/** A record linked to its chain's head, ready to be written with the new head. */
export interface SealedAudit {
  row: Insertable<AuditLogTable>;
  head: AuditHead;
}

export function sealAudit(head: AuditHead, entry: AuditEntry): SealedAudit {
  const seq = (BigInt(head.seq) + 1n).toString();
  const record: AuditRecordForHash = {
    seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    actorUnit: entry.actorUnit,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip,
    requestId: entry.requestId,
    // Stored as jsonb and hashed as read back: normalise (Dates, toJSON, undefined) the same way now.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
    prevHash: head.hash,
  };
  const hash = auditHash(record);
  return {
    row: {
      chain: head.chain,
      chain_seq: seq,
      at: entry.at,
      actor_id: record.actorId,
      actor_role: record.actorRole,
      actor_unit: record.actorUnit,
      action: record.action,
      target_type: record.targetType,
      target_id: record.targetId,
      ip: record.ip,
      request_id: record.requestId,
      details: JSON.stringify(record.details),
      prev_hash: record.prevHash,
      hash,
    },
    head: { chain: head.chain, seq, hash },
  };
}

/**
 * Write a sealed record and move its chain's head, in one statement: the record as a data-modifying CTE
 * of the head's update. `db` may already carry other CTEs of the caller (a dossier action writes all its
 * rows in the same statement).
 */
export function writeSealedAudit<D extends DB>(db: QueryCreator<D>, sealed: SealedAudit) {
  // The caller's CTEs only add tables to the ones this statement names.
  return (db as unknown as QueryCreator<DB>)
    .with('audit_record', (qc) => qc.insertInto('audit_log').values(sealed.row))
    .updateTable('audit_head')
    .set({ seq: sealed.head.seq, hash: sealed.head.hash })
    .where('id', '=', sealed.head.chain);
}

/** Append one record inside the caller's transaction; the head row lock of its chain orders concurrent writers. */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<{ seq: string; hash: string }> {
  const sealed = sealAudit(await lockAuditHead(trx, auditChainOf(entry)), entry);
  await writeSealedAudit(trx, sealed).execute();
  return { seq: sealed.head.seq, hash: sealed.head.hash };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** First broken link, if any: the record's global seq and its chain. */
  brokenAt?: { seq: string; chain: number; reason: string };
}

export interface TrailHead {
  /** Records in all chains. */
  seq: string;
  /** sha256 over every chain's head ("chain:position:hash" joined by newlines): one value to anchor outside. */
  hash: string;
  chains: AuditHead[];
}

/** The digest of the chains' heads that `audit verify` prints for anchoring. */
export function trailDigest(heads: readonly AuditHead[]): string {
  return createHash('sha256')
    .update(heads.map((h) => `${h.chain}:${h.seq}:${h.hash}`).join('\n'))
    .digest('hex');
}

/** A chain's link as a checkpoint recorded it outside the database: position and hash. */
export interface CheckpointLink {
  seq: string;
  hash: string;
  /** When the checkpoint was written (ISO), for the report. */
  at: string;
}

/** The audit records of one page that link a dossier action: each action must still exist with the same digest. */
async function brokenActionLink(
  db: Kysely<DB>,
  rows: readonly { seq: string; target_id: string | null; details: unknown }[],
): Promise<{ seq: string; reason: string } | null> {
  const links = rows.flatMap((r) => {
    const d = r.details as { seq?: unknown; action?: unknown } | null;
    return r.target_id && d && typeof d.action === 'string' && typeof d.seq === 'number'
      ? [{ auditSeq: r.seq, dossierId: r.target_id, seq: d.seq, digest: d.action }]
      : [];
  });
  if (links.length === 0) return null;
  const actions = await db
    .selectFrom('dossier_actions')
    .selectAll()
    .where('dossier_id', 'in', [...new Set(links.map((l) => l.dossierId))])
    .execute();
  const byKey = new Map(actions.map((a) => [`${a.dossier_id}:${a.seq}`, a]));
  for (const l of links) {
    const action = byKey.get(`${l.dossierId}:${l.seq}`);
    if (!action) return { seq: l.auditSeq, reason: `dossier action ${l.seq} of dossier ${l.dossierId} is missing` };
    if (actionDigest(action) !== l.digest) return { seq: l.auditSeq, reason: `dossier action ${l.seq} of dossier ${l.dossierId} was altered` };
  }
  return null;
}

/** Walk one chain up to its head in pages, recomputing every link. */
async function verifyChain(
  db: Kysely<DB>,
  head: AuditHead,
  pageSize: number,
  onPage: (n: number) => void,
  checkpoint?: CheckpointLink,
): Promise<{ checked: number; brokenAt?: ChainReport['brokenAt'] }> {
  const position = sql<string>`coalesce(chain_seq, seq)`;
  let prevHash = '0'.repeat(64);
  let expected = 1n;
  let checked = 0;
  const broken = (seq: string, reason: string) => ({ checked, brokenAt: { seq, chain: head.chain, reason } });
  // A head rewound below a checkpoint written outside the database: records were removed and the head reset.
  if (checkpoint && BigInt(head.seq) < BigInt(checkpoint.seq)) {
    return broken(
      head.seq,
      `chain ${head.chain} ends at position ${head.seq}, before the checkpoint of ${checkpoint.at} at position ${checkpoint.seq} (records removed)`,
    );
  }
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .select(position.as('position'))
      .where('chain', '=', head.chain)
      .where(position, '>=', expected.toString())
      .where(position, '<=', head.seq)
      .orderBy(position)
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (BigInt(row.position) !== expected) return broken(row.seq, `missing record at position ${expected} of chain ${head.chain}`);
      if (row.prev_hash !== prevHash) return broken(row.seq, 'prev_hash does not match the previous record');
      const recomputed = auditHash({
        seq: row.position,
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorRole: row.actor_role,
        actorUnit: row.actor_unit,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        ip: row.ip,
        requestId: row.request_id,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) return broken(row.seq, 'record content was altered');
      if (checkpoint && row.position === checkpoint.seq && row.hash !== checkpoint.hash) {
        return broken(row.seq, `position ${checkpoint.seq} of chain ${head.chain} differs from the checkpoint of ${checkpoint.at} (history rewritten)`);
      }
      prevHash = row.hash;
      expected++;
      checked++;
    }
    const action = await brokenActionLink(db, rows);
    if (action) return broken(action.seq, action.reason);
    onPage(rows.length);
    if (rows.length < pageSize) break;
  }
  if (BigInt(head.seq) !== expected - 1n || head.hash !== prevHash) return broken(head.seq, 'head does not match the last record (records removed?)');
  return { checked };
}

/** Every chain's head as it stands. */
export async function readAuditHeads(db: Kysely<DB>): Promise<AuditHead[]> {
  return (await db.selectFrom('audit_head').select(['id', 'seq', 'hash']).orderBy('id').execute()).map((h) => ({ chain: h.id, seq: h.seq, hash: h.hash }));
}

/**
 * Read the heads, then walk each chain up to its head, recomputing every link and the digest of every dossier
 * action a link carries; records appended while verifying (a server runs beside the CLI on PostgreSQL) lie
 * beyond the heads and are left for next time. With the last checkpoint written outside the database, a chain
 * cut short and its head rewound is found too.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  onProgress?: (checked: number) => void,
  pageSize = 5_000,
  checkpoint?: { at: string; chains: readonly AuditHead[] },
): Promise<ChainReport & { head?: TrailHead }> {
  const heads = await readAuditHeads(db);
  const marks = new Map((checkpoint?.chains ?? []).map((c) => [c.chain, { seq: c.seq, hash: c.hash, at: checkpoint!.at }]));
  let checked = 0;
  for (const head of heads) {
    const report = await verifyChain(db, head, pageSize, (n) => onProgress?.(checked + n), marks.get(head.chain));
    checked += report.checked;
    if (report.brokenAt) return { ok: false, checked, brokenAt: report.brokenAt };
  }
  return { ok: true, checked, head: { seq: String(checked), hash: trailDigest(heads), chains: heads } };
}
