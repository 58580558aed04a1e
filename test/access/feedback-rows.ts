/**
 * The access matrix's rows for citizen feedback (issue 22): routes in src/http/routes/feedback.ts and open311.ts.
 * Part of MATRIX (test/access/matrix.ts). Probes are in test/access/feedback-probes.ts.
 *
 * Public: the challenge, the public list and an answer's page, the Open311 reads. The public form: anyone without a
 * session (with the challenge) or a citizen; an official's session is refused (officials enter items from their
 * desk); Open311's submission follows the same rule. The reporter's actions need the tracking secret (a wrong one is 404). The officials' queue, items and
 * actions: feedback.handle (desks, specialists, leaders), each on the items of their unit's subtree (the matrix's item
 * belongs to Phường Tam Thanh: the ward's officials and the provincial desk handle it, others get 404).
 */
import { cells, PUBLIC, withRole, CITIZENS, type Row } from './cells.js';
import type { Identity } from './fixture.js';

const HANDLERS = withRole('desk_officer', 'specialist', 'leader');
/** Who handles the matrix's item of Phường Tam Thanh: the ward's officials, and the provincial desk above it. */
export const WARD_HANDLERS: Identity[] = ['deskOwn', 'specialistOwn', 'leaderOwn', 'deskProvince'];
/** The public form's rule: refused without a session (no challenge), taken from a citizen, refused from an official. */
const FORM = cells('forbidden', { invalid: ['anonymous'], ok: CITIZENS });

export const FEEDBACK_ROWS: Row[] = [
  { operation: 'GET /api/v1/feedback/challenge', probe: 'feedbackChallenge', target: 'none', cells: PUBLIC },
  { operation: 'GET /api/v1/feedback/public', probe: 'feedbackPublic', target: 'none', cells: PUBLIC },
  {
    operation: 'GET /api/v1/feedback/public/{code}',
    probe: 'feedbackPublicItem',
    target: 'none',
    cells: cells('hidden', { hidden: ['anonymous'] }),
    note: 'an item not published',
  },
  {
    operation: 'POST /api/v1/feedback',
    probe: 'feedbackSubmit',
    target: 'none',
    cells: FORM,
    note: 'no challenge: refused without a session, taken from a citizen, refused from an official',
  },
  {
    operation: 'POST /api/v1/feedback/track',
    probe: 'feedbackTrack',
    target: 'none',
    cells: cells('hidden', { hidden: ['anonymous'] }),
    note: 'a wrong secret',
  },
  {
    operation: 'POST /api/v1/feedback/public/{code}/supplement',
    probe: 'feedbackSupplement',
    target: 'none',
    cells: cells('hidden', { hidden: ['anonymous'] }),
  },
  { operation: 'POST /api/v1/feedback/public/{code}/reraise', probe: 'feedbackReraise', target: 'none', cells: cells('hidden', { hidden: ['anonymous'] }) },
  {
    operation: 'POST /api/v1/feedback/public/{code}/vote',
    probe: 'feedbackVote',
    target: 'none',
    cells: cells('hidden', { hidden: ['anonymous'] }),
    note: 'an item not published',
  },
  { operation: 'GET /api/v1/feedback', probe: 'feedbackQueue', target: 'none', cells: cells('forbidden', { ok: HANDLERS }) },
  {
    operation: 'GET /api/v1/feedback/{id}',
    probe: 'feedbackItem',
    target: 'none',
    cells: cells('forbidden', { ok: WARD_HANDLERS, hidden: HANDLERS.filter((i) => !WARD_HANDLERS.includes(i)) }),
  },
  {
    operation: 'POST /api/v1/feedback/{id}/actions',
    probe: 'feedbackAct',
    target: 'none',
    cells: cells('forbidden', { refused: WARD_HANDLERS, hidden: HANDLERS.filter((i) => !WARD_HANDLERS.includes(i)) }),
    note: 'a stale version: the handlers are refused (409), others do not see it',
  },
  {
    operation: 'POST /api/v1/feedback/entries',
    probe: 'feedbackEnter',
    target: 'none',
    cells: cells('forbidden', { ok: WARD_HANDLERS }),
    note: 'an item for Phường Tam Thanh: its handlers (and those above it) enter it',
  },
  { operation: 'GET /api/v1/open311/v2/services.json', probe: 'open311Services', target: 'none', cells: PUBLIC },
  { operation: 'GET /api/v1/open311/v2/services/{code}.json', probe: 'open311Service', target: 'none', cells: PUBLIC },
  { operation: 'GET /api/v1/open311/v2/requests.json', probe: 'open311Requests', target: 'none', cells: PUBLIC },
  { operation: 'GET /api/v1/open311/v2/requests/{id}.json', probe: 'open311Request', target: 'none', cells: cells('hidden', { hidden: ['anonymous'] }) },
  { operation: 'GET /api/v1/open311/v2/tokens/{token}.json', probe: 'open311Token', target: 'none', cells: cells('hidden', { hidden: ['anonymous'] }) },
  { operation: 'POST /api/v1/open311/v2/requests.json', probe: 'open311Submit', target: 'none', cells: FORM, note: 'no key, no challenge: as the public form' },
];
