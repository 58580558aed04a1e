/**
 * The access matrix: who may do what to which dossier, and which operations answer anonymous callers. The
 * test (test/api/access-matrix.test.ts) runs every cell against the server on both engines and fails when
 * the served OpenAPI document has an operation this table does not list.
 *
 * Identities stand in a relation to the dossiers' units: own unit (the commune that received and settles
 * it), parent (the provincial centre's desk; the provincial monitor and administrator), sibling (another
 * commune), another branch (a department). Another province: the demo deployment holds one province, and
 * every query is already scoped to the actor's unit subtree, so the cell cannot be built yet (issue 25 brings
 * several provinces into one deployment).
 *
 * The rules (docs/adr/0007-desk-jurisdiction.md): monitors and administrators read every dossier of their
 * province and never act on one (no action, no file). A desk acts only on dossiers of its own local government:
 * received at its desk or settled by a unit of its commune (the provincial centre: the province's departments).
 * Location-independent reception lets any desk receive and route a dossier, not process it. A specialist or a
 * leader acts within their own unit. A citizen sees and acts on their own dossiers only. Dossiers someone may
 * not see answer 404, as if they did not exist.
 */

export const IDENTITIES = {
  anonymous: null,
  citizenOwner: 'citizen:020085003417',
  citizenOther: 'citizen:020192006852',
  deskOwn: 'motcua.tamthanh',
  deskSibling: 'motcua.caoloc',
  deskProvince: 'motcua.tinh',
  specialistOwn: 'chuyenvien.tamthanh',
  specialistSibling: 'chuyenvien.caoloc',
  specialistDepartment: 'chuyenvien.tuphap',
  leaderOwn: 'lanhdao.tamthanh',
  leaderDepartment: 'lanhdao.tuphap',
  monitor: 'giamsat',
  admin: 'admin',
} as const;
export type Identity = keyof typeof IDENTITIES;

/**
 * The dossiers the cells are tried on: `ward`, received at Phường Tam Thanh's desk and settled there (accepted);
 * `online`, submitted online by citizenOwner to Tam Thanh (waiting for the desk); `department`, received at the
 * provincial centre for Sở Tư pháp (accepted).
 */
export type DossierKind = 'ward' | 'online' | 'department';

/** ok: 2xx; hidden: 404 (the dossier is not theirs to see); refused: 409 (seen, but not theirs to do); login: 401. */
export type Expected = 'ok' | 'hidden' | 'refused' | 'login';

export interface DossierRow {
  operation: string;
  /** What the cell does; mutating cells run on a fresh dossier when they are expected to succeed. */
  probe: 'read' | 'form' | 'files' | 'upload' | 'withdraw';
  /** By dossier; a dossier left out has nothing to try (an online dossier not yet received has no form 01). */
  cells: Partial<Record<DossierKind, Record<Identity, Expected>>>;
}

/** A row of cells from the identities allowed (the rest hidden, anonymous asked to log in), with overrides. */
function row(ok: readonly Identity[], refused: readonly Identity[] = []): Record<Identity, Expected> {
  const out = {} as Record<Identity, Expected>;
  for (const identity of Object.keys(IDENTITIES) as Identity[]) out[identity] = identity === 'anonymous' ? 'login' : ok.includes(identity) ? 'ok' : refused.includes(identity) ? 'refused' : 'hidden';
  return out;
}

