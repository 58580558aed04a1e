/**
 * The access matrix's rows for the catalogue's exchange with the national portal (issue 21 items 5 and 6): routes in
 * src/http/routes/national-catalogue.ts. Part of MATRIX (test/access/matrix.ts). Probes are in
 * test/access/national-catalogue-probes.ts.
 *
 * Everything is the catalogue team's (catalogue.manage: monitors and administrators), like the publication decisions
 * and the watchdog; no unit owns the notices (every province's holders of the capability, issue 25). Marking a notice
 * that does not exist handled is 404. The pull answers 200 even when the portal is out of reach (it says so in `error`).
 */
import { cells, capable, withRole, type Row } from './cells.js';

const CATALOGUE_TEAM = withRole('monitor', 'admin');
const DEPLOYMENT_WIDE = 'no unit owns it: every province’s holders of the capability (issue 25)';

export const NATIONAL_CATALOGUE_ROWS: Row[] = [
  { operation: 'GET /api/v1/national-catalogue/notices', probe: 'nationalNotices', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  { operation: 'GET /api/v1/national-catalogue/outbox', probe: 'nationalOutbox', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  { operation: 'POST /api/v1/national-catalogue/pull', probe: 'nationalPull', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  {
    operation: 'POST /api/v1/national-catalogue/notices/{id}/handled',
    probe: 'nationalNoticeHandled',
    target: 'none',
    cells: cells('forbidden', { missing: CATALOGUE_TEAM }),
    note: `a notice that does not exist; ${DEPLOYMENT_WIDE}`,
  },
];
