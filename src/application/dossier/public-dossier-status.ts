/** The public status of a dossier, looked up by its code: nothing personal. */
import { timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { STATUS_LABELS } from '../../domain/dossier/dossier.js';
import { toLocal } from './dossier-store.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { DossierReadDeps } from './dossier-listing.js';
import { stepsView, summary } from './dossier-progress.js';

/**
 * The public status of a dossier by its code: the status alone, or with the lookup key printed on the receipt
 * (and in its QR link) the whole public view: procedure, unit, dates and steps. Never anything personal.
 */
export async function publicDossierStatus(deps: DossierReadDeps, code: string, key: string | null): Promise<Result<Record<string, unknown>>> {
  const row = await deps.db
    .selectFrom('dossiers')
    .select(['code', 'procedure_code', 'procedure_version_id', 'unit_code', 'header', 'state', 'submitted_at', 'lookup_key'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return fail('DOSSIER_NOT_FOUND');
  const header = row.header as DossierHeader;
  const state = row.state as DossierState;
  const now = toLocal(deps.clock());
  if (key === null) return ok({ code: row.code, detail: false, status: state.status, statusLabel: STATUS_LABELS[state.status] });
  if (!sameKey(key, row.lookup_key)) return fail('LOOKUP_KEY_INVALID');
  const rules = deps.calendars.rulesFor(header.receivingUnitCode);
  const start = state.acceptedAt ?? toLocal(row.submitted_at);
  let daysWaiting = 0;
  const end = Math.floor((state.finishedAt ?? now) / 1440);
  for (let jd = Math.floor(start / 1440) + 1; jd <= end; jd++) if (rules.calendar.isWorkingDay(jd)) daysWaiting++;
  const procedure = deps.catalogue.history(row.procedure_code).find((v) => v.id === row.procedure_version_id);
  return ok({
    code: row.code,
    detail: true,
    procedureCode: row.procedure_code,
    procedureName: procedure?.record.name ?? row.procedure_code,
    unitName: deps.units.tree().find(row.unit_code)?.name ?? row.unit_code,
    submittedAt: vietnamIso(row.submitted_at),
    ...summary(deps, header, state, now),
    daysWaiting,
    steps: stepsView(deps, header, state, now),
  });
}

/** A lookup key as typed (any case, spaces around) against the stored one, in constant time. */
function sameKey(typed: string, stored: string): boolean {
  const a = Buffer.from(typed.trim().toUpperCase());
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
