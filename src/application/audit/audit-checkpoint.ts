/**
 * Checkpoints of the audit chains written outside the database (docs/DATABASE.md). A checkpoint holds every
 * chain's head (position and hash), their total and digest, and an HMAC-SHA256 over them with a key the
 * database never sees. A later `audit verify` checks the chains against the last valid checkpoint: a chain
 * whose tail was removed and whose head was rewound no longer reaches the checkpoint's link, which the
 * chain alone cannot show.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { AuditCheckpoint, CheckpointStore } from '../../infrastructure/audit/checkpoint-file.js';
import { canonicalJson, readAuditHeads, trailDigest, type AuditHead } from './audit-chain.js';

export type { AuditCheckpoint, CheckpointStore };

function mac(body: Omit<AuditCheckpoint, 'mac'>, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(body)).digest('hex');
}

export function signCheckpoint(heads: readonly AuditHead[], at: Date, key: string): AuditCheckpoint {
  const body = {
    at: at.toISOString(),
    records: heads.reduce((n, h) => n + BigInt(h.seq), 0n).toString(),
    digest: trailDigest(heads),
    chains: heads.map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash })),
  };
  return { ...body, mac: mac(body, key) };
}

/** Whether the checkpoint was signed with `key` and not changed since. */
export function checkpointIsGenuine(checkpoint: AuditCheckpoint, key: string): boolean {
  const { mac: given, ...body } = checkpoint;
  const expected = Buffer.from(mac(body, key), 'hex');
  const actual = Buffer.from(typeof given === 'string' ? given : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Take the chains' heads as they stand and append a signed checkpoint of them. */
export async function writeAuditCheckpoint(db: Kysely<DB>, store: CheckpointStore, key: string, now: Date): Promise<AuditCheckpoint> {
  const checkpoint = signCheckpoint(await readAuditHeads(db), now, key);
  await store.append(checkpoint);
  return checkpoint;
}

/**
 * The last checkpoint to verify against: `{ checkpoint }` when genuine, `{ forged }` when its signature does
 * not hold (someone who could rewrite the trail tried to rewrite the checkpoint too), `{}` when none exists.
 */
export async function lastGenuineCheckpoint(store: CheckpointStore, key: string): Promise<{ checkpoint?: AuditCheckpoint; forged?: AuditCheckpoint }> {
  const last = await store.last();
  if (!last) return {};
  return checkpointIsGenuine(last, key) ? { checkpoint: last } : { forged: last };
}
