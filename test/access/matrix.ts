/**
 * The access matrix: for every operation of the API, what each identity gets, by the identity's role and its
 * unit's relation to the target (a dossier, or a unit named in the path or query). The test
 * (test/api/access-matrix.test.ts) tries every cell against a running server on both engines, and fails when
 * the served OpenAPI document has an operation this table has no row for.
 *
 * The rules (docs/adr/0007-desk-jurisdiction.md):
 * - Anonymous callers get 401 from every operation that is not public, and public ones answer them.
 * - A citizen sees and acts on their own dossiers only (submitted online); anyone else's are hidden.
 * - Monitors and administrators read every dossier of their province (scorecard, drill-down, audit) and never
 *   act on one: no action, no file.
 * - A desk acts only on dossiers of its own local government (province or commune): received at its desk, or
 *   settled by a unit of it. The provincial centre (Trung tâm Phục vụ hành chính công tỉnh) is the desk of the
 *   province: the departments' dossiers and the dossiers it received itself, not a commune's. It receives
 *   another local government's dossier only where the procedure allows location-independent reception (tiếp
 *   nhận không phụ thuộc địa giới), within its province; it then routes it, withdraws it on the applicant's
 *   request and returns the result, and never processes it. It attaches files while the dossier is at its desk.
 * - A specialist or a leader acts within their own unit, at the steps of their unit (claim by role; files
 *   during processing for the step's unit or the assignee).
 * - Unit-scoped reads (officials, registers, scorecards, audit) cover the official's subtree; a desk's
 *   registers and queues cover its own local government only, like its actions.
 * - Hidden, not forbidden: a dossier someone may not see answers 404, as if it did not exist. A unit is public
 *   (GET /units), so a unit outside one's scope answers 403.
 *
 * Relations: each identity's relation to a target is derived from the unit tree (`relationOf` below): own (the
 * same unit, or the unit the identity's centre serves), parent (the target lies below), child (the target lies
 * above), sibling (another branch of the same province: another commune, a department), other province. The
 * demo deployment holds one province (Lạng Sơn); the test adds a second one (OTHER_PROVINCE, illustrative
 * codes) with four officials, so that "other province" is a real cell. Deployment-wide settings that no unit
 * owns (the national calendar, the catalogue's decisions list, webhooks, scorecard formulas) are shared by
 * every province's administrators and monitors: rows say so, and issue 25 (several provinces) revisits them.
 */
import {
  ALL,
  UNITS,
  OTHER_PROVINCE,
  IDENTITIES,
  DOSSIERS,
  UNIT_TARGETS,
  classOf,
  matches,
  type IdentitySpec,
  type Identity,
  type DossierKind,
  type UnitTarget,
  type Target,
  type Expected,
} from './fixture.js';
import { cells, withRole, minus, CITIZENS, OFFICIALS, PUBLIC, SESSION, capable, SEE, KINDS, onDossier, dossierRows, type Row } from './cells.js';
import { PAYMENT_ROWS } from './payment-rows.js';
import { RESULT_ROWS } from './result-rows.js';
import { VAULT_ROWS } from './vault-rows.js';
import { PORTAL_ROWS } from './portal-rows.js';
import { FEEDBACK_ROWS } from './feedback-rows.js';
import { FEEDBACK_MINE_ROWS } from './feedback-mine-rows.js';
import { NATIONAL_CATALOGUE_ROWS } from './national-catalogue-rows.js';
import { REFORM_ROWS } from './reform-rows.js';
import { SURVEY_ROWS } from './survey-rows.js';
import { PAR_ROWS } from './par-rows.js';
import { scopeRootOf } from '../../src/domain/access/policy.js';
import { UnitTree } from '../../src/domain/units/unit.js';
import { DEMO_UNITS } from '../../src/infrastructure/seed/demo-province.js';

