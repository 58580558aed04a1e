/** The machine a bench ran on, printed with every figure: cores, CPU, memory, Node, and the database engine's version. */
import { cpus, totalmem } from 'node:os';
import { sql, type Kysely } from 'kysely';

export function machineLine(engine?: string): string {
  const cpu = cpus();
  const parts = [`${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'})`, `${Math.round(totalmem() / 2 ** 30)} GiB`, `Node ${process.version}`];
  if (engine) parts.push(engine);
  return `machine: ${parts.join(', ')}`;
}

/** "PGlite (PostgreSQL 17.4)" or "PostgreSQL 15.19", asked of the database itself. */
export async function engineVersion(engine: 'pglite' | 'postgresql', db: Kysely<never>): Promise<string> {
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  const version = /PostgreSQL ([\d.]+)/.exec(rows[0]?.v ?? '')?.[1] ?? 'unknown';
  return engine === 'pglite' ? `PGlite (PostgreSQL ${version})` : `PostgreSQL ${version}`;
}
