/**
 * The reports of "provide once" (issue 20), read from the records: population-registry lookups per unit and
 * official (who looked people up, and what came back), and per unit the dossiers received with components
 * digitized, reused, taken from the national vault, using population data, with the average time of intake at
 * the desk (from the form opened to the last scan: the cost of digitizing) and, per procedure, the fields the
 * e-form declared against those the applicant had to type. Dates are Vietnam days, `to` included.
 */
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { authorize, scopeRootOf } from '../../domain/access/policy.js';
import { vietnamDayEnd as dayAfter, vietnamDayStart as dayStart } from '../../domain/calendar/vietnam-time.js';
import type { DigitizationReport, LookupReport } from '../../contract/data-vault.js';

function scope(deps: AppDeps, meta: RequestMeta, unit: string | undefined, from: string, to: string): Result<{ units: string[]; province: boolean }> {
  const tree = deps.units.tree();
  const root = unit ?? (meta.actor?.unitCode ? scopeRootOf(meta.actor.unitCode, tree) : undefined);
  const allowed = authorize(meta.actor, 'scorecard.view', root === undefined ? {} : { unitCode: root }, tree);
  if (!allowed.ok) return fail(allowed.code);
  if (to < from) return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' }]);
  const units = tree
    .all()
    .filter((u) => root === undefined || tree.isWithin(u.code, root))
    .map((u) => u.code);
  // Citizens' own online lookups belong to no unit: only a reader of the whole province sees them.
  const province = root !== undefined && tree.find(root)?.parentCode === null;
  return ok({ units, province });
}

export async function populationLookupReport(
  deps: AppDeps,
  input: { from: string; to: string; unit?: string | undefined; meta: RequestMeta },
): Promise<Result<LookupReport>> {
  const scoped = scope(deps, input.meta, input.unit, input.from, input.to);
  if (!scoped.ok) return scoped;
  if (scoped.value.units.length === 0) return ok({ from: input.from, to: input.to, rows: [] });
  const rows = await deps.db
    .selectFrom('population_lookups as l')
    .leftJoin('users as u', 'u.id', 'l.official_id')
    .select(['l.unit_code', 'l.official_id', 'u.full_name'])
    .select((eb) => [
      eb.fn.count<string>('l.id').filterWhere('l.outcome', '=', 'found').as('found'),
      eb.fn.count<string>('l.id').filterWhere('l.outcome', '=', 'notFound').as('notFound'),
      eb.fn.count<string>('l.id').filterWhere('l.outcome', '=', 'refused').as('refused'),
      eb.fn.count<string>('l.id').filterWhere('l.outcome', '=', 'unavailable').as('unavailable'),
      eb.fn.count<string>('l.id').as('total'),
    ])
    .where('l.at', '>=', dayStart(input.from))
    .where('l.at', '<', dayAfter(input.to))
    .where((eb) => eb.or([eb('l.unit_code', 'in', scoped.value.units), ...(scoped.value.province ? [eb('l.unit_code', 'is', null)] : [])]))
    .groupBy(['l.unit_code', 'l.official_id', 'u.full_name'])
    .orderBy('l.unit_code')
    .orderBy('u.full_name')
    .execute();
  const tree = deps.units.tree();
  return ok({
    from: input.from,
    to: input.to,
    rows: rows.map((r) => ({
      unitCode: r.unit_code,
      unitName: r.unit_code ? (tree.find(r.unit_code)?.name ?? null) : null,
      official: r.full_name,
      found: Number(r.found),
      notFound: Number(r.notFound),
      refused: Number(r.refused),
      unavailable: Number(r.unavailable),
      total: Number(r.total),
    })),
  });
}

export async function digitizationReport(
  deps: AppDeps,
  input: { from: string; to: string; unit?: string | undefined; meta: RequestMeta },
): Promise<Result<DigitizationReport>> {
  const scoped = scope(deps, input.meta, input.unit, input.from, input.to);
  if (!scoped.ok) return scoped;
  const empty = { from: input.from, to: input.to, units: [], procedures: [] };
  if (scoped.value.units.length === 0) return ok(empty);
  const from = dayStart(input.from);
  const to = dayAfter(input.to);
  const perUnit = await sql<{
    unit_code: string;
    received: string;
    digitized: string;
    reused: string;
    national: string;
    registry: string;
    intake_seconds: string | null;
  }>`
    select d.receiving_unit_code as unit_code,
      count(*) as received,
      count(*) filter (where exists (select 1 from dossier_files f where f.dossier_id = d.id and (f.digitized_by is not null or d.channel = 'online'))) as digitized,
      count(*) filter (where exists (select 1 from dossier_files f where f.dossier_id = d.id and f.reused)) as reused,
      count(*) filter (where exists (select 1 from dossier_files f where f.dossier_id = d.id and f.from_national_vault)) as national,
      count(*) filter (where d.eid_level is not null or exists (select 1 from population_lookups l where l.dossier_id = d.id and l.outcome = 'found')) as registry,
      avg(extract(epoch from greatest(d.submitted_at,
        coalesce((select max(f.uploaded_at) from dossier_files f where f.dossier_id = d.id and f.digitized_by is not null), d.submitted_at)) - d.intake_started_at))
        filter (where d.intake_started_at is not null) as intake_seconds
    from dossiers d
    where d.accepted_at >= ${from} and d.accepted_at < ${to} and d.receiving_unit_code in (${sql.join(scoped.value.units)})
    group by d.receiving_unit_code
    order by d.receiving_unit_code`.execute(deps.db);
  const perProcedure = await sql<{ procedure_code: string; dossiers: string; declared: string; typed: string }>`
    select d.procedure_code, count(*) as dossiers, avg((d.eform ->> 'declared')::int) as declared, avg((d.eform ->> 'typed')::int) as typed
    from dossiers d
    where d.eform is not null and d.submitted_at >= ${from} and d.submitted_at < ${to} and d.unit_code in (${sql.join(scoped.value.units)})
    group by d.procedure_code
    order by d.procedure_code`.execute(deps.db);
  const tree = deps.units.tree();
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return ok({
    from: input.from,
    to: input.to,
    units: perUnit.rows.map((r) => {
      const received = Number(r.received);
      const digitized = Number(r.digitized);
      return {
        unitCode: r.unit_code,
        unitName: tree.find(r.unit_code)?.name ?? r.unit_code,
        received,
        digitized,
        reused: Number(r.reused),
        nationalVault: Number(r.national),
        registry: Number(r.registry),
        digitizationRate: received === 0 ? null : Math.round((digitized / received) * 10000) / 100,
        averageIntakeSeconds: r.intake_seconds === null ? null : Math.round(Number(r.intake_seconds)),
      };
    }),
    procedures: perProcedure.rows.map((r) => ({
      procedureCode: r.procedure_code,
      dossiers: Number(r.dossiers),
      fieldsDeclared: round1(Number(r.declared)),
      fieldsTyped: round1(Number(r.typed)),
    })),
  });
}
