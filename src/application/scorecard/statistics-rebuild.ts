/**
 * `motcua stats rebuild`: every statistic recomputed from the dossiers in one transaction of set-based SQL:
 * the facts of every dossier (view dossier_stat_source → stat_facts), their dated deltas (the SQL twin of
 * `contributions` in domain/scorecard/measures.ts, which the worker uses), and the sums per unit subtree,
 * procedure and day / month / year, written into twins of the live tables that are swapped in at the end.
 * The worker's figures must equal the rebuild's exactly: a property test over random histories checks it on
 * both engines (test/api/statistics.test.ts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { FACT_COLUMNS, WORKER_LOCK } from './statistics.js';

/**
 * Local day (Julian day number, UTC+7) and local minute of a timestamp, as toLocal() has them. date_part gives
 * the epoch as a double (exact to the microsecond at these magnitudes); extract() would give a numeric, whose
 * arithmetic costs about a third of the whole pass.
 */
const DAY = (col: string) => `(floor((date_part('epoch', ${col}) / 60 + 420) / 1440)::int + 2440588)`;
const MINUTE = (col: string) => `floor(date_part('epoch', ${col}) / 60)`;
/** stockDayFrom(dueAt + 2) = dayOf(dueAt + 1): the day of the delta of a dossier overdue once its due date passes. */
const OVERDUE_DAY = (col: string) => `(floor((date_part('epoch', ${col}) / 60 + 421) / 1440)::int + 2440588)`;

/** The facts of accepted dossiers with their days and minutes (the SQL twin of the values contributions() reads). */
const derived = (facts: string) => `
  select s0.*,
    case when s0.repeated_supplement then s0.a
         when s0.dm is null then null
         when s0.pm is not null and s0.fm is null and s0.pm <= s0.dm then null
         else greatest(s0.a, s0.od) end as overdue_from,
    (not s0.paper_result_required or s0.result_file) as result_ok,
    (s0.repeated_supplement or (s0.dm is not null and s0.fm > s0.dm)) as ended_late,
    (s0.settlement_minutes is not null and s0.settlement_working_minutes is not null) as timed
  from (
    select f.*, f.unit_code collate "C" as unit_key, f.procedure_code collate "C" as procedure_key,
      ${DAY('f.accepted_at')} as a, ${DAY('f.finished_at')} as e, ${DAY('f.due_at')} as due_day,
      ${MINUTE('f.due_at')} as dm, ${MINUTE('f.finished_at')} as fm, ${MINUTE('f.paused_since')} as pm,
      ${OVERDUE_DAY('f.due_at')} as od, ${DAY('f.rated_at')} as rd,
      least(case when f.dissatisfied then ${DAY('f.rated_at')} end, ${DAY('f.first_feedback_at')}) as ud
    from ${facts} f where f.accepted_at is not null
  ) s0`;

/**
 * The SQL twin of `contributions` (domain/scorecard/measures.ts), as the common table expressions and final
 * select of a query over the facts in `facts`: one aggregate per day a delta is dated on (acceptance, end,
 * becoming overdue, becoming late by 2.1, rating), each counting its measures per unit, procedure and day,
 * then unpivoted into (unit_code, procedure_code, day, measure, value) rows. Keys compare byte-wise.
 */
