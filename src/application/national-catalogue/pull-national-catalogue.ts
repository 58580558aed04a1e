/**
 * The catalogue comes back (issue 21 item 6): read the national procedure catalogue (`LayDanhSachTTHC`) and, for every
 * procedure the province uses (in force in its catalogue today) whose NgayCapNhat is later than motcua last saw,
 * the portal's record (`LayThuTuc`). It is compared with the province's current record (national-procedure.ts); a
 * difference makes a notice for the catalogue team and a draft amendment (national-change-notice.ts), once per
 * national change. What was read is remembered (national_catalogue_seen), so a second pull reads nothing again.
 *
 * Before a procedure was ever read, "last seen" is the day of the decision behind the province's current version: a
 * ministry's change after it is one the province has not taken in. The portal out of reach ends the pull where it
 * is; the procedures not read are read by the next one. Run daily by the job and by the catalogue team's button.
 */
import type { RequestMeta } from '../context.js';
import type { CatalogueDeps } from '../catalogue/decision-rows.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import { compareWithNational, nationalProcedureFrom } from '../../domain/national-sync/national-procedure.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { recordNationalChange } from './national-change-notice.js';
import { forgetWatchedDecisions } from '../scorecard/scorecard.js';
import type { CataloguePull } from '../../contract/national-catalogue.js';

export type CataloguePullDeps = CatalogueDeps & { portal: NationalPortal };

const STAMP = /^\d{14}$/;

export async function pullNationalCatalogue(deps: CataloguePullDeps, input: { meta: RequestMeta; signal?: AbortSignal }): Promise<CataloguePull> {
  const run: CataloguePull = { listed: 0, read: 0, changed: 0, notices: 0, drafts: 0, error: null };
  const listed = await deps.portal.listProcedures();
  if (listed.kind !== 'ok') return { ...run, error: listed.message };
  run.listed = listed.result.length;
  const today = vietnamDate(deps.clock());
  const seen = new Map(
    (await deps.db.selectFrom('national_catalogue_seen').select(['procedure_code', 'updated_at']).execute()).map((r) => [r.procedure_code, r.updated_at]),
  );
  for (const summary of listed.result) {
    if (input.signal?.aborted) break;
    const version = deps.catalogue.inForce(summary.MaTTHC, today);
    if (!version || !STAMP.test(summary.NgayCapNhat)) continue;
    const lastSeen = seen.get(version.code) ?? `${version.decisionIssuedOn.replaceAll('-', '')}000000`;
    if (summary.NgayCapNhat <= lastSeen) continue;
    const got = await deps.portal.getProcedure(version.code);
    if (got.kind !== 'ok') {
      run.error = got.message;
      if (got.kind === 'unavailable') break;
      continue;
    }
    run.read += 1;
    const national = got.result === null ? null : nationalProcedureFrom(got.result);
    const updatedAt = national && STAMP.test(national.NgayCapNhat) && national.NgayCapNhat > summary.NgayCapNhat ? national.NgayCapNhat : summary.NgayCapNhat;
    if (national) {
      const { changes, draft } = compareWithNational(version.record, national);
      if (changes.length > 0) {
        run.changed += 1;
        const made = await recordNationalChange(deps, { version, nationalUpdatedAt: updatedAt, changes, draft, today }, input.meta);
        run.notices += made.notice ? 1 : 0;
        run.drafts += made.draft ? 1 : 0;
        if (!made.complete) continue;
      }
    }
    await deps.db
      .insertInto('national_catalogue_seen')
      .values({ procedure_code: version.code, updated_at: updatedAt, checked_at: deps.clock() })
      .onConflict((oc) => oc.column('procedure_code').doUpdateSet({ updated_at: updatedAt, checked_at: deps.clock() }))
      .execute();
  }
  if (run.drafts > 0) forgetWatchedDecisions(deps.db);
  return run;
}
