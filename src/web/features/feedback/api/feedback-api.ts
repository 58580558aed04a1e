/**
 * Citizen feedback (phản ánh, kiến nghị; src/http/routes/feedback.ts, issue 22): the public list and an answer's page,
 * the form with its challenge, votes, the reporter's tracking (or a citizen's own items), supplement and re-raise, the
 * attachments' download; the officials' queue, an item, its actions and the entry of calls, letters, e-mails and
 * forwarded items. The shapes are the contract's (src/contract/feedback.ts).
 */
import type { z } from 'zod';
import type {
  EnterFeedbackBody,
  FeedbackChallenge as FeedbackChallengeSchema,
  FeedbackCommand,
  FeedbackDetail,
  FeedbackQueue as FeedbackQueueSchema,
  FeedbackQueueQuery,
  FeedbackReceipt as FeedbackReceiptSchema,
  FeedbackSummary,
  MyFeedbackList,
  PublicFeedback,
  PublicFeedbackList as PublicFeedbackListSchema,
  PublicFeedbackQuery as PublicFeedbackQuerySchema,
  Reporter,
  ReporterView as ReporterViewSchema,
  SubmitFeedbackBody,
} from '../../../../contract/feedback.js';
import { apiGetFile, apiPost, type DownloadedFile } from '../../../shared/api.js';

export type { EnterFeedbackBody, FeedbackCommand, FeedbackDetail, FeedbackSummary, MyFeedbackList, PublicFeedback, Reporter, SubmitFeedbackBody };
export type MyFeedbackItem = MyFeedbackList['items'][number];
export type FeedbackChallenge = z.infer<typeof FeedbackChallengeSchema>;
export type FeedbackQueue = z.infer<typeof FeedbackQueueSchema>;
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>;
export type PublicFeedbackList = z.infer<typeof PublicFeedbackListSchema>;
export type ReporterView = z.infer<typeof ReporterViewSchema>;
export type FeedbackAttachmentInput = SubmitFeedbackBody['attachments'][number];
export type FeedbackEventRow = FeedbackDetail['events'][number];
export type FeedbackAttachmentRow = FeedbackDetail['attachments'][number];
export type FeedbackCommandType = FeedbackCommand['type'];
export type PublicFeedbackQuery = z.infer<typeof PublicFeedbackQuerySchema>;
export type QueueQuery = z.infer<typeof FeedbackQueueQuery>;
export type Vote = 'like' | 'dislike';
export type VoteCounts = Pick<PublicFeedback, 'likes' | 'dislikes'>;
/** What the server says after an official's action: the item's new version and status. */
export type ActionOutcome = Pick<FeedbackDetail, 'id' | 'seq' | 'status'>;

const BASE = '/api/v1/feedback';

/** GET: a question a person answers at once (the form without an account). */
export const CHALLENGE_PATH = `${BASE}/challenge`;

/** GET: published answers matching the text, unit (and the units below it) and field, newest first. */
export function publicListPath(query: PublicFeedbackQuery): string {
  return `${BASE}/public?${searchOf(query)}`;
}

/** The parameters that are set, in a query string. */
function searchOf(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && String(value).trim() !== '') params.set(key, String(value).trim());
  return params.toString();
}

/** GET: one published answer (404 when it is not, or no longer, published). */
export function publicItemPath(code: string): string {
  return `${BASE}/public/${encodeURIComponent(code)}`;
}

/** GET: the officials' queue, most urgent first; `open: 'false'` with no status: every item. */
export function queuePath(query: QueueQuery): string {
  return `${BASE}?${searchOf(query)}`;
}

/** GET: an item with its history, attachments, reporter (for the handling unit) and the actions offered. */
export function itemPath(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** POST 201: the public form (anonymous with the challenge, or a signed-in citizen). */
export function submitFeedback(body: SubmitFeedbackBody): Promise<FeedbackReceipt> {
  return apiPost<FeedbackReceipt>(BASE, { body });
}

/** POST 201: an official enters a call, a letter, an e-mail or a forwarded item. */
export function enterFeedback(body: EnterFeedbackBody): Promise<FeedbackReceipt> {
  return apiPost<FeedbackReceipt>(`${BASE}/entries`, { body });
}

/** POST: like or dislike a published answer; with an account, or the reporter's secret (401 otherwise). */
export function voteOnAnswer(code: string, vote: Vote, secret: string | null): Promise<VoteCounts> {
  return apiPost<VoteCounts>(`${publicItemPath(code)}/vote`, { body: { vote, secret } });
}

/** POST: the reporter's view of their item (404 when the code or the secret is wrong). */
export function trackFeedback(code: string, secret: string): Promise<ReporterView> {
  return apiPost<ReporterView>(`${BASE}/track`, { body: { code, secret } });
}

/** GET: "Phản ánh, kiến nghị của tôi", the signed-in citizen's items, newest first. */
export const MY_FEEDBACK_PATH = `${BASE}/mine`;

/** GET: one of the signed-in citizen's items as on the tracking page, without the secret (404 when not theirs). */
export function myItemPath(code: string): string {
  return `${MY_FEEDBACK_PATH}/${encodeURIComponent(code)}`;
}

/** GET: an attachment's bytes, for the handling unit's officials and the reporter's account (with the secret: attachmentFile). */
export function attachmentPath(id: string, attachmentId: string): string {
  return `${itemPath(id)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** GET: an attachment fetched with the reporter's tracking secret, in a header (never in the address). */
export function attachmentFile(id: string, attachment: Pick<FeedbackAttachmentRow, 'id' | 'contentType'>, secret: string): Promise<DownloadedFile> {
  return apiGetFile(attachmentPath(id, attachment.id), attachment.contentType, { headers: { 'x-feedback-secret': secret } });
}

/** POST: the supplement the handling unit asked for; `secret` null when signed in with the account that sent the item. */
export async function supplementFeedback(code: string, secret: string | null, content: string): Promise<void> {
  await apiPost<unknown>(`${publicItemPath(code)}/supplement`, { body: { secret, content } });
}

/** POST: re-raise a published answer the reporter is not satisfied with; the item reopens. */
export async function reraiseFeedback(code: string, secret: string | null, reason: string): Promise<void> {
  await apiPost<unknown>(`${publicItemPath(code)}/reraise`, { body: { secret, reason } });
}

/** POST: an official's action, against the version read (409 FEEDBACK_CHANGED when someone acted meanwhile). */
export function actOnFeedback(id: string, command: FeedbackCommand): Promise<ActionOutcome> {
  return apiPost<ActionOutcome>(`${itemPath(id)}/actions`, { body: command });
}
