/**
 * How citizen feedback reads (issue 22): dates in Vietnam time, the next deadline and the missed ones, the history's
 * and the officials' actions in words, votes, and the public list's state in the address bar. Pure: no React, no
 * network.
 */
import { ROLE_LABELS, isRole } from '../../../domain/access/roles.js';
import { MILESTONE_LABELS, type Milestone } from '../../../domain/feedback/deadlines.js';
import {
  CHANNEL_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_STATUSES,
  STATUS_LABELS,
  type FeedbackChannel,
  type FeedbackEventType,
  type FeedbackStatus,
} from '../../../domain/feedback/feedback.js';
import { formatIsoDate, formatNumber, todayInVietnam } from '../../shared/format.js';
import { formatDeadline } from '../dossiers/dossier-format.js';
import type { FeedbackCommandType, FeedbackSummary, PublicFeedbackQuery, QueueQuery } from './api/feedback-api.js';

export const NONE = '—';

/** The public pages and the officials' pages. */
export const FEEDBACK_PAGE = '/phan-anh-kien-nghi';
export const SUBMIT_PAGE = `${FEEDBACK_PAGE}/gui`;
export const TRACK_PAGE = `${FEEDBACK_PAGE}/tra-cuu`;
export const QUEUE_PAGE = '/can-bo/phan-anh';
export const ENTRY_PAGE = `${QUEUE_PAGE}/nhap`;

export function publicAnswerPage(code: string): string {
  return `${FEEDBACK_PAGE}/${encodeURIComponent(code)}`;
}

export function itemPage(id: string): string {
  return `${QUEUE_PAGE}/${encodeURIComponent(id)}`;
}

/** The tracking page with the code filled in (never the secret: it stays out of addresses and history). */
export function trackPageFor(code: string): string {
  return `${TRACK_PAGE}?${new URLSearchParams({ ma: code }).toString()}`;
}

/** An ISO instant as "dd/MM/yyyy" in Vietnam time. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatIsoDate(todayInVietnam(date));
}

/** An ISO instant as "dd/MM/yyyy HH:mm" in Vietnam time. */
export const formatMinute = formatDeadline;

/** A code as typed: spaces dropped, upper case ("pakn-2026-000001 " → "PAKN-2026-000001"). */
export function normalizeFeedbackCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

// ------------------------------------------------------------------------------------------ deadlines

/** What the next deadline is for, as a heading of its date. */
const NEXT_LABELS: Record<Milestone, string> = {
  refuse: 'Hạn từ chối tiếp nhận',
  supplement: 'Hạn yêu cầu bổ sung',
  handle: 'Hạn xử lý',
  publish: 'Hạn công khai trả lời',
};

function isMilestone(value: string): value is Milestone {
  return value in MILESTONE_LABELS;
}

export type DeadlineTone = 'danger' | 'warning' | 'info';

/** Within this time of its deadline an item is "sắp đến hạn". */
export const DUE_SOON_MS = 2 * 86_400_000;

/**
 * The next deadline still to meet: what it is for, "dd/MM/yyyy HH:mm", and how urgent (past it: danger; within two
 * days: warning); null when none is left.
 */
export function nextDeadline(next: FeedbackSummary['next'], now: Date): { label: string; at: string; tone: DeadlineTone } | null {
  if (!next) return null;
  const label = isMilestone(next.milestone) ? NEXT_LABELS[next.milestone] : next.label;
  const left = Date.parse(next.dueAt) - now.getTime();
  const tone: DeadlineTone = left < 0 ? 'danger' : left <= DUE_SOON_MS ? 'warning' : 'info';
  return { label, at: formatMinute(next.dueAt), tone };
}

/** The late badge's words, with the deadlines missed: "Trễ hạn: Xử lý quá 15 ngày làm việc"; null when none was. */
export function lateText(late: readonly string[]): string | null {
  return late.length === 0 ? null : `Trễ hạn: ${late.join('; ')}`;
}

// ------------------------------------------------------------------------------------------ words

export type StatusTone = 'danger' | 'warning' | 'info' | 'neutral' | 'success';

/** A status's colour (its words are always shown): waiting on the unit, on someone else, or done. */
export const STATUS_TONES: Record<FeedbackStatus, StatusTone> = {
  received: 'warning',
  processing: 'info',
  supplementRequested: 'neutral',
  answerDrafted: 'info',
  awaitingPublication: 'warning',
  published: 'success',
  refused: 'neutral',
  returned: 'neutral',
  transferred: 'neutral',
};

/** The queue's filter: open items, every item, or one status. */
export type QueueFilter = 'open' | 'all' | FeedbackStatus;

export const QUEUE_FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: 'Chưa xử lý xong' },
  { value: 'all', label: 'Tất cả' },
  ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

export function parseQueueFilter(value: string | null): QueueFilter {
  return QUEUE_FILTERS.some((f) => f.value === value) ? (value as QueueFilter) : 'open';
}

/** The queue's API query of a filter. */
export function queueQuery(filter: QueueFilter): QueueQuery {
  if (filter === 'open') return { open: 'true', limit: 200 };
  if (filter === 'all') return { open: 'false', limit: 200 };
  return { status: filter, limit: 200 };
}

