/**
 * Feedback read from the feedback mailbox (issue 22 §1): a message the SMTP server took (src/infrastructure/mail-inbox)
 * becomes an item of channel 'email' in the configured unit's queue, through the intake an official's entry uses
 * (createFeedback: the sealed contact, the first event, the audit record, in one transaction). The clock starts when
 * our server took the message, never at its Date header, which the sender writes. The sender's name and address are
 * the item's sealed contact only: never in the title or the text, which may be published. Files the form would take
 * (PDF, PNG, JPEG up to 5 MB, judged by their content) are kept; the others are dropped and named in a note that only
 * the officials see. A message delivered twice (its server did not hear our answer) is one item, by its Message-ID.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDateTime } from '../../domain/calendar/vietnam-time.js';
import { Reporter } from '../../contract/feedback.js';
import { sniffFileType } from '../../infrastructure/files/file-store.js';
import type { InboundMail, InboundMailHandler } from '../../infrastructure/mail-inbox/mail-inbox.js';
import { SNIFFED } from '../dossier/dossier-file-views.js';
import { createFeedback, MAX_FILE_BYTES, type Intake, type IntakeDeps } from './submit-feedback.js';

/** The item's text rules (contract/feedback.ts), which an official's entry meets through its schema. */
const TITLE = { min: 5, max: 300 };
const CONTENT = { min: 20, max: 10_000 };
/** As many files as an official may attach to an entry. */
const MAX_FILES = 5;
const MAX_NAME = 200;
const MAX_NOTE = 2000;
/** A longer Message-ID is kept as its hash: the column is an index key, not a place for a sender's essay. */
const MAX_MESSAGE_ID = 500;
const HIDDEN_ADDRESS = '[địa chỉ thư điện tử]';

