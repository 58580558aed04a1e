/**
 * For the benchmarks only: grow a database of synthetic dossiers (seeded through the real workflow) to a
 * large count by copying them in SQL, each copy with a new id and code and the same history, files and
 * rating. Seeding lives every dossier through decide/evolve at about 1,000 a second; a copy costs only the
 * insert, so that 1,000,000 dossiers take minutes. The copies keep the templates' dates, units and
 * procedures, so the figures scale without changing shape.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/infrastructure/db/schema.js';

/** The copied tables, whose plain indexes and foreign keys are dropped while copying and made again at the end. */
const DEFERRED_TABLES = ['dossiers', 'dossier_actions', 'dossier_files', 'dossier_ratings'];

/**
 * Copy the dossiers there were at the first call until there are `target` in all (codes get a copy number).
 * A run stopped halfway goes on where it stopped: the templates and what was dropped are kept in tables.
 */
export async function cloneDossiers(db: Kysely<DB>, target: number, onProgress?: (done: number) => void): Promise<number> {
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  let have = await count();
  if (have === 0) return have;
  if (have >= target) {
    await restoreDeferred(db); // a run stopped after its last copy
    return have;
  }
  await sql`create table if not exists bench_clone_templates as select id from dossiers`.execute(db);
  // The templates' rows in tables of their own: read from the growing tables (whose plain indexes are
  // dropped), each copy would cost more than the one before.
  await sql`create table if not exists bench_clone_dossiers as select * from dossiers where id in (select id from bench_clone_templates)`.execute(db);
  await sql`create table if not exists bench_clone_actions as select * from dossier_actions where dossier_id in (select id from bench_clone_templates)`.execute(
    db,
  );
  await sql`create table if not exists bench_clone_files as select * from dossier_files where dossier_id in (select id from bench_clone_templates)`.execute(db);
  await sql`create table if not exists bench_clone_ratings as select * from dossier_ratings where dossier_id in (select id from bench_clone_templates)`.execute(
    db,
  );
  for (const t of ['bench_clone_dossiers (id)', 'bench_clone_actions (dossier_id)', 'bench_clone_files (dossier_id)', 'bench_clone_ratings (dossier_id)']) {
    await sql.raw(`create index if not exists ${t.split(' ')[0]}_idx on ${t}`).execute(db);
  }
  const templates = Number((await sql<{ n: string }>`select count(*) as n from bench_clone_templates`.execute(db)).rows[0]!.n);
  // Plain indexes cost more to keep up row by row than to build once at the end, and a foreign key check per
  // copied row more than one check of the whole table.
  await sql`create table if not exists bench_clone_deferred (name text primary key, restore text not null, drop text not null)`.execute(db);
  await sql`
    insert into bench_clone_deferred (name, restore, drop)
    select indexname, indexdef, format('drop index if exists %I', indexname) from pg_indexes
    where schemaname = current_schema() and tablename = any(${DEFERRED_TABLES}) and indexname not in (select conname from pg_constraint)
    union all
    select conname, format('alter table %I add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
      format('alter table %I drop constraint if exists %I', conrelid::regclass, conname)
    from pg_constraint where contype = 'f' and conrelid::regclass::text = any(${DEFERRED_TABLES})
    on conflict do nothing`.execute(db);
  const deferred = await sql<{ drop: string }>`select drop from bench_clone_deferred`.execute(db);
  for (const d of deferred.rows) await sql.raw(d.drop).execute(db);
  // Two copies at a time (one per core). Copy numbers go on from the highest there is (each copy is one
  // transaction, so a stopped run leaves only whole copies).
  const last = await sql<{ n: number | null }>`select max((regexp_match(code, '\\.(\\d+)$'))[1]::int) as n from dossiers`.execute(db);
  const copyOne = async (copy: number, take: number) => {
    await db.transaction().execute(async (trx) => {
      await sql`create temporary table bench_clone_map on commit drop as
        select t.id as old_id, gen_random_uuid() as new_id from (select id from bench_clone_templates order by id limit ${take}) t`.execute(trx);
      // Everything of dossiers but id and code, whatever columns migrations add.
      const columns = (
        await sql<{
          column_name: string;
        }>`select column_name from information_schema.columns where table_name = 'dossiers' and column_name not in ('id', 'code') order by ordinal_position`.execute(
          trx,
        )
      ).rows.map((r) => `"${r.column_name}"`);
      await sql
        .raw(
          `insert into dossiers (id, code, ${columns.join(', ')})
           select m.new_id, d.code || '.' || ${copy}, ${columns.map((c) => `d.${c}`).join(', ')}
           from bench_clone_map m join bench_clone_dossiers d on d.id = m.old_id`,
        )
        .execute(trx);
      await sql`insert into dossier_actions (dossier_id, seq, type, at, actor_id, actor_role, actor_unit, payload)
        select m.new_id, a.seq, a.type, a.at, a.actor_id, a.actor_role, a.actor_unit, a.payload
        from bench_clone_map m join bench_clone_actions a on a.dossier_id = m.old_id`.execute(trx);
      await sql`insert into dossier_files (dossier_id, component_code, file_name, content_type, sha256, size, pages, form, digitized, reused, uploaded_by, uploaded_at)
        select m.new_id, f.component_code, f.file_name, f.content_type, f.sha256, f.size, f.pages, f.form, f.digitized, f.reused, f.uploaded_by, f.uploaded_at
        from bench_clone_map m join bench_clone_files f on f.dossier_id = m.old_id`.execute(trx);
      await sql`insert into dossier_ratings (dossier_id, unit_code, step_unit_codes, score_access, score_procedure, score_official, score_result, score_feedback, comment, via, rated_by, rated_at)
        select m.new_id, r.unit_code, r.step_unit_codes, r.score_access, r.score_procedure, r.score_official, r.score_result, r.score_feedback, r.comment, r.via, r.rated_by, r.rated_at
        from bench_clone_map m join bench_clone_ratings r on r.dossier_id = m.old_id`.execute(trx);
    });
  };
  for (let copy = (last.rows[0]?.n ?? 0) + 1; have < target; copy += 2) {
    const first = Math.min(templates, target - have);
    const second = Math.min(templates, target - have - first);
    await Promise.all([copyOne(copy, first), second > 0 ? copyOne(copy + 1, second) : undefined]);
    have += first + second;
    onProgress?.(have);
  }
  await restoreDeferred(db);
  return have;
}

/** Make again what copying dropped, each once (a restore stopped halfway goes on), then drop the copy's tables. */
async function restoreDeferred(db: Kysely<DB>): Promise<void> {
  const left = await sql<{ t: string | null }>`select to_regclass('bench_clone_deferred')::text as t`.execute(db);
  if (left.rows[0]?.t) {
    const restore = await sql<{ name: string; restore: string }>`select name, restore from bench_clone_deferred`.execute(db);
    for (const r of restore.rows) {
      await db.transaction().execute(async (trx) => {
        await sql.raw(r.restore).execute(trx);
        await sql`delete from bench_clone_deferred where name = ${r.name}`.execute(trx);
      });
    }
    await sql`drop table bench_clone_deferred`.execute(db);
  }
  await sql`drop table if exists bench_clone_templates, bench_clone_dossiers, bench_clone_actions, bench_clone_files, bench_clone_ratings`.execute(db);
}