export {
  ALL,
  UNITS,
  OTHER_PROVINCE,
  IDENTITIES,
  DOSSIERS,
  UNIT_TARGETS,
  classOf,
  matches,
  type IdentitySpec,
  type Identity,
  type DossierKind,
  type UnitTarget,
  type Target,
  type Expected,
  type Row,
};

// ---------------------------------------------------------------------------------------------------------------
// Dossiers
// ---------------------------------------------------------------------------------------------------------------

/** Officials list in their queues what they see; citizens have no queue (403). */
const queued = (kind: DossierKind) => cells('hidden', { ok: SEE[kind].filter((i) => OFFICIALS.includes(i)), forbidden: CITIZENS });
/** The dossiers with a receipt (form 01): accepted ones. */
const RECEIVED: DossierKind[] = ['ward', 'processing', 'returned', 'sibling', 'department', 'remote'];

/** Who may attach files (decide.ts mayAttach), by dossier; the others who see it get 409. */
const ATTACH: Record<DossierKind, readonly Identity[]> = {
  ward: ['deskOwn'], // at the reception step: the receiving desk only
  online: ['citizenOwner', 'deskOwn'], // waiting at reception: the applicant and the receiving desk
  processing: ['specialistOwn', 'leaderOwn'], // at the specialist's step: the step's unit
  returned: [],
  sibling: ['deskSibling'],
  department: ['deskProvince'],
  remote: ['deskProvince'], // received at the provincial centre: its desk, not Phường Tam Thanh's
  remoteProcessing: ['specialistOwn', 'leaderOwn'], // routed to Phường Tam Thanh: no longer the centre's
};

/** Who may withdraw (on the applicant's request): the applicant of an online dossier, or the receiving desk. */
const WITHDRAW: Record<DossierKind, readonly Identity[]> = {
  ward: ['deskOwn'],
  online: ['citizenOwner', 'deskOwn'],
  processing: ['deskOwn'],
  returned: [],
  sibling: ['deskSibling'],
  department: ['deskProvince'],
  remote: ['deskProvince'],
  remoteProcessing: ['deskProvince'],
};

