/**
 * The access matrix's rows for the live sync with the national portal (issue 21): routes in
 * src/http/routes/national-sync.ts. Part of MATRIX (test/access/matrix.ts). Probes are in test/access/portal-probes.ts.
 *
 * Reading the sync (report, parked dossiers, mapping) and the connected systems: audit.view (monitors, admins), each
 * in their own subtree. Acting on it (retry, reconcile, editing the mapping): integrations.manage (admins). A retry
 * of a dossier that is not parked is 404; a mapping edit against a version that is not the current one is 409.
 */
import { cells, capable, withRole, type Row } from './cells.js';

const ADMINS = withRole('admin');

export const PORTAL_ROWS: Row[] = [
  { operation: 'GET /api/v1/national-sync/report', probe: 'portalReport', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'GET /api/v1/national-sync/parked', probe: 'portalParked', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'GET /api/v1/national-sync/mapping', probe: 'portalMapping', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'GET /api/v1/system/connections', probe: 'connections', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'POST /api/v1/national-sync/reconcile', probe: 'portalReconcile', target: 'none', cells: cells('forbidden', { ok: ADMINS }) },
  {
    operation: 'POST /api/v1/national-sync/parked/{id}/retry',
    probe: 'portalRetry',
    target: 'none',
    cells: cells('forbidden', { hidden: ADMINS }),
    note: 'a dossier that is not parked',
  },
  {
    operation: 'PUT /api/v1/national-sync/mapping',
    probe: 'portalMappingEdit',
    target: 'none',
    cells: cells('forbidden', { refused: ADMINS }),
    note: 'against a version that is not the current one',
  },
];
