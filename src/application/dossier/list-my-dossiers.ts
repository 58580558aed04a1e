/** A citizen's own dossiers. */
import type { RequestMeta } from '../context.js';
import { fail, ok } from '../../domain/errors/error-codes.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { MyDossierList } from '../../contract/dossier-queue.js';
import { dossierListing, type DossierReadDeps } from './dossier-listing.js';

/** A citizen's own dossiers, newest first. */
export async function listMyDossiers(deps: DossierReadDeps, meta: RequestMeta) {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const rows = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_code', 'status', 'appointment_at', 'submitted_at'])
    .where('applicant_id', '=', actor.userId)
    .orderBy('submitted_at', 'desc')
    .limit(200)
    .execute();
  return ok<MyDossierList>({
    items: rows.map((r) => ({
      ...dossierListing(deps, r),
      appointmentAt: r.appointment_at ? vietnamIso(r.appointment_at) : null,
      submittedAt: vietnamIso(r.submitted_at),
    })),
  });
}
