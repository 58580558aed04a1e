/**
 * The audit trail is a hash chain: hash = sha256(prevHash + canonical JSON of the record).
 * Changing, inserting or removing any record breaks every later link.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
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

/** Append one record inside the caller's transaction; the head row lock orders concurrent writers. */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<{ seq: string; hash: string }> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
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
  await trx
    .insertInto('audit_log')
    .values({
      seq,
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
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { seq, hash };
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** First broken link, if any. */
  brokenAt?: { seq: string; reason: string };
}

/**
 * Read the head, then walk the chain up to it in pages, recomputing every link; records appended while
 * verifying (a server runs beside the CLI on PostgreSQL) lie beyond the head and are left for next time.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  onProgress?: (checked: number) => void,
  pageSize = 5_000,
): Promise<ChainReport & { head?: { seq: string; hash: string } }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq.toString())
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: { seq: expectedSeq.toString(), reason: 'missing record' } };
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'prev_hash does not match the previous record' } };
      }
      const recomputed = auditHash({
        seq: row.seq,
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
      if (recomputed !== row.hash) return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'record content was altered' } };
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < pageSize) break;
  }
  if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) {
    return { ok: false, checked, brokenAt: { seq: head.seq, reason: 'head does not match the last record (records removed?)' } };
  }
  return { ok: true, checked, head: { seq: head.seq, hash: head.hash } };
}
