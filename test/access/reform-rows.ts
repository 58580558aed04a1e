/**
 * The access matrix's rows for the reform plan and the legal-documents register (issue 23 items 7 and 8): routes in
 * src/http/routes/reform-plans.ts and legal-documents.ts. Part of MATRIX (test/access/matrix.ts); probes in
 * test/access/reform-probes.ts.
 *
 * The plan's keepers (reform.manage: monitors and administrators) read their province's plan and register and change
 * them; a unit's leaders and specialists (reform.report) read and report their own unit's tasks. Desks and citizens
 * have neither. The task tried is one of Phường Tam Thanh's in the demo's 2026 plan: its officials and the province's
 * keepers see it, any other holder of a capability gets 404 (another unit's, another province's). Changes carry a stale
 * version: those who may act are refused with 409, which proves they got past every other check.
 */
import { cells, withRole, type Row } from './cells.js';
import type { Identity } from './fixture.js';

const READERS = withRole('specialist', 'leader', 'monitor', 'admin');
const KEEPERS: Identity[] = ['monitor', 'admin'];
const OTHER_KEEPERS: Identity[] = ['monitorOtherProvince', 'adminOtherProvince'];
const WARD_OFFICIALS: Identity[] = ['specialistOwn', 'leaderOwn'];
const OTHER_REPORTERS = withRole('specialist', 'leader').filter((i) => !WARD_OFFICIALS.includes(i));
/** Who sees the ward's task, and who holds a capability but does not see it. */
const SEE_TASK = [...WARD_OFFICIALS, ...KEEPERS];
const NOT_THEIRS = [...OTHER_REPORTERS, ...OTHER_KEEPERS];
const STALE = 'a stale version: those who may act get 409';

export const REFORM_ROWS: Row[] = [
  {
    operation: 'GET /api/v1/reform-plans',
    probe: 'reformPlans',
    target: 'none',
    cells: cells('forbidden', { ok: READERS }),
    note: 'each their province’s plans',
  },
  {
    operation: 'GET /api/v1/reform-plans/{year}',
    probe: 'reformPlan',
    target: 'none',
    cells: cells('forbidden', { ok: READERS }),
    note: 'the province’s plan, or one’s own unit’s tasks',
  },
  {
    operation: 'POST /api/v1/reform-plans/{year}/tasks',
    probe: 'reformAddTask',
    target: 'none',
    cells: cells('forbidden', { invalid: withRole('monitor', 'admin') }),
    note: 'an incomplete task',
  },
  {
    operation: 'POST /api/v1/reform-plans/{year}/import',
    probe: 'reformImport',
    target: 'none',
    cells: cells('forbidden', { invalid: withRole('monitor', 'admin') }),
    note: 'a file that is not a workbook',
  },
  { operation: 'GET /api/v1/reform-tasks/{id}', probe: 'reformTask', target: 'none', cells: cells('forbidden', { ok: SEE_TASK, hidden: NOT_THEIRS }) },
  {
    operation: 'GET /api/v1/reform-tasks/{id}/evidence',
    probe: 'reformEvidence',
    target: 'none',
    cells: cells('forbidden', { ok: SEE_TASK, hidden: NOT_THEIRS }),
    note: 'a ward task reported done with a PDF',
  },
  {
    operation: 'PATCH /api/v1/reform-tasks/{id}',
    probe: 'reformEditTask',
    target: 'none',
    cells: cells('forbidden', { refused: KEEPERS, hidden: OTHER_KEEPERS }),
    note: STALE,
  },
  {
    operation: 'POST /api/v1/reform-tasks/{id}/reports',
    probe: 'reformReport',
    target: 'none',
    cells: cells('forbidden', { refused: WARD_OFFICIALS, hidden: OTHER_REPORTERS }),
    note: `${STALE}; only the owner unit reports`,
  },
  {
    operation: 'POST /api/v1/reform-tasks/{id}/reopen',
    probe: 'reformReopen',
    target: 'none',
    cells: cells('forbidden', { refused: KEEPERS, hidden: OTHER_KEEPERS }),
    note: STALE,
  },
  {
    operation: 'POST /api/v1/reform-tasks/{id}/findings',
    probe: 'reformFinding',
    target: 'none',
    cells: cells('forbidden', { refused: SEE_TASK, hidden: NOT_THEIRS }),
    note: `${STALE}; the owner unit and the keepers`,
  },
  {
    operation: 'PATCH /api/v1/reform-tasks/{id}/findings/{findingId}',
    probe: 'reformRemedy',
    target: 'none',
    cells: cells('forbidden', { refused: SEE_TASK, hidden: NOT_THEIRS }),
    note: STALE,
  },
  { operation: 'GET /api/v1/legal-register', probe: 'legalRegister', target: 'none', cells: cells('forbidden', { ok: [...KEEPERS, ...OTHER_KEEPERS] }) },
  {
    operation: 'POST /api/v1/legal-register',
    probe: 'legalRegisterAdd',
    target: 'none',
    cells: cells('forbidden', { invalid: [...KEEPERS, ...OTHER_KEEPERS] }),
    note: 'an incomplete document',
  },
  { operation: 'GET /api/v1/legal-register/figures', probe: 'legalFigures', target: 'none', cells: cells('forbidden', { ok: [...KEEPERS, ...OTHER_KEEPERS] }) },
  {
    operation: 'GET /api/v1/legal-register/{id}',
    probe: 'legalDocument',
    target: 'none',
    cells: cells('forbidden', { ok: KEEPERS, hidden: OTHER_KEEPERS }),
    note: 'a document of Lạng Sơn’s register',
  },
  {
    operation: 'PATCH /api/v1/legal-register/{id}',
    probe: 'legalEdit',
    target: 'none',
    cells: cells('forbidden', { refused: KEEPERS, hidden: OTHER_KEEPERS }),
    note: STALE,
  },
  {
    operation: 'POST /api/v1/legal-register/{id}/reviews',
    probe: 'legalReview',
    target: 'none',
    cells: cells('forbidden', { refused: KEEPERS, hidden: OTHER_KEEPERS }),
    note: STALE,
  },
  {
    operation: 'POST /api/v1/legal-register/{id}/links',
    probe: 'legalLink',
    target: 'none',
    cells: cells('forbidden', { refused: KEEPERS, hidden: OTHER_KEEPERS }),
    note: STALE,
  },
];
