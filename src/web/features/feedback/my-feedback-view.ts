/**
 * How a citizen's own feedback reads (issue 22): "Phản ánh, kiến nghị của tôi" and its items' pages, the state of each
 * item in a line (dates dd/MM/yyyy, Vietnam time), and an attachment's kind and size. Pure: no React, no network.
 */
import { formatNumber } from '../../shared/format.js';
import { formatFileSize } from '../../shared/attachments.js';
import { formatDay, nextDeadline } from './feedback-view.js';
import type { FeedbackAttachmentRow, MyFeedbackItem } from './api/feedback-api.js';

/** The citizen's pages, in their account's area next to "Hồ sơ của tôi". */
export const MY_FEEDBACK_PAGE = '/tai-khoan/phan-anh';
export const MY_FEEDBACK_TITLE = 'Phản ánh, kiến nghị của tôi';

export function myFeedbackPage(code: string): string {
  return `${MY_FEEDBACK_PAGE}/${encodeURIComponent(code)}`;
}

/** "Bạn đã gửi 3 phản ánh, kiến nghị." */
export function myFeedbackCount(count: number): string {
  return `Bạn đã gửi ${formatNumber(count)} phản ánh, kiến nghị.`;
}

/**
 * Where the item stands beyond its status, in a line: the answer's publication day, or the next deadline the
 * handling unit must meet (dd/MM/yyyy) and whether it has passed; null when neither is left (refused, returned,
 * handed to another agency: the status says it).
 */
export function myFeedbackProgress(item: Pick<MyFeedbackItem, 'next' | 'publishedAt'>, now: Date): { text: string; overdue: boolean } | null {
  if (item.publishedAt) return { text: `Đã công khai trả lời ngày ${formatDay(item.publishedAt)}`, overdue: false };
  const deadline = nextDeadline(item.next, now);
  if (!deadline || !item.next) return null;
  const overdue = deadline.tone === 'danger';
  return { text: `${deadline.label}: ${formatDay(item.next.dueAt)}${overdue ? ' (đã quá hạn)' : ''}`, overdue };
}

/** "PDF", "PNG", "JPEG". */
export function attachmentKind(contentType: string): string {
  return contentType === 'application/pdf' ? 'PDF' : contentType.replace(/^image\//, '').toUpperCase();
}

/** "PDF, 1,2 MB": what follows an attachment's name. */
export function attachmentFacts(attachment: Pick<FeedbackAttachmentRow, 'contentType' | 'size'>): string {
  return `${attachmentKind(attachment.contentType)}, ${formatFileSize(attachment.size)}`;
}
