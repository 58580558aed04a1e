/**
 * What a national change of a procedure leaves in motcua (issue 21 item 6): one notice for the catalogue team (the
 * parts that changed, in Vietnamese) and one draft province publication decision (an amendment of that procedure),
 * made with the publication-decision use case (save-draft-decision.ts) so that the watchdog's 5-working-day rule
 * runs on it like on any draft. Both are made once per national change (procedure, NgayCapNhat): the notice by its
 * unique key, the draft by the decision number fixed in the notice; a draft the team deleted is not made again.
 */
import type { RequestMeta } from '../context.js';
import type { CatalogueVersion } from '../catalogue/catalogue-directory.js';
import type { CatalogueDeps } from '../catalogue/decision-rows.js';
import { saveDraftDecision } from '../catalogue/save-draft-decision.js';
import { provinceCode } from '../catalogue/watchdog-report.js';
import { isoFromJdn, jdnFromIso } from '../../domain/calendar/civil-date.js';
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { NationalChange } from '../../domain/national-sync/national-procedure.js';

export const DRAFT_SIGNER = 'Chưa ký (dự thảo theo thay đổi trên CSDL quốc gia về TTHC)';

/** The number of the draft made for a national change: the same on every pull, so that it is made once. */
export const draftNumberOf = (code: string, nationalUpdatedAt: string) => `Dự thảo ${code} theo CSDLQG ${nationalUpdatedAt}`;

export interface ChangeSeen {
  version: CatalogueVersion;
  nationalUpdatedAt: string;
  changes: NationalChange[];
  draft: ProcedureRecord;
  /** yyyy-MM-dd in Vietnam. */
  today: string;
}

/**
 * The notice of a national change (made if new) and its draft (made if never made): what was made, and whether the
 * change is taken in (its draft exists or existed); when not, the next pull tries again.
 */
export async function recordNationalChange(
  deps: CatalogueDeps,
  seen: ChangeSeen,
  meta: RequestMeta,
): Promise<{ notice: boolean; draft: boolean; complete: boolean }> {
  const code = seen.version.code;
  const inserted = await deps.db
    .insertInto('national_catalogue_notices')
    .values({
      procedure_code: code,
      national_updated_at: seen.nationalUpdatedAt,
      procedure_name: seen.draft.name,
      changes: JSON.stringify(seen.changes),
      decision_number: draftNumberOf(code, seen.nationalUpdatedAt),
    })
    .onConflict((oc) => oc.columns(['procedure_code', 'national_updated_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const notice = await deps.db
    .selectFrom('national_catalogue_notices')
    .select(['id', 'decision_number', 'drafted_at'])
    .where('procedure_code', '=', code)
    .where('national_updated_at', '=', seen.nationalUpdatedAt)
    .executeTakeFirstOrThrow();
  const made = { notice: inserted !== undefined, draft: false, complete: false };
  if (notice.drafted_at !== null) return { ...made, complete: true };
  const province = provinceCode(deps);
  if (!province) return made;
  // An amendment takes effect after the version it amends: today, or the day after that version began.
  const after = isoFromJdn(jdnFromIso(seen.version.effectiveFrom) + 1);
  const saved = await saveDraftDecision(deps, {
    number: notice.decision_number,
    issuedOn: seen.today,
    signer: DRAFT_SIGNER,
    unitCode: province,
    items: [
      {
        kind: 'amended',
        procedureCode: code,
        replacesCode: null,
        effectiveFrom: after > seen.today ? after : seen.today,
        legalDocumentNumber: null,
        record: seen.draft,
      },
    ],
    meta,
  });
  let decisionId: string | null = saved.ok ? saved.value.id : null;
  if (!saved.ok && saved.error.code === 'DECISION_NUMBER_TAKEN') {
    // Made by an earlier pull that stopped before it wrote the notice down.
    const existing = await deps.db.selectFrom('publication_decisions').select('id').where('number', '=', notice.decision_number).executeTakeFirst();
    decisionId = existing?.id ?? null;
  }
  if (decisionId === null) return made;
  await deps.db
    .updateTable('national_catalogue_notices')
    .set({ decision_id: decisionId, drafted_at: deps.clock() })
    .where('id', '=', notice.id)
    .where('drafted_at', 'is', null)
    .execute();
  return { ...made, draft: saved.ok, complete: true };
}