function deltasQuery(facts: string): { ctes: string; select: string } {
  /** [measure, condition, sign, summed value]: −1 for a stock leaving on that day; without a value, a count. */
  const anchor = (day: string, where: string, measures: [string, string, (1 | -1)?, string?][], procedureKey = 'procedure_key') => `
    select unit_key, procedure_key, day, m.measure, m.value
    from (
      select unit_key, ${procedureKey} as procedure_key, ${day} as day, ${measures.map(([, cond, , value], i) => (value ? `coalesce(sum(${value}) filter (where ${cond}), 0) as c${i}` : `count(*) filter (where ${cond}) as c${i}`)).join(', ')}
      from derived where ${where} group by 1, 2, 3
    ) g
    cross join lateral (values ${measures.map(([name, , sign], i) => `('${name}' collate "C", ${sign === -1 ? '-' : ''}g.c${i})`).join(', ')}) as m(measure, value)
    where m.value <> 0`;
  const anchors = [
    anchor('a', 'true', [
      ['accepted', 'true'],
      ['acceptedOnline', "channel = 'online'"],
      ['acceptedPostal', "channel = 'postal'"],
      ['acceptedCounter', "channel not in ('online', 'postal')"],
      ['acceptedLocationIndependent', 'location_independent'],
      ['fullOnlineEligible', 'full_online_eligible'],
      ['fullOnlineDone', "full_online_eligible and channel = 'online' and result_ok"],
      ['digitized', 'component_files and result_ok'],
      ['reusedData', 'reused_data'],
      ['nationalVault', 'national_vault'],
      ['syncedToPortal', 'synced_to_portal'],
      ['eidVerified', 'eid_verified'],
      ['feeDue', 'fee_due'],
      ['feePaidOnline', 'fee_due and fee_paid_online'],
      ['open', 'e is null or e > a'],
    ]),
    // Indicator 2.2's times, kept apart per time unit of the version received under (procedureKeyOf).
    anchor(
      'a',
      'timed',
      [
        ['timedSettled', 'true'],
        ['timedWorkingMinutes', 'true', 1, 'settlement_working_minutes'],
        ['timedMinutes', 'true', 1, 'settlement_minutes'],
      ],
      "procedure_key || coalesce('|' || time_unit, '') collate \"C\"",
    ),
    // Flows of the end day, and the stocks leaving on it (when they had entered before it).
    anchor('e', 'e is not null', [
      ['withdrawn', "status = 'withdrawn'"],
      ['settled', "status <> 'withdrawn'"],
      ['settledEarly', "status <> 'withdrawn' and not ended_late and dm is not null and e < due_day"],
      ['settledOnTime', "status <> 'withdrawn' and not ended_late and not (dm is not null and e < due_day)"],
      ['settledLateWithApology', "status <> 'withdrawn' and ended_late and extensions > 0"],
      ['settledLateWithoutApology', "status <> 'withdrawn' and ended_late and extensions = 0"],
      ['endedOnTime21', 'not ended_late'],
      ['paperResultDue', 'approved and paper_result_required'],
      ['eResult', 'approved and paper_result_required and result_file'],
      ['certificationSettled', 'approved and certification_service'],
      ['certifiedECopy', 'approved and certification_service and certified_copy'],
      ['open', 'e > a', -1],
      ['overdue', 'overdue_from is not null and e > overdue_from', -1],
      ['openLate21', 'overdue_from is not null and e > overdue_from', -1],
    ]),
    // One judgement: the report's overdue and indicator 2.1's open-and-late are the same stock.
    anchor('overdue_from', 'overdue_from is not null and (e is null or e > overdue_from)', [
      ['overdue', 'true'],
      ['openLate21', 'true'],
    ]),
    anchor('rd', 'rd is not null', [
      ['rated', 'true'],
      ['ratedDissatisfied', 'dissatisfied'],
    ]),
    anchor('ud', 'ud is not null', [['dissatisfiedOrFeedback', 'true']]),
  ];
  // The derived facts are computed once for all anchors; several anchors can give the same key (open: +1, −1).
  return {
    ctes: `derived as materialized (${derived(facts)})`,
    select: `select unit_key as unit_code, procedure_key as procedure_code, day, measure, sum(value)::bigint as value
      from (${anchors.join('\n    union all\n')}) x
      group by 1, 2, 3, 4`,
  };
}

/**
 * The bare aggregate the benchmark weighs the rebuild against: the same measures per unit, procedure and day,
 * computed from the same raw tables in one read-only statement, kept nowhere (no facts, no rollups).
 */
export function bareStatisticsAggregateSql(): string {
  const q = deltasQuery('dossier_stat_source');
  return `with ${q.ctes} select count(*) as keys, coalesce(sum(value), 0) as total from (${q.select}) x`;
}

export interface RebuildReport {
  dossiers: number;
  rows: number;
  milliseconds: number;
}

/** Where a computation of the statistics writes: the live tables (a rebuild) or temporary twins (a comparison). */
interface Targets {
  procedures: 'stat_procedure_rollups_next' | 'stat_fresh_procedure_rollups';
  units: 'stat_rollups_next' | 'stat_fresh_rollups';
}

