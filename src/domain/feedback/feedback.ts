/**
 * Citizen feedback on administrative regulations (phản ánh, kiến nghị, PAKN; REFERENCE §5, INTEGRATIONS §4): what an
 * item is, what can happen to it, and its state folded from what happened, as dossiers are (ADR 3). Complaints and
 * denunciations (khiếu nại, tố cáo) are another legal flow and are not modelled here.
 */

export const FEEDBACK_CHANNELS = ['portal', 'hotline', 'letter', 'email', 'forwarded'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  portal: 'Cổng dịch vụ công',
  hotline: 'Đường dây nóng',
  letter: 'Thư, đơn gửi trực tiếp',
  email: 'Thư điện tử',
  forwarded: 'Chuyển đến từ cơ quan khác',
};

/** Indicator 5.1: about a regulation, policy or procedure, or about an official's conduct. */
export const FEEDBACK_KINDS = ['regulation', 'conduct'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const KIND_LABELS: Record<FeedbackKind, string> = {
  regulation: 'Quy định hành chính, thủ tục hành chính',
  conduct: 'Hành vi của cán bộ, công chức',
};

/**
 * The states (REFERENCE §5, as the national PAKN system names them): waiting for reception (received), in progress
 * (processing, answerDrafted), handled (awaitingPublication, published, refused, returned, transferred,
 * supplementRequested).
 */
export const FEEDBACK_STATUSES = [
  'received',
  'processing',
  'supplementRequested',
  'answerDrafted',
  'awaitingPublication',
  'published',
  'refused',
  'returned',
  'transferred',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: 'Mới tiếp nhận',
  processing: 'Đang xử lý',
  supplementRequested: 'Chờ bổ sung thông tin',
  answerDrafted: 'Đã có dự thảo trả lời, chờ lãnh đạo duyệt',
  awaitingPublication: 'Chờ công khai',
  published: 'Đã công khai',
  refused: 'Từ chối tiếp nhận',
  returned: 'Trả lại nơi chuyển đến',
  transferred: 'Chuyển đơn vị khác',
};

/** Handled, as the 15-working-day rule counts it (REFERENCE §5). */
export const HANDLED: ReadonlySet<FeedbackStatus> = new Set(['awaitingPublication', 'published', 'refused', 'returned', 'transferred']);

/** What happened to an item; `at` in local minutes (Vietnam time), as dossier actions. */
export type FeedbackEvent =
  | { type: 'receive'; at: number; unitCode: string }
  | { type: 'classify'; at: number; kind: FeedbackKind; procedureCode: string | null; fieldCode: string | null }
  | { type: 'accept'; at: number }
  /** To another unit of the province, which then handles it; the clock runs on from the first reception. */
  | { type: 'transfer'; at: number; toUnitCode: string; reason: string }
  /** To another ministry or province, through its own system: handled here (chuyển đơn vị khác). */
  | { type: 'transferOut'; at: number; to: string; reason: string }
  | { type: 'returnToSender'; at: number; reason: string }
  | { type: 'refuse'; at: number; reason: string }
  | { type: 'requestSupplement'; at: number; reason: string }
  | { type: 'supplement'; at: number }
  | { type: 'draftAnswer'; at: number }
  | { type: 'rejectDraft'; at: number; reason: string }
  | { type: 'approveAnswer'; at: number }
  | { type: 'publish'; at: number }
  | { type: 'reraise'; at: number; reason: string };
export type FeedbackEventType = FeedbackEvent['type'];

export interface FeedbackState {
  status: FeedbackStatus;
  unitCode: string | null;
  kind: FeedbackKind | null;
  /** When the clock started: reception here, or the first reception upstream for forwarded items. */
  receivedAt: number | null;
  refusedAt: number | null;
  /** The first supplement request (only the first counts, REFERENCE §5). */
  supplementRequestedAt: number | null;
  supplementRequests: number;
  /** When the citizen's supplement came: the handling clock starts again from it. */
  supplementedAt: number | null;
  /** The first time it was handled (chờ công khai, đã công khai, refused, returned, transferred). */
  handledAt: number | null;
  awaitingPublicationAt: number | null;
  publishedAt: number | null;
  reraised: boolean;
}

export const initialFeedbackState = (): FeedbackState => ({
  status: 'received',
  unitCode: null,
  kind: null,
  receivedAt: null,
  refusedAt: null,
  supplementRequestedAt: null,
  supplementRequests: 0,
  supplementedAt: null,
  handledAt: null,
  awaitingPublicationAt: null,
  publishedAt: null,
  reraised: false,
});

/** Which events each status allows (the officials' buttons are these). */
export const ALLOWED: Record<FeedbackStatus, readonly FeedbackEventType[]> = {
  received: ['classify', 'accept', 'transfer', 'transferOut', 'returnToSender', 'refuse', 'requestSupplement'],
  processing: ['classify', 'transfer', 'transferOut', 'returnToSender', 'requestSupplement', 'draftAnswer'],
  supplementRequested: ['supplement', 'refuse'],
  answerDrafted: ['approveAnswer', 'rejectDraft', 'draftAnswer'],
  awaitingPublication: ['publish'],
  published: ['reraise'],
  refused: [],
  returned: [],
  transferred: [],
};

export function allowed(state: FeedbackState, type: FeedbackEventType): boolean {
  if (type === 'requestSupplement' && state.supplementRequests > 0) return false; // one supplement request
  return ALLOWED[state.status].includes(type);
}

function handled(state: FeedbackState, status: FeedbackStatus, at: number): FeedbackState {
  return { ...state, status, handledAt: HANDLED.has(status) ? (state.handledAt ?? at) : state.handledAt };
}

/** The state after an event (the caller checked it is allowed). */
export function evolveFeedback(state: FeedbackState, e: FeedbackEvent): FeedbackState {
  switch (e.type) {
    case 'receive':
      return { ...state, status: 'received', unitCode: e.unitCode, receivedAt: state.receivedAt ?? e.at };
    case 'classify':
      return { ...state, kind: e.kind };
    case 'accept':
      return { ...state, status: 'processing' };
    case 'transfer':
      return { ...state, status: 'received', unitCode: e.toUnitCode };
    case 'transferOut':
      return handled(state, 'transferred', e.at);
    case 'returnToSender':
      return handled(state, 'returned', e.at);
    case 'refuse':
      return handled({ ...state, refusedAt: e.at }, 'refused', e.at);
    case 'requestSupplement':
      return {
        ...state,
        status: 'supplementRequested',
        supplementRequests: state.supplementRequests + 1,
        supplementRequestedAt: state.supplementRequestedAt ?? e.at,
      };
    case 'supplement':
      return { ...state, status: 'processing', supplementedAt: e.at };
    case 'draftAnswer':
      return { ...state, status: 'answerDrafted' };
    case 'rejectDraft':
      return { ...state, status: 'processing' };
    case 'approveAnswer':
      return handled({ ...state, awaitingPublicationAt: e.at }, 'awaitingPublication', e.at);
    case 'publish':
      return handled({ ...state, publishedAt: state.publishedAt ?? e.at }, 'published', e.at);
    case 'reraise':
      return { ...state, status: 'processing', reraised: true, awaitingPublicationAt: null };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export const foldFeedback = (events: readonly FeedbackEvent[]): FeedbackState => events.reduce(evolveFeedback, initialFeedbackState());