const SEE = {
  ward: ['deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  online: ['citizenOwner', 'deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  department: ['deskProvince', 'specialistDepartment', 'leaderDepartment', 'monitor', 'admin'],
} as const satisfies Record<DossierKind, readonly Identity[]>;

const readable = { ward: row(SEE.ward), online: row(SEE.online), department: row(SEE.department) };

export const DOSSIER_MATRIX: DossierRow[] = [
  { operation: 'GET /api/v1/dossiers/{id}', probe: 'read', cells: readable },
  { operation: 'GET /api/v1/dossiers/{id}/forms/{form}.pdf', probe: 'form', cells: { ward: readable.ward, department: readable.department } },
  { operation: 'GET /api/v1/dossiers/{id}/files', probe: 'files', cells: readable },
  {
    // Those who act on the dossier attach files; those who only look (monitor, administrator) may not.
    operation: 'POST /api/v1/dossiers/{id}/files',
    probe: 'upload',
    cells: {
      ward: row(['deskOwn', 'specialistOwn', 'leaderOwn'], ['monitor', 'admin']),
      online: row(['citizenOwner', 'deskOwn', 'specialistOwn', 'leaderOwn'], ['monitor', 'admin']),
      department: row(['deskProvince', 'specialistDepartment', 'leaderDepartment'], ['monitor', 'admin']),
    },
  },
  {
    // Withdrawal: the applicant, or the desk that received it; the others who see it are refused.
    operation: 'POST /api/v1/dossiers/{id}/actions',
    probe: 'withdraw',
    cells: {
      ward: row(['deskOwn'], ['specialistOwn', 'leaderOwn', 'monitor', 'admin']),
      online: row(['citizenOwner', 'deskOwn'], ['specialistOwn', 'leaderOwn', 'monitor', 'admin']),
      department: row(['deskProvince'], ['specialistDepartment', 'leaderDepartment', 'monitor', 'admin']),
    },
  },
];

/**
 * Every other operation of the API, by whether it answers an anonymous caller. Secured operations answer 401
 * to anonymous calls; the public ones never do (they may still refuse bad input).
 */
export const PUBLIC_OPERATIONS: readonly string[] = [
  'GET /api/v1/health',
  'GET /api/v1/units',
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/oidc/start',
  'GET /api/v1/auth/oidc/callback',
  'GET /api/v1/calendar/holidays',
  'GET /api/v1/calendar/due',
  'GET /api/v1/units/{code}/office-hours',
  'GET /api/v1/procedures',
  'GET /api/v1/procedure-fields',
  'GET /api/v1/procedures/{code}',
  'GET /api/v1/procedures/{code}/versions',
  'GET /api/v1/procedures/{code}/qr.svg',
  'GET /api/v1/procedures/{code}/qr.png',
  'GET /api/v1/units/{code}/procedures.pdf',
  'GET /api/v1/catalogue/feed.atom',
  'GET /api/v1/procedures/export',
  'GET /api/v1/procedures/export.xlsx',
  'GET /api/v1/publication-decisions/{id}/file',
  'GET /api/v1/public/dossiers/{code}',
  'GET /api/v1/openapi.json',
];

export const SECURED_OPERATIONS: readonly string[] = [
  'GET /api/v1/units/{code}/officials',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/session',
  'GET /api/v1/auth/me',
  'GET /api/v1/audit',
  'PUT /api/v1/calendar/years/{year}',
  'DELETE /api/v1/calendar/years/{year}',
  'PUT /api/v1/calendar/years/{year}/ical',
  'PUT /api/v1/units/{code}/office-hours',
  'DELETE /api/v1/units/{code}/office-hours',
  'GET /api/v1/units/{code}/supplement-rule',
  'PUT /api/v1/units/{code}/supplement-rule',
  'DELETE /api/v1/units/{code}/supplement-rule',
  'POST /api/v1/procedures/check',
  'GET /api/v1/legal-documents',
  'POST /api/v1/legal-documents',
  'GET /api/v1/publication-decisions',
  'POST /api/v1/publication-decisions',
  'GET /api/v1/publication-decisions/{id}',
  'DELETE /api/v1/publication-decisions/{id}',
  'POST /api/v1/publication-decisions/{id}/publish',
  'GET /api/v1/catalogue/watchdog',
  'POST /api/v1/webhooks',
  'GET /api/v1/webhooks',
  'DELETE /api/v1/webhooks/{id}',
  'GET /api/v1/webhooks/{id}/deliveries',
  'POST /api/v1/procedures/import',
  'PUT /api/v1/publication-decisions/{id}/file',
  'POST /api/v1/dossiers',
  'GET /api/v1/dossiers',
  'GET /api/v1/me/dossiers',
  'GET /api/v1/dossiers/{id}',
  'GET /api/v1/dossiers/{id}/transfer-recipients',
  'POST /api/v1/dossiers/{id}/actions',
  'POST /api/v1/dossiers/bulk-actions',
  'GET /api/v1/dossiers/export',
  'GET /api/v1/dossiers/{id}/forms/{form}.pdf',
  'GET /api/v1/units/{code}/dossier-register.pdf',
  'GET /api/v1/units/{code}/dossier-register.xlsx',
  'POST /api/v1/dossiers/{id}/rating',
  'GET /api/v1/dossiers/{id}/rating',
  'POST /api/v1/dossiers/{id}/files',
  'GET /api/v1/dossiers/{id}/files',
  'GET /api/v1/dossiers/{id}/files/{fileId}',
  'GET /api/v1/dossiers/{id}/result',
  'GET /api/v1/demo/mailbox',
  'GET /api/v1/calendar/review',
  'POST /api/v1/calendar/changes/{id}/reviewed',
  'GET /api/v1/scorecard',
  'GET /api/v1/scorecard/ranking',
  'GET /api/v1/scorecard/settlement-times',
  'GET /api/v1/scorecard/trend',
  'GET /api/v1/scorecard/forecast',
  'GET /api/v1/scorecard/drilldown',
  'GET /api/v1/scorecard/settings',
  'GET /api/v1/scorecard/formulas',
  'POST /api/v1/scorecard/formulas',
  'GET /api/v1/reports/settlement',
  'GET /api/v1/dossiers/due-soon',
  'GET /api/v1/me/notifications',
  'POST /api/v1/me/notifications/read',
  'GET /api/v1/scorecard/lateness',
];
