/**
 * A motcua backup is a folder: `manifest.json` (written last, so a folder without it is an unfinished
 * backup), `tables/<table>.jsonl.gz` (one JSON object per row, as the database wrote it) and
 * `files/ab/cd/<sha256>` (the stored files the tables refer to). The same folder restores into either engine.
 */
import type { Engine } from '../../infrastructure/db/database.js';

export const BACKUP_FORMAT = 'motcua-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  /** When the snapshot was taken (ISO). */
  createdAt: string;
  /** The engine it was taken from; it restores into either. */
  engine: Engine;
  /** motcua's version that wrote it. */
  version: string;
  /** The schema it holds: the migrations applied, with their checksums. */
  migrations: { name: string; checksum: string }[];
  /** Rows per table and the sha256 of the table's uncompressed JSON lines. */
  tables: { name: string; rows: number; sha256: string }[];
  /** Every sequence's position in the snapshot (null: never used), so that new rows continue after the old. */
  sequences: { name: string; lastValue: string | null }[];
  /** Stored files copied; `missing`: referenced but not in the store (files of imported dossiers live elsewhere). */
  files: { count: number; bytes: number; missing: number };
  /** The audit trail's head in the snapshot: records and the digest of every chain's head. */
  audit: { records: string; digest: string };
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const tableFile = (table: string) => `tables/${table}.jsonl.gz`;
export const storedFilePath = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
