/** The catalogue team's button (issue 21 item 6): read the national catalogue's changes now, as the daily job does. */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import type { CatalogueDeps } from '../catalogue/decision-rows.js';
import type { CataloguePull } from '../../contract/national-catalogue.js';
import { pullNationalCatalogue } from './pull-national-catalogue.js';

export async function pullCatalogueNow(
  deps: CatalogueDeps & { nationalPortal: NationalPortal | null },
  input: { meta: RequestMeta },
): Promise<Result<CataloguePull>> {
  const allowed = authorize(input.meta.actor, 'catalogue.manage');
  if (!allowed.ok) return fail(allowed.code);
  if (!deps.nationalPortal) return fail('PORTAL_NOT_CONFIGURED');
  return ok(await pullNationalCatalogue({ ...deps, portal: deps.nationalPortal }, { meta: input.meta }));
}
