/**
 * Audit checkpoints as JSON lines appended to `<dir>/audit-checkpoints.jsonl`, each write flushed to disk
 * before it returns. The folder belongs outside the database's storage (AUDIT_CHECKPOINT_DIR).
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A signed checkpoint of the audit chains (application/audit/audit-checkpoint.ts signs and checks it). */
export interface AuditCheckpoint {
  /** When it was taken (ISO). */
  at: string;
  /** Records in all chains at that moment. */
  records: string;
  /** Digest of the heads (trailDigest). */
  digest: string;
  chains: { chain: number; seq: string; hash: string }[];
  /** HMAC-SHA256 (hex) of the canonical JSON of the fields above. */
  mac: string;
}

/** Where checkpoints are kept: append-only, outside the database. */
export interface CheckpointStore {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** The most recent checkpoint, or null when none was written. */
  last(): Promise<AuditCheckpoint | null>;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export function fileCheckpointStore(dir: string): CheckpointStore {
  const path = join(dir, CHECKPOINT_FILE);
  return {
    async append(checkpoint) {
      await mkdir(dir, { recursive: true });
      const file = await open(path, 'a', 0o600);
      try {
        await file.write(`${JSON.stringify(checkpoint)}\n`);
        await file.datasync();
      } finally {
        await file.close();
      }
    },
    async last() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // A line cut short by a crash is skipped: the one before it still stands.
      const lines = text.split('\n').filter((l) => l.trim().length > 0);
      for (let i = lines.length - 1; i >= 0; i--) {
        try {
          return JSON.parse(lines[i]!) as AuditCheckpoint;
        } catch {
          continue;
        }
      }
      return null;
    },
  };
}