export const CHANNEL_OPTIONS = FEEDBACK_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));

export function channelLabel(channel: FeedbackChannel): string {
  return CHANNEL_LABELS[channel];
}

/** The history's entries in words. */
export const EVENT_LABELS: Record<FeedbackEventType, string> = {
  receive: 'Tiếp nhận phản ánh',
  classify: 'Phân loại',
  accept: 'Tiếp nhận xử lý',
  transfer: 'Chuyển đơn vị xử lý',
  transferOut: 'Chuyển cơ quan khác',
  returnToSender: 'Trả lại nơi chuyển đến',
  refuse: 'Từ chối tiếp nhận',
  requestSupplement: 'Yêu cầu bổ sung thông tin',
  supplement: 'Người phản ánh bổ sung thông tin',
  draftAnswer: 'Dự thảo trả lời',
  rejectDraft: 'Trả lại dự thảo',
  approveAnswer: 'Duyệt trả lời',
  publish: 'Công khai trả lời',
  reraise: 'Người phản ánh phản ánh lại',
};

export function eventLabel(type: string): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? type;
}

/** Who acted: the role in words, or the reporter themself when no official did. */
export function actorLabel(role: string | null): string {
  if (role === null) return 'Người phản ánh';
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** The officials' buttons. */
export const ACTION_LABELS: Record<FeedbackCommandType, string> = {
  classify: 'Phân loại',
  accept: 'Tiếp nhận xử lý',
  transfer: 'Chuyển đơn vị xử lý',
  transferOut: 'Chuyển cơ quan khác',
  returnToSender: 'Trả lại nơi chuyển đến',
  refuse: 'Từ chối tiếp nhận',
  requestSupplement: 'Yêu cầu bổ sung',
  draftAnswer: 'Dự thảo trả lời',
  rejectDraft: 'Trả lại dự thảo',
  approveAnswer: 'Duyệt trả lời',
  publish: 'Công khai trả lời',
};

export function isCommandType(type: string): type is FeedbackCommandType {
  return type in ACTION_LABELS;
}

/** "12 người hài lòng · 3 người không hài lòng". */
export function votesText(votes: { likes: number; dislikes: number }): string {
  return `${formatNumber(votes.likes)} người hài lòng · ${formatNumber(votes.dislikes)} người không hài lòng`;
}

/** The answer of a vote the server refused for want of an account or the secret (401). */
export const VOTE_NEEDS_IDENTITY =
  'Để bày tỏ hài lòng hoặc không hài lòng, vui lòng đăng nhập bằng tài khoản định danh (VNeID), hoặc nếu bạn là người gửi phản ánh, dùng mã phản ánh và mã tra cứu tại trang Tra cứu phản ánh.';

// ------------------------------------------------------------------------------------------ the public list

export const PUBLIC_PAGE_SIZE = 10;

export interface PublicListState {
  q: string;
  unit: string | null;
  field: string | null;
  /** From 1. */
  page: number;
}

const PARAM = { q: 'q', unit: 'don-vi', field: 'linh-vuc', page: 'trang' } as const;

export function parseListState(params: URLSearchParams): PublicListState {
  const page = Number(params.get(PARAM.page));
  return {
    q: (params.get(PARAM.q) ?? '').slice(0, 200),
    unit: params.get(PARAM.unit) || null,
    field: params.get(PARAM.field) || null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** "?q=…&don-vi=…&trang=2", only what is set; "" for the plain list. */
export function listSearch(state: PublicListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set(PARAM.q, state.q.trim());
  if (state.unit) params.set(PARAM.unit, state.unit);
  if (state.field) params.set(PARAM.field, state.field);
  if (state.page > 1) params.set(PARAM.page, String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's query of a state: its page as an offset. */
export function listQuery(state: PublicListState): PublicFeedbackQuery {
  return {
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    ...(state.unit ? { unit: state.unit } : {}),
    ...(state.field ? { field: state.field } : {}),
    limit: PUBLIC_PAGE_SIZE,
    offset: (state.page - 1) * PUBLIC_PAGE_SIZE,
  };
}

/** The pages known to exist: with `more` (the API counted only so far), one past the last counted. */
export function pageTotal(total: number, more = false): number {
  return Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE) + (more ? 1 : 0));
}

/** "43 phản ánh … · Trang 2/5"; "Hơn 1.000 phản ánh … · Trang 3" when the API counted only so far; "Không có …" when nothing matched. */
export function listHeadline(total: number, page: number, more = false): string {
  if (total === 0) return 'Không có phản ánh, kiến nghị đã trả lời phù hợp.';
  if (more) return `Hơn ${formatNumber(total)} phản ánh, kiến nghị đã trả lời · Trang ${page}`;
  return `${formatNumber(total)} phản ánh, kiến nghị đã trả lời · Trang ${Math.min(page, pageTotal(total))}/${pageTotal(total)}`;
}

/** The first words of a long text, cut at a word: for the list's excerpts. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
