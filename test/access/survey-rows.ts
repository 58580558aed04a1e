/**
 * The access matrix's rows for the province's satisfaction survey (issue 23 §6): routes in src/http/routes/surveys.ts.
 * Part of MATRIX (test/access/matrix.ts). Probes are in test/access/survey-probes.ts.
 *
 * The answering page is public behind its token: a token that names no invitation is 404 for everyone. The offer on a
 * dossier's page is its applicant's (citizenOwner's returned dossier: no open round offers it, so opening the survey is
 * refused 409); others who see the dossier are refused 403, the rest do not see it. Rounds, the results (of a month, and
 * of the demo's closed round over the whole province) and the DongBoDanhGia view: scorecard.view, within one's subtree
 * (the other province's readers do not see the demo's round: 404). Opening and closing rounds and the population
 * preview: survey.manage (monitors and administrators) over units of their subtree; the probe's opening has no body
 * (400 once the guard let it through), its closing names the demo's round, already closed (409).
 */
import { capable, cells, dossierRows, minus, onDossier, SEE, withRole, type Row } from './cells.js';

const READERS = withRole('leader', 'monitor', 'admin');
const PROVINCE_READERS = ['leaderOwn', 'leaderDepartment', 'monitor', 'admin'] as const;
const NO_SUCH_TOKEN = cells('hidden', { hidden: ['anonymous'] });

export const SURVEY_ROWS: Row[] = [
  { operation: 'GET /api/v1/surveys/invitations/{token}', probe: 'surveyInvitation', target: 'none', cells: NO_SUCH_TOKEN, note: 'a token of no invitation' },
  { operation: 'POST /api/v1/surveys/invitations/{token}', probe: 'surveyAnswer', target: 'none', cells: NO_SUCH_TOKEN, note: 'a token of no invitation' },
  ...dossierRows('GET /api/v1/surveys/dossiers/{id}', 'surveyOffer', ['returned'], () => onDossier('returned', ['citizenOwner'], 'forbidden')),
  ...dossierRows('POST /api/v1/surveys/dossiers/{id}/invitation', 'surveyIssue', ['returned'], () =>
    cells('hidden', { refused: ['citizenOwner'], forbidden: minus(SEE.returned, 'citizenOwner') }),
  ),
  { operation: 'GET /api/v1/surveys/rounds', probe: 'surveyRounds', target: 'none', cells: capable('leader', 'monitor', 'admin') },
  { operation: 'GET /api/v1/surveys/population', probe: 'surveyPopulation', target: 'none', cells: cells('forbidden', { ok: ['monitor', 'admin'] }) },
  { operation: 'POST /api/v1/surveys/rounds', probe: 'surveyOpen', target: 'none', cells: cells('forbidden', { invalid: withRole('monitor', 'admin') }) },
  { operation: 'POST /api/v1/surveys/rounds/{id}/close', probe: 'surveyClose', target: 'none', cells: cells('forbidden', { refused: ['monitor', 'admin'] }) },
  {
    operation: 'GET /api/v1/surveys/rounds/{id}/results',
    probe: 'surveyRoundResults',
    target: 'none',
    cells: cells('forbidden', { ok: [...PROVINCE_READERS], hidden: minus(READERS, ...PROVINCE_READERS) }),
  },
  { operation: 'GET /api/v1/surveys/results', probe: 'surveyMonthResults', target: 'none', cells: capable('leader', 'monitor', 'admin') },
  { operation: 'GET /api/v1/surveys/portal-ratings', probe: 'surveyPortalRatings', target: 'none', cells: capable('leader', 'monitor', 'admin') },
];
