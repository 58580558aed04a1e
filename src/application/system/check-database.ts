/** Whether the database answers (GET /health): a round trip, nothing read. */
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';

export async function databaseAnswers(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  try {
    await sql`select 1`.execute(deps.db);
    return true;
  } catch {
    return false;
  }
}
