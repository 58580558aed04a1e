/**
 * The access matrix's rows for a citizen's own feedback and an item's attachments (issue 22; routes in
 * src/http/routes/feedback.ts). Part of MATRIX (test/access/matrix.ts); probes in test/access/feedback-mine-probes.ts.
 *
 * The item is citizenOwner's, sent from their account to Phường Tam Thanh with a PDF. "Phản ánh, kiến nghị của
 * tôi" lists it to its sender only (any other session gets its own list: hidden means not listed); the tracking view
 * without the secret is its sender's alone. The attachment goes to the officials who handle the item (as GET
 * /feedback/{id}) and to its sender; every probe carries a wrong tracking secret, which proves nothing (anonymous: 404).
 */
import { cells, type Row } from './cells.js';
import { WARD_HANDLERS } from './feedback-rows.js';

const SENDER_ONLY = cells('hidden', { ok: ['citizenOwner'] });

export const FEEDBACK_MINE_ROWS: Row[] = [
  { operation: 'GET /api/v1/feedback/mine', probe: 'feedbackMine', target: 'none', cells: SENDER_ONLY, note: 'ok: listed; hidden: not listed' },
  { operation: 'GET /api/v1/feedback/mine/{code}', probe: 'feedbackMineItem', target: 'none', cells: SENDER_ONLY },
  {
    operation: 'GET /api/v1/feedback/{id}/attachments/{attachmentId}',
    probe: 'feedbackAttachment',
    target: 'none',
    cells: cells('hidden', { ok: ['citizenOwner', ...WARD_HANDLERS], hidden: ['anonymous'] }),
    note: 'with a wrong tracking secret: the sender by account and the handling unit get the file',
  },
];
