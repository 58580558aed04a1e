/**
 * Citizen feedback in the shape of Open311 GeoReport v2 (issue 22 §7, INTEGRATIONS §4.2), so that existing civic apps
 * talk to it: `services` are the two kinds of feedback (5.1), `requests` the items (an answered one is `closed`, its
 * answer in `status_notes`), `tokens` lead to the request (intake is synchronous: the token is the request's id). The
 * PAKN states that `open`/`closed` cannot say travel in `extended_attributes`. Submitting needs an API key of a
 * trusted app (OPEN311_API_KEYS) or the public form's challenge; nothing personal is ever listed.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { FEEDBACK_KINDS, KIND_LABELS, STATUS_LABELS, type FeedbackKind, type FeedbackStatus } from '../../domain/feedback/feedback.js';
import { submitFeedback, type IntakeDeps } from './submit-feedback.js';
import { stateOf } from './feedback-views.js';

export const OPEN311_SERVICES = FEEDBACK_KINDS.map((kind) => ({
  service_code: kind,
  service_name: KIND_LABELS[kind],
  description: kind === 'regulation' ? 'Phản ánh, kiến nghị về quy định hành chính, thủ tục hành chính' : 'Phản ánh về hành vi của cán bộ, công chức',
  metadata: true,
  type: 'realtime' as const,
  keywords: 'phản ánh, kiến nghị, PAKN',
  group: 'Phản ánh, kiến nghị',
}));

export function open311Service(deps: IntakeDeps, code: string) {
  if (!(FEEDBACK_KINDS as readonly string[]).includes(code)) return null;
  const units = deps.units
    .tree()
    .all()
    .map((u) => ({ key: u.code, name: u.name }));
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'unit_code',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Đơn vị tiếp nhận',
        order: 1,
        description: 'Đơn vị',
        values: units,
      },
      {
        variable: true,
        code: 'procedure_code',
        datatype: 'string',
        required: false,
        datatype_description: 'Mã thủ tục (MaTTHC)',
        order: 2,
        description: 'Thủ tục',
      },
      { variable: true, code: 'title', datatype: 'string', required: true, datatype_description: 'Tiêu đề', order: 3, description: 'Tiêu đề' },
    ],
  };
}

export interface Open311Submission {
  api_key?: string;
  service_code: string;
  description: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  address_string?: string;
  attribute?: Record<string, string>;
}

const sameKey = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** POST requests.json: an item as the public form takes it, the reporter named when they gave a name. */
export async function submitOpen311(
  deps: IntakeDeps & { open311Keys: readonly string[] },
  input: { body: Open311Submission; meta: RequestMeta },
): Promise<Result<{ service_request_id: string; token: string; service_notice: string; account_id: null; tracking_secret: string }[]>> {
  const b = input.body;
  if (!(FEEDBACK_KINDS as readonly string[]).includes(b.service_code))
    return fail('VALIDATION_FAILED', [{ path: 'body.service_code', message: `Không có dịch vụ ${b.service_code}` }]);
  const keyed = b.api_key !== undefined && deps.open311Keys.some((k) => sameKey(k, b.api_key!));
  if (b.api_key !== undefined && !keyed) return fail('AUTH_REQUIRED');
  const attr = b.attribute ?? {};
  const name = [b.last_name, b.first_name].filter(Boolean).join(' ').trim();
  const result = await submitFeedback(
    { ...deps, trusted: keyed },
    {
      body: {
        title: (attr.title ?? b.description.slice(0, 120)).trim(),
        content: b.description,
        unitCode: attr.unit_code ?? null,
        procedureCode: attr.procedure_code ?? null,
        dossierCode: null,
        reporter: name ? { name, email: b.email ?? null, phone: b.phone ?? null, address: b.address_string ?? null } : null,
        showName: false,
        attachments: [],
        challenge: attr.challenge_token ? { token: attr.challenge_token, answer: attr.challenge_answer ?? '' } : null,
      },
      meta: input.meta,
      // The service the app chose is the item's first classification; the officials may change it.
      kind: b.service_code as FeedbackKind,
    },
  );
  if (!result.ok) return result;
  return ok([
    {
      service_request_id: result.value.code,
      token: result.value.code,
      service_notice: 'Đã tiếp nhận; thời hạn xử lý 15 ngày làm việc',
      account_id: null,
      tracking_secret: result.value.secret,
    },
  ]);
}

/** Open311's `closed`: answered in public, or done with here (refused, returned, handed to another agency). */
const CLOSED: FeedbackStatus[] = ['published', 'refused', 'returned', 'transferred'];
const STATUS_OPEN311 = (status: FeedbackStatus) => (CLOSED.includes(status) ? 'closed' : 'open');

type Row = {
  code: string;
  kind: FeedbackKind | null;
  title: string;
  content: string;
  unit_code: string;
  status: string;
  state: unknown;
  answer: string | null;
  received_at: Date;
  published_at: Date | null;
};

function requestOf(deps: IntakeDeps, r: Row) {
  const state = stateOf(r as { state: string });
  const published = state.status === 'published';
  return {
    service_request_id: r.code,
    status: STATUS_OPEN311(state.status),
    status_notes: published ? r.answer : null,
    service_name: r.kind ? KIND_LABELS[r.kind] : 'Phản ánh, kiến nghị',
    service_code: r.kind,
    // Only the title of an item not yet answered: its text may name people.
    description: published ? r.content : r.title,
    agency_responsible: deps.units.tree().find(r.unit_code)?.name ?? r.unit_code,
    service_notice: null,
    requested_datetime: r.received_at.toISOString(),
    updated_datetime: (r.published_at ?? r.received_at).toISOString(),
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
    extended_attributes: { pakn_status: state.status, pakn_status_label: STATUS_LABELS[state.status] },
  };
}

const COLUMNS = ['code', 'kind', 'title', 'content', 'unit_code', 'status', 'state', 'answer', 'received_at', 'published_at'] as const;
const MAX_RANGE_MS = 90 * 86_400_000;

/** GET requests.json: by ids (overriding the rest), or by service, status and a date range of at most 90 days. */
export async function listOpen311(
  deps: IntakeDeps,
  q: { service_request_id?: string; service_code?: string; status?: string; start_date?: string; end_date?: string },
): Promise<Result<ReturnType<typeof requestOf>[]>> {
  let query = deps.db.selectFrom('feedback_items').select(COLUMNS);
  if (q.service_request_id) {
    query = query.where(
      'code',
      'in',
      q.service_request_id
        .split(',')
        .map((s) => s.trim())
        .slice(0, 100),
    );
  } else {
    const end = q.end_date ? new Date(q.end_date) : deps.clock();
    const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - MAX_RANGE_MS);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start || end.getTime() - start.getTime() > MAX_RANGE_MS)
      return fail('VALIDATION_FAILED', [{ path: 'query.end_date', message: 'Khoảng ngày không hợp lệ (tối đa 90 ngày)' }]);
    query = query.where('received_at', '>=', start).where('received_at', '<=', end);
    if (q.service_code) query = query.where('kind', '=', q.service_code as FeedbackKind);
    if (q.status === 'closed') query = query.where('status', 'in', CLOSED);
    else if (q.status === 'open') query = query.where('status', 'not in', CLOSED);
  }
  const rows = await query.orderBy('received_at', 'desc').limit(1000).execute();
  return ok(rows.map((r) => requestOf(deps, r)));
}
