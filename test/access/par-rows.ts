/**
 * The access matrix's rows for the reform index (issue 23; routes in src/http/routes/par-index.ts). Part of MATRIX
 * (test/access/matrix.ts); probes in test/access/par-probes.ts.
 *
 * The demo's monitor keeps a commune-level scheme and opens a round for Phường Tam Thanh and Xã Cao Lộc (and a second
 * round, closed). Schemes and rounds are their province's: the other province's managers do not see them (404).
 * A scheme and a round are seen by their managers and by the officials of an assessed unit; the ward's assessment by
 * the managers and the ward's own officials (anyone else signed in: 404). Scoring and evidence are the ward's
 * specialists' and leaders' (par.assess; another unit's: 403), submission its leader's (par.submit); appraisal,
 * survey results and closing the managers' (par.manage). Probes that would change what others read send a stale
 * version (409) or input the use case refuses (400).
 */
import { cells, withRole, type Row } from './cells.js';

const ASSESSORS = withRole('specialist', 'leader');
const MANAGERS = ['monitor', 'admin'] as const;
const OTHER_MANAGERS = ['monitorOtherProvince', 'adminOtherProvince'] as const;
const WARD = ['specialistOwn', 'leaderOwn'] as const;
/** The officials of the two communes the round assesses. */
const ASSESSED = [...WARD, 'specialistSibling'] as const;
const READERS = [...ASSESSORS, ...MANAGERS, ...OTHER_MANAGERS];
/** Seen by the managers and the assessed units' officials; the other holders of a capability do not see it. */
const SEEN_BY_ASSESSED = cells('forbidden', {
  ok: [...MANAGERS, ...ASSESSED],
  hidden: READERS.filter((i) => !([...MANAGERS, ...ASSESSED] as string[]).includes(i)),
});
const WARD_ONLY = cells('hidden', { ok: [...MANAGERS, ...WARD] });
const MANAGE = (mine: 'ok' | 'invalid' | 'refused') => cells('forbidden', { [mine]: [...MANAGERS], hidden: [...OTHER_MANAGERS] });
const RESULTS = cells('forbidden', { ok: [...MANAGERS], hidden: [...OTHER_MANAGERS, ...withRole('leader')] });

export const PAR_ROWS: Row[] = [
  {
    operation: 'GET /api/v1/par/schemes',
    probe: 'parSchemes',
    target: 'none',
    cells: cells('forbidden', { ok: READERS }),
    note: 'each sees those of their province',
  },
  { operation: 'POST /api/v1/par/schemes', probe: 'parSchemeCreate', target: 'none', cells: cells('forbidden', { invalid: [...MANAGERS, ...OTHER_MANAGERS] }) },
  {
    operation: 'POST /api/v1/par/schemes/import',
    probe: 'parSchemeImport',
    target: 'none',
    cells: cells('forbidden', { invalid: [...MANAGERS, ...OTHER_MANAGERS] }),
  },
  { operation: 'GET /api/v1/par/schemes/{id}', probe: 'parScheme', target: 'none', cells: SEEN_BY_ASSESSED },
  { operation: 'GET /api/v1/par/schemes/{id}/xlsx', probe: 'parSchemeXlsx', target: 'none', cells: SEEN_BY_ASSESSED },
  { operation: 'PUT /api/v1/par/schemes/{id}', probe: 'parSchemeUpdate', target: 'none', cells: MANAGE('refused'), note: 'a stale version' },
  { operation: 'POST /api/v1/par/schemes/{id}/copy', probe: 'parSchemeCopy', target: 'none', cells: MANAGE('ok') },
  {
    operation: 'GET /api/v1/par/rounds',
    probe: 'parRounds',
    target: 'none',
    cells: cells('forbidden', { ok: READERS }),
    note: 'each sees the rounds they manage or that assess their unit',
  },
  { operation: 'POST /api/v1/par/rounds', probe: 'parRoundOpen', target: 'none', cells: cells('forbidden', { invalid: [...MANAGERS, ...OTHER_MANAGERS] }) },
  { operation: 'GET /api/v1/par/rounds/{id}', probe: 'parRound', target: 'none', cells: SEEN_BY_ASSESSED },
  { operation: 'POST /api/v1/par/rounds/{id}/close', probe: 'parRoundClose', target: 'none', cells: MANAGE('refused'), note: 'the closed round' },
  {
    operation: 'POST /api/v1/par/rounds/{id}/survey-results',
    probe: 'parSurvey',
    target: 'none',
    cells: MANAGE('invalid'),
    note: 'a unit the round does not assess',
  },
  {
    operation: 'GET /api/v1/par/rounds/{id}/results',
    probe: 'parResults',
    target: 'none',
    cells: RESULTS,
    note: 'a unit leader reads figures of their own subtree only',
  },
  { operation: 'GET /api/v1/par/rounds/{id}/report.{format}', probe: 'parReport', target: 'none', cells: RESULTS },
  { operation: 'GET /api/v1/par/rounds/{id}/units/{unit}', probe: 'parAssessment', target: 'none', cells: WARD_ONLY },
  {
    operation: 'PUT /api/v1/par/rounds/{id}/units/{unit}/scores/{sub}',
    probe: 'parScore',
    target: 'none',
    cells: cells('forbidden', { refused: [...WARD] }),
    note: 'a stale version',
  },
  {
    operation: 'POST /api/v1/par/rounds/{id}/units/{unit}/scores/{sub}/evidence',
    probe: 'parEvidenceAdd',
    target: 'none',
    cells: cells('forbidden', { ok: [...WARD] }),
  },
  { operation: 'GET /api/v1/par/rounds/{id}/units/{unit}/evidence/{evidenceId}', probe: 'parEvidence', target: 'none', cells: WARD_ONLY },
  {
    operation: 'POST /api/v1/par/rounds/{id}/units/{unit}/submit',
    probe: 'parSubmit',
    target: 'none',
    cells: cells('forbidden', { refused: ['leaderOwn'] }),
    note: 'a stale version',
  },
  {
    operation: 'POST /api/v1/par/rounds/{id}/units/{unit}/scores/{sub}/appraisal',
    probe: 'parAppraise',
    target: 'none',
    cells: MANAGE('refused'),
    note: 'a stale version',
  },
  { operation: 'POST /api/v1/par/rounds/{id}/units/{unit}/decision', probe: 'parDecide', target: 'none', cells: MANAGE('refused'), note: 'a stale version' },
];
