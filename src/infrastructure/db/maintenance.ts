/**
 * Periodic housekeeping. PGlite has no autovacuum, so motcua runs VACUUM (ANALYZE) itself every
 * VACUUM_INTERVAL_HOURS; expired sessions are purged on both engines.
 */
import { sql } from 'kysely';
import type { Database } from './database.js';
import type { SessionStore } from '../auth/session-store.js';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export async function runMaintenance(database: Database, sessions: SessionStore, log: Log): Promise<void> {
  const purged = await sessions.purgeExpired(new Date());
  if (database.engine === 'pglite') {
    const started = Date.now();
    await sql`vacuum (analyze)`.execute(database.db);
    log.info({ purgedSessions: purged, vacuumMs: Date.now() - started }, 'maintenance done');
  }
}
