/**
 * The bare baselines of the dossier benches (bench/dossiers.ts, bench/load-mix.ts): a bare Fastify on the same
 * database, no middleware. `GET /bare/dossiers/:id` is a primary-key read; `POST /bare/tx/:id` the smallest
 * transaction an action could be (lock the row, insert one row, update one row).
 */
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/infrastructure/db/schema.js';
import { freePort } from '../test/support/app.js';

export async function startBareDossierServer(db: Kysely<DB>): Promise<{ base: string; close: () => Promise<void> }> {
  await sql`create table if not exists bench_tx (id bigint generated always as identity primary key, dossier_id uuid not null, at timestamptz not null default now())`.execute(
    db,
  );
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>(
    '/bare/dossiers/:id',
    async (req) => (await sql`select * from dossiers where id = ${req.params.id}`.execute(db)).rows[0] ?? null,
  );
  bare.post<{ Params: { id: string } }>('/bare/tx/:id', async (req) => {
    await db.transaction().execute(async (trx) => {
      await sql`select id from dossiers where id = ${req.params.id} for update`.execute(trx);
      await sql`insert into bench_tx (dossier_id) values (${req.params.id})`.execute(trx);
      await sql`update dossiers set extensions = extensions where id = ${req.params.id}`.execute(trx);
    });
    return { ok: true };
  });
  const port = await freePort();
  await bare.listen({ port, host: '127.0.0.1' });
  return { base: `http://127.0.0.1:${port}`, close: () => bare.close() };
}