export interface ReceivedMail {
  id: string;
  code: string;
  /** Delivered before: the item it made then. */
  duplicate: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Control characters other than tab and line feed go (and NUL, which PostgreSQL refuses). */
const printable = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The message's identity for deduplication: its Message-ID, or the hash of the message when it has none. */
function messageKey(mail: InboundMail): string {
  if (mail.messageId && mail.messageId.length <= MAX_MESSAGE_ID) return mail.messageId;
  return `sha256:${mail.messageId ? sha256(mail.messageId) : mail.sha256}`;
}

/** The sender's addresses (From, Reply-To, the envelope), so that none of them is left in the public text. */
function senderAddresses(mail: InboundMail): string[] {
  return [...new Set([mail.from?.address, mail.envelopeFrom, ...mail.replyTo].filter((a): a is string => !!a).map((a) => a.toLowerCase()))];
}

function hide(text: string, addresses: readonly string[]): string {
  return addresses.reduce((t, a) => t.replace(new RegExp(a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), HIDDEN_ADDRESS), text);
}

/** From's name and address as the reporter (the envelope's sender when From has no address); the name is the address when none is given. */
function reporterOf(mail: InboundMail): Reporter | null {
  const address = mail.from?.address ?? mail.envelopeFrom;
  const display = printable(mail.from?.name ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const name = display.length >= 2 && !display.includes('@') ? display : address;
  if (!name) return null;
  const email = address !== null && Reporter.shape.email.safeParse(address).success ? address : null;
  const parsed = Reporter.safeParse({ name: cut(name, MAX_NAME), email, phone: null, address: null });
  return parsed.success ? parsed.data : null;
}

/** The subject, or a title saying where and when it came: never the sender's name or address, a title may be published. */
function titleOf(mail: InboundMail, addresses: readonly string[]): string {
  const subject = hide(printable(mail.subject).replace(/\s+/g, ' ').trim(), addresses);
  if (subject.length >= TITLE.min) return cut(subject, TITLE.max);
  const generic = `Phản ánh qua thư điện tử ngày ${vietnamDateTime(mail.acceptedAt)}`;
  return subject ? `${generic}: ${subject}` : generic;
}

function contentOf(mail: InboundMail, addresses: readonly string[], notes: string[]): string {
  const text = hide(printable(mail.text), addresses)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > CONTENT.max) notes.push(`Nội dung thư dài ${text.length} ký tự; chỉ giữ ${CONTENT.max} ký tự đầu.`);
  if (text.length === 0) return 'Thư điện tử không có nội dung văn bản (xem tệp đính kèm, nếu có).';
  return text.length < CONTENT.min ? `Nội dung thư điện tử: ${text}` : cut(text, CONTENT.max);
}

/** The files the form would take, with their sniffed type; the others named in a note for the officials. */
function attachmentsOf(mail: InboundMail, notes: string[]): Intake['attachments'] {
  const kept: Intake['attachments'] = [];
  const dropped: string[] = [];
  mail.attachments.forEach((a, i) => {
    const sniffed = sniffFileType(a.content);
    const name = cut(printable(a.fileName ?? '').trim() || `tep-dinh-kem-${i + 1}${sniffed ? `.${sniffed}` : ''}`, MAX_NAME);
    const why =
      a.content.length === 0
        ? 'tệp rỗng'
        : !sniffed
          ? `${a.contentType}, không phải PDF, PNG hoặc JPEG`
          : a.content.length > MAX_FILE_BYTES
            ? 'lớn hơn 5 MB'
            : kept.length >= MAX_FILES
              ? `quá ${MAX_FILES} tệp`
              : null;
    if (why) dropped.push(`${name} (${why})`);
    else kept.push({ name, contentType: SNIFFED[sniffed!], data: a.content.toString('base64') });
  });
  if (dropped.length > 0) notes.push(`Đã bỏ tệp đính kèm không nhận được (chỉ nhận PDF, PNG, JPEG đến 5 MB, tối đa ${MAX_FILES} tệp): ${dropped.join('; ')}.`);
  return kept;
}

async function itemOf(deps: IntakeDeps, key: string): Promise<ReceivedMail | null> {
  const row = await deps.db.selectFrom('feedback_items').select(['id', 'code']).where('mail_message_id', '=', key).executeTakeFirst();
  return row ? { ...row, duplicate: true } : null;
}

/** One message into the queue of `unitCode` (null: the province); a redelivered message gives back its item. */
export async function receiveFeedbackMail(deps: IntakeDeps, input: { mail: InboundMail; unitCode: string | null }): Promise<Result<ReceivedMail>> {
  const { mail } = input;
  const key = messageKey(mail);
  const before = await itemOf(deps, key);
  if (before) return ok(before);
  const addresses = senderAddresses(mail);
  const notes: string[] = [];
  const intake: Intake = {
    channel: 'email',
    title: titleOf(mail, addresses),
    content: contentOf(mail, addresses, notes),
    unitCode: input.unitCode,
    procedureCode: null,
    dossierCode: null,
    reporter: reporterOf(mail),
    showName: false,
    forwardedFrom: null,
    receivedAt: mail.acceptedAt,
    attachments: attachmentsOf(mail, notes),
    reporterUserId: null,
    messageId: key,
    note: notes.length > 0 ? cut(notes.join(' '), MAX_NOTE) : null,
  };
  try {
    const created = await createFeedback(deps, intake, { actor: null, ip: mail.remoteAddress, requestId: randomUUID() });
    return created.ok ? ok({ id: created.value.id, code: created.value.code, duplicate: false }) : created;
  } catch (error) {
    // The same message delivered twice at once: the second insert meets the first's Message-ID.
    const racing = (error as { code?: string }).code === '23505' ? await itemOf(deps, key) : null;
    if (racing) return ok(racing);
    throw error;
  }
}

/** What the mailbox calls with each message: 250 with the item's code once committed; a refusal throws, and is 451. */
export function feedbackMailHandler(deps: IntakeDeps, unitCode: string | null): InboundMailHandler {
  return async (mail) => {
    const received = await receiveFeedbackMail(deps, { mail, unitCode });
    if (!received.ok) throw new Error(`feedback mail not stored: ${received.error.code} ${JSON.stringify(received.error.details ?? null)}`);
    return `OK: đã tiếp nhận phản ánh ${received.value.code} / queued as ${received.value.code}`;
  };
}
