/**
 * The bare baselines of the HTTP benches: a bare Fastify, no middleware. `GET /bare` is hello-world (the baseline
 * of public pages); with a database, `GET /bare/dossiers/:id` is a primary-key read, `POST /bare/tx/:id` the
 * smallest transaction an action could be (lock the row, insert one row, update one row), and `POST /bare/insert`
 * the smallest intake (one row inserted in a transaction).
 */
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/infrastructure/db/schema.js';

export async function startBareServer(db?: Kysely<DB>): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  if (db) {
    await sql`create table if not exists bench_tx (id bigint generated always as identity primary key, dossier_id uuid, at timestamptz not null default now())`.execute(
      db,
    );
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
    bare.post('/bare/insert', async (_req, reply) => {
      await db.transaction().execute(async (trx) => {
        await sql`insert into bench_tx (dossier_id) values (gen_random_uuid())`.execute(trx);
      });
      return reply.code(201).send({ ok: true });
    });
  }
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  const port = address && typeof address !== 'string' ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, port, close: () => bare.close() };
}