/** Room for the aggregates and sorts of one pass in memory (the default 4 MB spills them to disk). */
async function roomForAggregates(trx: Transaction<DB>): Promise<void> {
  // Many short set-based statements: compiling each to machine code costs more than it saves.
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '256MB'`.execute(trx);
  await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
}

/** The deltas of the facts in `facts`, into a temporary table stat_fresh_deltas (dropped at commit). */
async function computeDeltas(trx: Transaction<DB>, facts: string): Promise<void> {
  await sql`create temporary table stat_fresh_deltas (
      unit_code text collate "C" not null, procedure_code text collate "C" not null, day int not null,
      measure text collate "C" not null, value bigint not null) on commit drop`.execute(trx);
  const q = deltasQuery(facts);
  await sql.raw(`with ${q.ctes} insert into stat_fresh_deltas (unit_code, procedure_code, day, measure, value) ${q.select}`).execute(trx);
}

/** The live tables and their primary keys. A rebuild fills twins of them (`…_next`), then swaps them in. */
const LIVE_TABLES = [
  ['stat_facts', 'dossier_id'],
  ['stat_procedure_rollups', 'unit_code, measure, grain, start, procedure_code'],
  ['stat_rollups', 'unit_code, grain, start, measure'],
] as const;

/**
 * Sum the deltas in stat_fresh_deltas into the rollups of `targets`: per procedure at the dossier's own unit,
 * per unit for the unit and every unit above it; per day, month and year.
 */
async function rollUp(trx: Transaction<DB>, targets: Targets): Promise<number> {
  // The buckets of each day found, computed once per day rather than once per row.
  await sql`
    create temporary table stat_fresh_days on commit drop as
    select day, d, date_trunc('month', d)::date as m, date_trunc('year', d)::date as y
    from (select day, date '1970-01-01' + (day - 2440588) as d from (select distinct day from stat_fresh_deltas) x) y`.execute(trx);
  await sql`
    create temporary table stat_fresh_ancestry on commit drop as
    with recursive up (code, ancestor) as (
      select code, code from units
      union all
      select up.code, u.parent_code from up join units u on u.code = up.ancestor where u.parent_code is not null
    )
    select code collate "C" as code, ancestor collate "C" as ancestor from up`.execute(trx);
  await sql
    .raw(
      `insert into ${targets.procedures} (unit_code, measure, grain, start, procedure_code, value)
       select x.unit_code, x.measure, g.grain, g.start, x.procedure_code, sum(x.value)::bigint
       from stat_fresh_deltas x
       join stat_fresh_days s using (day)
       cross join lateral (values ('d' collate "C", s.d), ('m', s.m), ('y', s.y)) as g(grain, start)
       group by 1, 2, 3, 4, 5
       having sum(x.value) <> 0`,
    )
    .execute(trx);
  const rows = await sql
    .raw(
      `insert into ${targets.units} (unit_code, grain, start, measure, value)
       select a.ancestor, o.grain, o.start, o.measure, sum(o.value)::bigint
       from (select unit_code, grain, start, measure, sum(value) as value from ${targets.procedures} group by 1, 2, 3, 4) o
       join stat_fresh_ancestry a on a.code = o.unit_code
       group by 1, 2, 3, 4
       having sum(o.value) <> 0`,
    )
    .execute(trx);
  return Number(rows.numAffectedRows ?? 0);
}

const FACT_LIST = ['dossier_id', ...FACT_COLUMNS].join(', ');

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
          await roomForAggregates(trx);
          await sql`delete from stat_queue`.execute(trx);
          // A rebuild answers every rebuild a migration asked for.
          await sql`delete from stat_rebuild_requests`.execute(trx);
          // Twins without keys: readers go on reading the live tables until the swap at the end, and each key
          // is built by one sort once its table is full, instead of row by row.
          for (const [table] of LIVE_TABLES) {
            await sql.raw(`create table ${table}_next (like ${table} including defaults including constraints)`).execute(trx);
          }
          const facts = await sql.raw(`insert into stat_facts_next (${FACT_LIST}) select ${FACT_LIST} from dossier_stat_source`).execute(trx);
          await computeDeltas(trx, 'stat_facts_next');
          const rows = await rollUp(trx, { procedures: 'stat_procedure_rollups_next', units: 'stat_rollups_next' });
          for (const [table, key] of LIVE_TABLES)
            await sql.raw(`alter table ${table}_next add constraint ${table}_next_pkey primary key (${key})`).execute(trx);
          // Statistics for the planner before the swap (they go with the tables when renamed).
          await sql.raw(`analyze ${LIVE_TABLES.map(([t]) => `${t}_next`).join(', ')}`).execute(trx);
          // The swap: readers on PostgreSQL wait only for these few statements.
          await sql.raw(`drop table ${LIVE_TABLES.map(([t]) => t).join(', ')}`).execute(trx);
          for (const [table] of LIVE_TABLES) {
            await sql.raw(`alter table ${table}_next rename to ${table}`).execute(trx);
            await sql.raw(`alter table ${table} rename constraint ${table}_next_pkey to ${table}_pkey`).execute(trx);
          }
          return { dossiers: Number(facts.numAffectedRows ?? 0), rows, milliseconds: Math.round(performance.now() - started) };
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
    await roomForAggregates(trx);
    await sql.raw(`create temporary table stat_fresh_facts on commit drop as select ${FACT_LIST} from dossier_stat_source`).execute(trx);
    await computeDeltas(trx, 'stat_fresh_facts');
    await sql`create temporary table stat_fresh_procedure_rollups (like stat_procedure_rollups) on commit drop`.execute(trx);
    await sql`create temporary table stat_fresh_rollups (like stat_rollups) on commit drop`.execute(trx);
    await rollUp(trx, { procedures: 'stat_fresh_procedure_rollups', units: 'stat_fresh_rollups' });
    const counted = await sql<{ n: string }>`select count(*) as n from stat_fresh_facts`.execute(trx);
    const dossiers = Number(counted.rows[0]?.n ?? 0);
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

/** A rebuild when a migration asked for one (stat_rebuild_requests, cleared by the rebuild); null when none was asked. */
export async function rebuildIfRequested(db: Kysely<DB>): Promise<RebuildReport | null> {
  const requests = await db.selectFrom('stat_rebuild_requests').select('reason').limit(1).execute();
  return requests.length === 0 ? null : rebuildStatistics(db);
}
