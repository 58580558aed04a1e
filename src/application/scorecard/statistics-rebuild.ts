/**
 * `motcua stats rebuild`: every statistic recomputed from the dossiers in one transaction of set-based SQL:
 * the facts of every dossier (view dossier_stat_source → stat_facts), their dated deltas (the SQL twin of
 * `contributions` in domain/scorecard/measures.ts, which the worker uses), and the sums per unit subtree,
 * procedure and day / month / year. The worker's figures must equal the rebuild's exactly: a property test
 * over random histories checks it on both engines (test/api/statistics.test.ts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { FACT_COLUMNS, WORKER_LOCK } from './statistics.js';

/** Local day (Julian day number, UTC+7) and local minute of a timestamp, as toLocal() has them. */
const DAY = (col: string) => `(floor((extract(epoch from ${col}) / 60 + 420) / 1440)::int + 2440588)`;
const MINUTE = (col: string) => `floor(extract(epoch from ${col}) / 60)`;
/** dayOf(dueAt + 1): the first day a boundary finds the dossier overdue. */
const OVERDUE_DAY = (col: string) => `(floor((extract(epoch from ${col}) / 60 + 421) / 1440)::int + 2440588)`;

/** The deltas of every accepted dossier, summed per unit, procedure, day and measure. */
const DELTAS_SQL = `
select s.unit_code, s.procedure_code, x.day, x.measure, sum(x.value)::bigint as value
from (
  select f.*,
    ${DAY('f.accepted_at')} as a,
    ${DAY('f.finished_at')} as e,
    ${DAY('f.due_at')} as due_day,
    ${MINUTE('f.due_at')} as dm,
    ${MINUTE('f.finished_at')} as fm,
    ${MINUTE('f.paused_since')} as pm,
    ${OVERDUE_DAY('f.due_at')} as od,
    ${DAY('f.rated_at')} as rd,
    (not f.paper_result_required or f.result_file) as result_ok
  from stat_facts f
  where f.accepted_at is not null
) s0
cross join lateral (select s0.*,
    greatest(s0.a, s0.od) as overdue_from,
    case when s0.repeated_supplement or (s0.pm is not null and s0.dm is not null and s0.pm > s0.dm) then s0.a
         when s0.pm is null and s0.dm is not null then greatest(s0.a, s0.od) end as late21_from) s
cross join lateral (values
  (s.a, 'accepted', 1),
  (s.a, case s.channel when 'online' then 'acceptedOnline' when 'postal' then 'acceptedPostal' else 'acceptedCounter' end, 1),
  (case when s.location_independent then s.a end, 'acceptedLocationIndependent', 1),
  (case when s.full_online_eligible then s.a end, 'fullOnlineEligible', 1),
  (case when s.full_online_eligible and s.channel = 'online' and s.result_ok then s.a end, 'fullOnlineDone', 1),
  (case when s.component_files and s.result_ok then s.a end, 'digitized', 1),
  (case when s.reused_data then s.a end, 'reusedData', 1),
  (case when s.eid_verified then s.a end, 'eidVerified', 1),
  (case when s.fee_due then s.a end, 'feeDue', 1),
  (case when s.fee_due and s.fee_paid_online then s.a end, 'feePaidOnline', 1),
  (case when s.e is not null and s.status = 'withdrawn' then s.e end, 'withdrawn', 1),
  (case when s.e is not null and s.status <> 'withdrawn' then s.e end, 'settled', 1),
  (case when s.e is not null and s.status <> 'withdrawn' then s.e end,
     case when s.dm is null or s.fm <= s.dm then (case when s.dm is not null and s.e < s.due_day then 'settledEarly' else 'settledOnTime' end)
          when s.extensions > 0 then 'settledLateWithApology' else 'settledLateWithoutApology' end, 1),
  (case when s.e is not null and not s.repeated_supplement and (s.dm is null or s.fm <= s.dm) then s.e end, 'endedOnTime21', 1),
  (case when s.e is not null and s.approved and s.paper_result_required then s.e end, 'paperResultDue', 1),
  (case when s.e is not null and s.approved and s.paper_result_required and s.result_file then s.e end, 'eResult', 1),
  (s.rd, 'rated', 1),
  (case when s.dissatisfied then s.rd end, 'ratedDissatisfied', 1),
  (case when s.e is null or s.e > s.a then s.a end, 'open', 1),
  (case when s.e > s.a then s.e end, 'open', -1),
  (case when s.dm is not null and (s.e is null or s.e > s.overdue_from) then s.overdue_from end, 'overdue', 1),
  (case when s.dm is not null and s.e > s.overdue_from then s.e end, 'overdue', -1),
  (case when s.late21_from is not null and (s.e is null or s.e > s.late21_from) then s.late21_from end, 'openLate21', 1),
  (case when s.late21_from is not null and s.e > s.late21_from then s.e end, 'openLate21', -1)
) as x(day, measure, value)
where x.day is not null
group by 1, 2, 3, 4`;

/** First day of a Julian day's day / month / year bucket, as a date. */
const BUCKET_START = `case g.grain
  when 'd' then date '1970-01-01' + (d.day - 2440588)
  when 'm' then date_trunc('month', date '1970-01-01' + (d.day - 2440588))::date
  else date_trunc('year', date '1970-01-01' + (d.day - 2440588))::date end`;

