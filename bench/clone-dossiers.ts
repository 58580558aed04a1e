/**
 * For the benchmarks only: grow a database of synthetic dossiers (seeded through the real workflow) to a
 * large count by copying them in SQL, each copy with a new id and code and the same history, files and
 * rating. Seeding lives every dossier through decide/evolve at about 1,000 a second; a copy costs only the
 * insert, so that 1,000,000 dossiers take minutes. The copies keep the templates' dates, units and
 * procedures, so the figures scale without changing shape.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/infrastructure/db/schema.js';

/** Copy the first `templates` dossiers until there are `target` in all (codes get a copy number). */
export async function cloneDossiers(db: Kysely<DB>, target: number, onProgress?: (done: number) => void): Promise<number> {
  const count = async () => Number((await db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  let have = await count();
  const templates = have;
  if (templates === 0 || have >= target) return have;
  await sql`create table if not exists bench_clone_templates as select id from dossiers`.execute(db);
  for (let copy = 1; have < target; copy++) {
    const take = Math.min(templates, target - have);
    await db.transaction().execute(async (trx) => {
      await sql`create temporary table bench_clone_map on commit drop as
        select t.id as old_id, gen_random_uuid() as new_id from (select id from bench_clone_templates order by id limit ${take}) t`.execute(trx);
      // Everything of dossiers but id and code, whatever columns migrations add.
      const columns = (
        await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'dossiers' and column_name not in ('id', 'code') order by ordinal_position`.execute(trx)
      ).rows.map((r) => `"${r.column_name}"`);
      await sql
        .raw(
          `insert into dossiers (id, code, ${columns.join(', ')})
           select m.new_id, d.code || '.' || ${copy}, ${columns.map((c) => `d.${c}`).join(', ')}
           from bench_clone_map m join dossiers d on d.id = m.old_id`,
        )
        .execute(trx);
      await sql`insert into dossier_actions (dossier_id, seq, type, at, actor_id, actor_role, actor_unit, payload)
        select m.new_id, a.seq, a.type, a.at, a.actor_id, a.actor_role, a.actor_unit, a.payload
        from bench_clone_map m join dossier_actions a on a.dossier_id = m.old_id`.execute(trx);
      await sql`insert into dossier_files (dossier_id, component_code, file_name, content_type, sha256, size, pages, form, digitized, reused, uploaded_by, uploaded_at)
        select m.new_id, f.component_code, f.file_name, f.content_type, f.sha256, f.size, f.pages, f.form, f.digitized, f.reused, f.uploaded_by, f.uploaded_at
        from bench_clone_map m join dossier_files f on f.dossier_id = m.old_id`.execute(trx);
      await sql`insert into dossier_ratings (dossier_id, unit_code, step_unit_codes, score_access, score_procedure, score_official, score_result, score_feedback, comment, via, rated_by, rated_at)
        select m.new_id, r.unit_code, r.step_unit_codes, r.score_access, r.score_procedure, r.score_official, r.score_result, r.score_feedback, r.comment, r.via, r.rated_by, r.rated_at
        from bench_clone_map m join dossier_ratings r on r.dossier_id = m.old_id`.execute(trx);
    });
    have += take;
    onProgress?.(have);
  }
  await sql`drop table bench_clone_templates`.execute(db);
  return have;
}