const DOSSIER_ROWS: Row[] = [
  ...dossierRows('GET /api/v1/dossiers/{id}', 'read', KINDS, (k) => onDossier(k, SEE[k])),
  ...dossierRows('GET /api/v1/dossiers', 'queue', KINDS, queued, { note: 'ok: listed in the queue "all"; hidden: not listed' }),
  ...dossierRows(
    'GET /api/v1/me/dossiers',
    'mine',
    ['online', 'returned', 'ward'],
    (k) => cells('hidden', { ok: SEE[k].includes('citizenOwner') ? ['citizenOwner'] : [] }),
    {
      note: 'ok: listed among the caller’s own dossiers; hidden: not listed',
    },
  ),
  ...dossierRows('GET /api/v1/dossiers/{id}/forms/{form}.pdf', 'form01', RECEIVED, (k) => onDossier(k, SEE[k])),
  // The offices' control slip (form 06) is never a citizen's, whoever's dossier it is.
  ...dossierRows('GET /api/v1/dossiers/{id}/forms/{form}.pdf', 'form06', ['ward', 'returned', 'remote'], (k) =>
    cells('hidden', { ok: minus(SEE[k], ...CITIZENS), forbidden: CITIZENS }),
  ),
  ...dossierRows('GET /api/v1/dossiers/{id}/files', 'files', KINDS, (k) => onDossier(k, SEE[k])),
  ...dossierRows('GET /api/v1/dossiers/{id}/files/{fileId}', 'file', KINDS, (k) => onDossier(k, SEE[k])),
  ...dossierRows('GET /api/v1/dossiers/{id}/result', 'result', ['returned'], (k) => onDossier(k, SEE[k])),
  // Whom the dossier may be handed to: the holder of the current step (the receiving desk after acceptance).
  ...dossierRows('GET /api/v1/dossiers/{id}/transfer-recipients', 'recipients', ['ward', 'department', 'remote'], (k) =>
    onDossier(k, k === 'ward' ? ['deskOwn'] : ['deskProvince']),
  ),
  // A citizen rates their own returned online dossier once (ratings.ts); before it is returned, 409.
  ...dossierRows('POST /api/v1/dossiers/{id}/rating', 'rate', ['returned', 'online'], (k) =>
    cells('hidden', { forbidden: minus(SEE[k], 'citizenOwner'), [k === 'returned' ? 'ok' : 'refused']: ['citizenOwner'] }),
  ),
  ...dossierRows('GET /api/v1/dossiers/{id}/rating', 'rating', ['returned', 'online'], (k) => onDossier(k, SEE[k])),
  ...dossierRows('POST /api/v1/dossiers/{id}/files', 'upload', KINDS, (k) => onDossier(k, ATTACH[k])),
  // Rows that change the dossier: after the others, on fresh dossiers where they succeed.
  ...dossierRows(
    'POST /api/v1/dossiers/{id}/actions',
    'withdraw',
    KINDS.filter((k) => k !== 'returned'),
    (k) => onDossier(k, WITHDRAW[k]),
    { consumes: true },
  ),
  // Routing: the holder of the reception step hands the dossier to the specialist's step. The provincial centre
  // routes what it received, for a department or (location-independent) for a commune.
  ...dossierRows(
    'POST /api/v1/dossiers/{id}/actions',
    'route',
    ['ward', 'department', 'remote'],
    (k) => onDossier(k, k === 'ward' ? ['deskOwn'] : ['deskProvince']),
    { consumes: true },
  ),
  // Processing: the specialists of the step's unit claim it; the receiving desk (even the provincial centre for a
  // location-independent dossier) does not process it.
  ...dossierRows('POST /api/v1/dossiers/{id}/actions', 'claim', ['processing', 'remoteProcessing'], (k) => onDossier(k, ['specialistOwn']), { consumes: true }),
  ...dossierRows(
    'POST /api/v1/dossiers/bulk-actions',
    'bulkClaim',
    ['processing', 'remoteProcessing'],
    (k) => cells('hidden', { refused: minus(SEE[k], 'specialistOwn'), ok: ['specialistOwn'], forbidden: CITIZENS }),
    {
      consumes: true,
      note: 'the class of the one item’s outcome (its error code’s status); citizens are refused the whole request',
    },
  ),
];

/** Counter intake: the receiving desks (deskMayReceive), other desks 403; only desks receive at a counter. */
const receives = (...desks: Identity[]) => cells('forbidden', { ok: desks });