export interface RebuildReport {
  dossiers: number;
  rows: number;
  milliseconds: number;
}

/** Compute every statistic afresh into temporary tables stat_fresh_* (dropped at commit). */
async function computeFresh(trx: Transaction<DB>): Promise<number> {
  const columns = ['dossier_id', ...FACT_COLUMNS].join(', ');
  await sql.raw(`create temporary table stat_fresh_facts on commit drop as select ${columns} from dossier_stat_source`).execute(trx);
  await sql.raw(`create temporary table stat_fresh_deltas on commit drop as ${DELTAS_SQL.replace('from stat_facts f', 'from stat_fresh_facts f')}`).execute(trx);
  await sql`
    create temporary table stat_fresh_ancestry on commit drop as
    with recursive up (code, ancestor) as (
      select code, code from units
      union all
      select up.code, u.parent_code from up join units u on u.code = up.ancestor where u.parent_code is not null
    )
    select code, ancestor from up`.execute(trx);
  await sql
    .raw(
      `create temporary table stat_fresh_procedure_rollups on commit drop as
       select a.ancestor as unit_code, d.measure, g.grain, ${BUCKET_START} as start, d.procedure_code, sum(d.value)::bigint as value
       from stat_fresh_deltas d
       join stat_fresh_ancestry a on a.code = d.unit_code
       cross join (values ('d'), ('m'), ('y')) as g(grain)
       group by 1, 2, 3, 4, 5
       having sum(d.value) <> 0`,
    )
    .execute(trx);
  await sql`
    create temporary table stat_fresh_rollups on commit drop as
    select unit_code, grain, start, measure, sum(value)::bigint as value from stat_fresh_procedure_rollups
    group by 1, 2, 3, 4 having sum(value) <> 0`.execute(trx);
  const n = await sql<{ n: string }>`select count(*) as n from stat_fresh_facts`.execute(trx);
  return Number(n.rows[0]?.n ?? 0);
}

/** Replace every statistic by a fresh computation from the dossiers. */
export async function rebuildStatistics(db: Kysely<DB>): Promise<RebuildReport> {
  const started = performance.now();
  // The worker's lock is taken before the transaction's snapshot (a session lock on this connection), so
  // that the snapshot sees every batch the worker committed; one snapshot for every statement, so that the
  // queue rows it deletes are exactly those whose changes it read.
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${WORKER_LOCK})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const dossiers = await computeFresh(trx);
          const columns = ['dossier_id', ...FACT_COLUMNS].join(', ');
          await sql`delete from stat_queue`.execute(trx);
          await sql`delete from stat_facts`.execute(trx);
          await sql`delete from stat_rollups`.execute(trx);
          await sql`delete from stat_procedure_rollups`.execute(trx);
          await sql.raw(`insert into stat_facts (${columns}) select ${columns} from stat_fresh_facts`).execute(trx);
          await sql`insert into stat_procedure_rollups (unit_code, measure, grain, start, procedure_code, value) select unit_code, measure, grain, start, procedure_code, value from stat_fresh_procedure_rollups`.execute(trx);
          const rows = await sql`insert into stat_rollups (unit_code, grain, start, measure, value) select unit_code, grain, start, measure, value from stat_fresh_rollups`.execute(trx);
          return { dossiers, rows: Number(rows.numAffectedRows ?? 0), milliseconds: Math.round(performance.now() - started) };
        });
    } finally {
      await sql`select pg_advisory_unlock(${WORKER_LOCK})`.execute(conn);
    }
  });
}

export interface RollupDifference {
  table: 'stat_rollups' | 'stat_procedure_rollups';
  key: string;
  live: number;
  fresh: number;
}

/**
 * Compare the live statistics with a fresh computation, without changing them: the differences (zero rows
 * ignored), at most `limit`. Meaningful once the queue is drained (`motcua stats verify` drains it first).
 */
export async function compareWithRebuild(db: Kysely<DB>, limit = 20): Promise<{ dossiers: number; differences: RollupDifference[] }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${WORKER_LOCK})`.execute(trx);
    const dossiers = await computeFresh(trx);
    const diff = (table: RollupDifference['table'], fresh: string, key: string) =>
      sql
        .raw<{ key: string; live: string | null; fresh: string | null }>(
          `select concat_ws('|', ${key}) as key, l.value as live, f.value as fresh
           from (select * from ${table} where value <> 0) l
           full outer join ${fresh} f using (${key})
           where l.value is distinct from f.value
           order by 1 limit ${Number(limit)}`,
        )
        .execute(trx);
    const [units, procedures] = await Promise.all([
      diff('stat_rollups', 'stat_fresh_rollups', 'unit_code, grain, start, measure'),
      diff('stat_procedure_rollups', 'stat_fresh_procedure_rollups', 'unit_code, measure, grain, start, procedure_code'),
    ]);
    const rows = (table: RollupDifference['table'], r: { rows: { key: string; live: string | null; fresh: string | null }[] }) =>
      r.rows.map((x) => ({ table, key: x.key, live: Number(x.live ?? 0), fresh: Number(x.fresh ?? 0) }));
    return { dossiers, differences: [...rows('stat_rollups', units), ...rows('stat_procedure_rollups', procedures)].slice(0, limit) };
  });
}
