/**
 * Indicator 2.2, the average settlement time per procedure (domain/scorecard/settlement-time.ts), read from
 * the procedure rollups like every other figure, and the backfill of dossiers finished before the times
 * were kept.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { isoFromJdn } from '../../domain/calendar/civil-date.js';
import { workingMinutesPerDay, type DurationUnit } from '../../domain/calendar/working-time.js';
import { foldDossier, type DossierHeader } from '../../domain/dossier/fold.js';
import type { RecordedAction } from '../../domain/dossier/dossier.js';
import { projection, recordedAction } from '../dossier/dossier-store.js';
import { followDossiers } from './statistics.js';
import type { SettlementTimeReport, SettlementTimeRow } from '../../domain/scorecard/views.js';
import { averageSettlementTime, procedureTimeLimit, shareOfTimeLimit } from '../../domain/scorecard/settlement-time.js';
import { provinceCode } from '../catalogue/watchdog-report.js';
import { checkScope, type Deps, type PeriodInput } from './scorecard.js';
import { readProcedures } from './stat-reader.js';

/** The average settlement time of each procedure with a timed dossier in a unit subtree, slowest first relative to its limit. */
export async function settlementTimes(deps: Deps, input: PeriodInput): Promise<Result<SettlementTimeReport>> {
  const period = checkScope(deps, input);
  if (!period.ok) return period;
  const readers = await readProcedures(deps.db, deps.units.tree(), input.unit, period.value, ['timedSettled', 'timedWorkingMinutes', 'timedMinutes']);
  const lastDay = isoFromJdn(period.value.toDay - 1);
  const perDay = workingMinutesPerDay(deps.calendars.rulesFor(provinceCode(deps)).hours);
  const rows: SettlementTimeRow[] = [];
  for (const [key, r] of readers) {
    const count = r.flow('timedSettled');
    if (count <= 0) continue;
    // Kept per procedure and the time unit of the version each dossier was received under (procedureKeyOf);
    // a key without a unit (a dossier whose header has none) is shown in the unit of the version in force.
    const [code, receivedUnit] = key.split('|') as [string, DurationUnit | undefined];
    const record = (deps.catalogue.inForce(code, lastDay) ?? deps.catalogue.history(code).at(-1))?.record;
    const current = procedureTimeLimit(record?.methods ?? []);
    const timeUnit = receivedUnit ?? current.timeUnit;
    // The limit for comparison, when the version in force counts in the same unit.
    const timeLimit = current.timeUnit === timeUnit ? current.timeLimit : null;
    const average = averageSettlementTime({ count, workingMinutes: r.flow('timedWorkingMinutes'), minutes: r.flow('timedMinutes') }, timeUnit, perDay)!;
    rows.push({ procedureCode: code, name: record?.name ?? code, settled: count, timeUnit, timeLimit, average });
  }
  const share = (row: SettlementTimeRow) => shareOfTimeLimit(row) ?? 0;
  const collator = new Intl.Collator('vi');
  rows.sort((a, b) => share(b) - share(a) || collator.compare(a.name, b.name));
  return ok({ unit: input.unit, from: input.from, to: input.to, rows });
}

/**
 * Refold the dossiers the migration listed in settlement_time_backfill (finished, or supplemented, before
 * settlement times were kept) from their recorded actions, so that their states gain the calendar time spent
 * waiting for supplements, and rewrite their projection columns with the settlement times; then queue them
 * for the statistics. Batch by batch, each in one transaction, so that a crash loses nothing; rows another
 * instance is working on are skipped (it does them). Returns how many listed dossiers were processed.
 */
export async function backfillSettlementTimes(
  deps: { db: Kysely<DB>; calendars: CalendarDirectory },
  options: { batch?: number; onProgress?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<number> {
  let done = 0;
  while (!options.signal?.aborted) {
    const n = await deps.db.transaction().execute(async (trx) => {
      const taken = await trx
        .deleteFrom('settlement_time_backfill')
        .where('dossier_id', 'in', (qb) =>
          qb
            .selectFrom('settlement_time_backfill')
            .select('dossier_id')
            .limit(options.batch ?? 500)
            .forUpdate()
            .skipLocked(),
        )
        .returning('dossier_id')
        .execute();
      if (taken.length === 0) return 0;
      const ids = taken.map((t) => t.dossier_id);
      // No key update: files and ratings of these dossiers can still be added meanwhile.
      const rows = await trx.selectFrom('dossiers').select(['id', 'header']).where('id', 'in', ids).forNoKeyUpdate().execute();
      const histories = new Map<string, RecordedAction[]>();
      for (const a of await trx.selectFrom('dossier_actions').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute()) {
        let list = histories.get(a.dossier_id);
        if (!list) histories.set(a.dossier_id, (list = []));
        list.push(recordedAction(a));
      }
      for (const row of rows) {
        const header = row.header as DossierHeader;
        const state = foldDossier(header, histories.get(row.id) ?? []);
        await trx
          .updateTable('dossiers')
          .set(projection(header, state, deps.calendars.rulesFor(header.receivingUnitCode)))
          .where('id', '=', row.id)
          .execute();
      }
      if (rows.length > 0)
        await followDossiers(
          trx,
          rows.map((r) => r.id),
        );
      return taken.length;
    });
    if (n === 0) return done;
    done += n;
    options.onProgress?.(done);
  }
  return done;
}