const INTAKE_ROWS: Row[] = [
  {
    operation: 'POST /api/v1/dossiers',
    probe: 'submitOnline',
    target: { unit: 'ward' },
    cells: cells('forbidden', { ok: CITIZENS }),
    note: 'any citizen submits online; officials do not',
  },
  {
    operation: 'POST /api/v1/dossiers',
    probe: 'receiveWard',
    target: { unit: 'ward' },
    cells: receives('deskOwn'),
    note: 'a commune’s procedure: its own centre only (not the provincial centre)',
  },
  { operation: 'POST /api/v1/dossiers', probe: 'receiveDepartment', target: { unit: 'justice' }, cells: receives('deskProvince') },
  {
    operation: 'POST /api/v1/dossiers',
    probe: 'receiveRemote',
    target: { unit: 'ward' },
    cells: receives('deskOwn', 'deskSibling', 'deskProvince'),
    note: 'location-independent: any desk of the province, none of another',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Units, calendar, catalogue, scorecard
// ---------------------------------------------------------------------------------------------------------------

/** Cells for a unit-scoped operation: `ok` by target; identities lacking the capability 403 as well. */
function unitRows(operation: string, probe: string, ok: Partial<Record<UnitTarget, readonly Identity[]>>, extra: Partial<Row> = {}): Row[] {
  return (Object.entries(ok) as [UnitTarget, readonly Identity[]][]).map(([unit, who]) => ({
    operation,
    probe,
    target: { unit },
    cells: cells('forbidden', { ok: who }),
    ...extra,
  }));
}

/** Officials whose subtree holds the unit (authorize): the directory of officials. */
const OFFICIALS_OF: Record<UnitTarget, readonly Identity[]> = {
  // The provincial centre's desk keeps the directory of the whole province (reading names is not acting).
  ward: ['deskOwn', 'specialistOwn', 'leaderOwn', 'deskProvince', 'monitor', 'admin'],
  justice: ['specialistDepartment', 'leaderDepartment', 'deskProvince', 'monitor', 'admin'],
  province: ['deskProvince', 'monitor', 'admin'],
  otherProvince: ['deskOtherProvince', 'monitorOtherProvince', 'adminOtherProvince'],
};
/** Officials who read a unit's dossiers (coversUnit): a desk, its own local government only. */
const REGISTER_OF: Record<UnitTarget, readonly Identity[]> = {
  ward: ['deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  justice: ['specialistDepartment', 'leaderDepartment', 'deskProvince', 'monitor', 'admin'],
  province: ['deskProvince', 'monitor', 'admin'],
  otherProvince: ['deskOtherProvince', 'monitorOtherProvince', 'adminOtherProvince'],
};
/** scorecard.view (leader, monitor, admin) for a unit in their subtree. */
const SCORECARD_OF: Partial<Record<UnitTarget, readonly Identity[]>> = {
  ward: ['leaderOwn', 'monitor', 'admin'],
  province: ['monitor', 'admin'],
  otherProvince: ['monitorOtherProvince', 'adminOtherProvince'],
};
/** calendar.manage (admin) for a unit in their subtree. */
const MANAGE_UNIT: Partial<Record<UnitTarget, readonly Identity[]>> = { ward: ['admin'], otherProvince: ['adminOtherProvince'] };
/** catalogue.manage (monitor, admin) for the province's decisions. */
const CATALOGUE_MANAGERS = withRole('monitor', 'admin');
const LANG_SON_CATALOGUE: readonly Identity[] = ['monitor', 'admin'];
const DEPLOYMENT_WIDE = 'no unit owns it: every province’s holders of the capability (issue 25)';

const SCORECARD_READS = [
  ['GET /api/v1/scorecard', 'scorecard'],
  ['GET /api/v1/scorecard/ranking', 'ranking'],
  ['GET /api/v1/scorecard/settlement-times', 'settlementTimes'],
  ['GET /api/v1/scorecard/trend', 'trend'],
  ['GET /api/v1/scorecard/forecast', 'forecast'],
  ['GET /api/v1/scorecard/drilldown', 'drilldown'],
  ['GET /api/v1/reports/settlement', 'settlementReport'],
  ['GET /api/v1/scorecard/lateness', 'lateness'],
] as const;

const OTHER_ROWS: Row[] = [
  // Public
  ...(
    [
      ['GET /api/v1/health', 'health'],
      ['GET /api/v1/portal/settings', 'portalSettings'],
      ['GET /api/v1/units', 'units'],
      ['GET /api/v1/auth/oidc/start', 'oidcStart'],
      ['GET /api/v1/calendar/holidays', 'holidays'],
      ['GET /api/v1/calendar/due', 'due'],
      ['GET /api/v1/units/{code}/office-hours', 'officeHours'],
      ['GET /api/v1/procedures', 'procedures'],
      ['GET /api/v1/procedure-fields', 'fields'],
      ['GET /api/v1/procedures/{code}', 'procedure'],
      ['GET /api/v1/procedures/{code}/versions', 'versions'],
      ['GET /api/v1/procedures/{code}/qr.svg', 'qrSvg'],
      ['GET /api/v1/procedures/{code}/qr.png', 'qrPng'],
      ['GET /api/v1/units/{code}/procedures.pdf', 'listing'],
      ['GET /api/v1/catalogue/feed.atom', 'feed'],
      ['GET /api/v1/procedures/export', 'exportJson'],
      ['GET /api/v1/procedures/export.xlsx', 'exportXlsx'],
      ['GET /api/v1/public/dossiers/{code}', 'publicLookup'],
      ['GET /api/v1/openapi.json', 'openapi'],
    ] as const
  ).map(([operation, probe]): Row => ({ operation, probe, target: 'none', cells: PUBLIC })),
  // A callback with no login in progress (no pending state cookie) is refused, whoever calls it.
  { operation: 'GET /api/v1/auth/oidc/callback', probe: 'oidcCallback', target: 'none', cells: cells('invalid', { invalid: ['anonymous'] }) },
  // A draft decision's file is the catalogue managers' of its unit; hidden from everyone else.
  {
    operation: 'GET /api/v1/publication-decisions/{id}/file',
    probe: 'draftFile',
    target: { unit: 'province' },
    cells: cells('hidden', { ok: LANG_SON_CATALOGUE, hidden: ['anonymous'] }),
  },

  // Any session
  { operation: 'GET /api/v1/auth/session', probe: 'session', target: 'none', cells: SESSION },
  { operation: 'GET /api/v1/auth/me', probe: 'me', target: 'none', cells: SESSION },
  { operation: 'GET /api/v1/units/{code}/supplement-rule', probe: 'supplementRule', target: { unit: 'ward' }, cells: SESSION, note: 'a published rule' },
  { operation: 'GET /api/v1/dossiers/due-soon', probe: 'dueSoon', target: 'none', cells: cells('ok', { forbidden: CITIZENS }) },
  ...unitRows('GET /api/v1/dossiers/due-soon', 'dueSoonUnit', {
    ward: ['deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
    justice: ['deskProvince', 'specialistDepartment', 'leaderDepartment', 'monitor', 'admin'],
  }),
  { operation: 'GET /api/v1/me/notifications', probe: 'notifications', target: 'none', cells: cells('ok', { forbidden: CITIZENS }) },
  { operation: 'POST /api/v1/me/notifications/read', probe: 'notificationsRead', target: 'none', cells: cells('ok', { forbidden: CITIZENS }) },
  { operation: 'GET /api/v1/calendar/review', probe: 'calendarReview', target: 'none', cells: cells('ok', { forbidden: CITIZENS }) },

  // Unit directory and registers
  ...unitRows('GET /api/v1/units/{code}/officials', 'officials', OFFICIALS_OF),
  ...unitRows('GET /api/v1/units/{code}/dossier-register.pdf', 'registerPdf', REGISTER_OF),
  ...unitRows('GET /api/v1/units/{code}/dossier-register.xlsx', 'registerXlsx', { ward: REGISTER_OF.ward, province: REGISTER_OF.province }),
  // What the province's register holds: its own local government's dossiers for the provincial centre (the
  // dossiers it received, location-independent ones included), every dossier for the monitor and administrator.
  ...(['ward', 'department', 'remote'] as const).map((kind): Row => ({
    operation: 'GET /api/v1/units/{code}/dossier-register.xlsx',
    probe: 'registerLists',
    target: { dossier: kind },
    cells: cells('forbidden', {
      ok: kind === 'ward' ? ['monitor', 'admin'] : ['deskProvince', 'monitor', 'admin'],
      hidden: kind === 'ward' ? ['deskProvince'] : [],
    }),
    note: 'the register of the province: ok, the dossier is listed; hidden, it is not',
  })),

  // Audit (monitor, admin: their subtree)
  { operation: 'GET /api/v1/audit', probe: 'audit', target: 'none', cells: capable('monitor', 'admin') },
  ...unitRows('GET /api/v1/audit', 'auditUnit', { ward: LANG_SON_CATALOGUE, otherProvince: ['monitorOtherProvince', 'adminOtherProvince'] }),
  { operation: 'GET /api/v1/dossiers/export', probe: 'syncExport', target: 'none', cells: capable('monitor', 'admin'), note: 'their own subtree’s dossiers' },
  { operation: 'GET /api/v1/demo/mailbox', probe: 'mailbox', target: 'none', cells: capable('monitor', 'admin') },

  // Calendar (admin)
  ...(['putYear', 'deleteYear', 'putYearIcal'] as const).flatMap((probe): Row[] => {
    const operation =
      probe === 'putYear'
        ? 'PUT /api/v1/calendar/years/{year}'
        : probe === 'deleteYear'
          ? 'DELETE /api/v1/calendar/years/{year}'
          : 'PUT /api/v1/calendar/years/{year}/ical';
    return [
      { operation, probe, target: 'none', cells: capable('admin'), note: `the national schedule: ${DEPLOYMENT_WIDE}` },
      ...unitRows(operation, `${probe}Province`, { province: ['admin'], otherProvince: ['adminOtherProvince'] }, { note: 'a province’s own days' }),
    ];
  }),
  ...unitRows('PUT /api/v1/units/{code}/office-hours', 'putOfficeHours', MANAGE_UNIT),
  ...unitRows('DELETE /api/v1/units/{code}/office-hours', 'deleteOfficeHours', MANAGE_UNIT),
  ...unitRows('PUT /api/v1/units/{code}/supplement-rule', 'putSupplementRule', MANAGE_UNIT),
  ...unitRows('DELETE /api/v1/units/{code}/supplement-rule', 'deleteSupplementRule', MANAGE_UNIT),
  {
    operation: 'POST /api/v1/calendar/changes/{id}/reviewed',
    probe: 'changeReviewed',
    target: 'none',
    cells: cells('forbidden', { missing: withRole('admin') }),
    note: `a change id that does not exist; ${DEPLOYMENT_WIDE}`,
  },

  // Catalogue (monitor, admin)
  { operation: 'POST /api/v1/procedures/check', probe: 'check', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'GET /api/v1/legal-documents', probe: 'legalDocuments', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  { operation: 'POST /api/v1/legal-documents', probe: 'addLegalDocument', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  { operation: 'GET /api/v1/publication-decisions', probe: 'decisions', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  ...unitRows('POST /api/v1/publication-decisions', 'draftDecision', {
    province: LANG_SON_CATALOGUE,
    otherProvince: ['monitorOtherProvince', 'adminOtherProvince'],
  }),
  ...unitRows('GET /api/v1/publication-decisions/{id}', 'decision', { province: LANG_SON_CATALOGUE }),
  ...unitRows('PUT /api/v1/publication-decisions/{id}/file', 'decisionFile', { province: LANG_SON_CATALOGUE }),
  {
    operation: 'POST /api/v1/publication-decisions/{id}/publish',
    probe: 'publish',
    target: { unit: 'province' },
    cells: cells('forbidden', { invalid: LANG_SON_CATALOGUE }),
    note: 'a draft with a blocking problem: managers get 422, nothing is published',
  },
  {
    operation: 'DELETE /api/v1/publication-decisions/{id}',
    probe: 'deleteDecision',
    target: { unit: 'province' },
    cells: cells('forbidden', { ok: LANG_SON_CATALOGUE }),
    consumes: true,
  },
  { operation: 'GET /api/v1/catalogue/watchdog', probe: 'watchdog', target: 'none', cells: capable('monitor', 'admin') },
  { operation: 'POST /api/v1/webhooks', probe: 'addWebhook', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  ...unitRows('POST /api/v1/webhooks', 'addWebhookUnit', { ward: LANG_SON_CATALOGUE, otherProvince: ['monitorOtherProvince', 'adminOtherProvince'] }),
  { operation: 'GET /api/v1/webhooks', probe: 'webhooks', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  { operation: 'GET /api/v1/webhooks/{id}/deliveries', probe: 'deliveries', target: 'none', cells: capable('monitor', 'admin'), note: DEPLOYMENT_WIDE },
  {
    operation: 'DELETE /api/v1/webhooks/{id}',
    probe: 'deleteWebhook',
    target: 'none',
    cells: cells('forbidden', { missing: CATALOGUE_MANAGERS }),
    note: `an id that does not exist; ${DEPLOYMENT_WIDE}`,
  },
  {
    operation: 'POST /api/v1/procedures/import',
    probe: 'importDryRun',
    target: 'none',
    cells: capable('monitor', 'admin'),
    note: 'a dry run of the catalogue as exported',
  },

  // Scorecard
  ...SCORECARD_READS.flatMap(([operation, probe]) => unitRows(operation, probe, SCORECARD_OF)),
  { operation: 'GET /api/v1/scorecard/settings', probe: 'scorecardSettings', target: 'none', cells: capable('leader', 'monitor', 'admin') },
  { operation: 'GET /api/v1/scorecard/formulas', probe: 'formulas', target: 'none', cells: capable('leader', 'monitor', 'admin') },
  {
    operation: 'POST /api/v1/scorecard/formulas',
    probe: 'addFormula',
    target: 'none',
    cells: cells('forbidden', { invalid: withRole('monitor', 'admin') }),
    note: `an empty definition; ${DEPLOYMENT_WIDE}`,
  },

  // Last: logging in (which replaces the caller's session), then ending the session.
  { operation: 'POST /api/v1/auth/login', probe: 'login', target: 'none', cells: PUBLIC, consumes: true },
  { operation: 'POST /api/v1/auth/logout', probe: 'logout', target: 'none', cells: SESSION, consumes: true },
];

export const MATRIX: readonly Row[] = [
  ...DOSSIER_ROWS,
  ...INTAKE_ROWS,
  ...PAYMENT_ROWS,
  ...RESULT_ROWS,
  ...VAULT_ROWS,
  ...PORTAL_ROWS,
  ...FEEDBACK_ROWS,
  ...FEEDBACK_MINE_ROWS,
  ...NATIONAL_CATALOGUE_ROWS,
  ...REFORM_ROWS,
  ...SURVEY_ROWS,
  ...PAR_ROWS,
  ...OTHER_ROWS,
];

// ---------------------------------------------------------------------------------------------------------------
// Relations, for reading the table and its failures
// ---------------------------------------------------------------------------------------------------------------

export type Relation = 'own' | 'parent' | 'child' | 'sibling' | 'other province' | 'none';

const TREE = new UnitTree([...DEMO_UNITS, ...OTHER_PROVINCE]);

/** The relation of an identity's unit to a unit (a dossier's: the unit that settles it). */
export function relationOf(identity: Identity, unit: string | null): Relation {
  const own = (IDENTITIES[identity] as IdentitySpec).unit;
  if (own === null || unit === null) return 'none';
  const top = (code: string) => TREE.ancestry(code).at(-1)?.code;
  if (top(own) !== top(unit)) return 'other province';
  const served = scopeRootOf(own, TREE);
  if (own === unit || served === unit) return 'own';
  if (TREE.isWithin(unit, served)) return 'parent';
  if (TREE.isWithin(served, unit)) return 'child';
  return 'sibling';
}

export function targetUnit(target: Target): string | null {
  if (target === 'none') return null;
  return 'dossier' in target ? DOSSIERS[target.dossier].unit : UNIT_TARGETS[target.unit];
}

export function describeCell(row: Row, identity: Identity): string {
  const spec = IDENTITIES[identity] as IdentitySpec;
  const target = row.target === 'none' ? '' : 'dossier' in row.target ? ` · ${row.target.dossier} dossier` : ` · unit ${row.target.unit}`;
  return `${row.operation} (${row.probe})${target} · ${identity} (${spec.role ?? 'anonymous'}, ${relationOf(identity, targetUnit(row.target))})`;
}
