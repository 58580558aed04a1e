/**
 * The feedback mailbox (issue 22): an inbound SMTP server, the MX of a subdomain or where a province forwards its
 * feedback mailbox. It takes mail for the configured addresses only (550) and up to a size (552), parses it, and
 * hands it to the handler; it answers 250 only once the handler has committed the item, and 451 when it could not,
 * so that the sending server keeps the message and tries again (a redelivery is known by its Message-ID). No AUTH: as
 * any MX it takes mail from anyone, so each sending address is held to a few connections and messages a minute.
 * STARTTLS is not offered: there is no certificate of ours to offer (a relay in front of it can add one).
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { DEFAULT_IP_LIMITS, IpLimits, type IpLimitOptions } from './ip-limits.js';

export interface InboundAttachment {
  fileName: string | null;
  /** What the message says it is; the use case judges the content itself. */
  contentType: string;
  content: Buffer;
}

/** A message as the handler gets it: what the envelope and the headers say, the text, the attachments. */
export interface InboundMail {
  /** When this server had the whole message (the end of DATA): the item's clock starts here, not at its Date header. */
  acceptedAt: Date;
  remoteAddress: string;
  /** The envelope's sender (MAIL FROM); null for the null sender of a bounce. */
  envelopeFrom: string | null;
  /** The envelope's recipients: the configured addresses it was sent to. */
  recipients: string[];
  /** The Message-ID header with its angle brackets, when it has one. */
  messageId: string | null;
  /** sha256 of the message as received: its identity when it has no Message-ID. */
  sha256: string;
  subject: string;
  /** The From header's first mailbox. */
  from: { name: string; address: string | null } | null;
  replyTo: string[];
  /** The plain text, or the HTML converted to text when there is no plain text part. */
  text: string;
  attachments: InboundAttachment[];
}

/** Commits the message (resolves with the 250 reply's text), or throws: then the sender is told 451, to retry. */
export type InboundMailHandler = (mail: InboundMail) => Promise<string>;

export interface InboxLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailInboxOptions {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  /** The addresses mail is taken for, compared without case. */
  addresses: readonly string[];
  maxBytes: number;
  handle: InboundMailHandler;
  log: InboxLog;
  clock?: () => Date;
  limits?: IpLimitOptions;
}

export interface MailInbox {
  host: string;
  port: number;
  /** Stops taking connections, waits for the messages being committed, then closes. */
  close(): Promise<void>;
}

const MAX_RECIPIENTS = 20;
/** A connection still open this long after close() began is cut (421); what it was sending is retried by its server. */
const CLOSE_TIMEOUT_MS = 5_000;

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

const addressOf = (value: string | undefined): string | null => (value && value.includes('@') ? value.trim() : null);

async function parse(raw: Buffer, session: SMTPServerSession, acceptedAt: Date): Promise<InboundMail> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 5_000_000, checksumAlgo: false });
  const from = parsed.from?.value[0];
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    acceptedAt,
    remoteAddress: session.remoteAddress,
    envelopeFrom: envelopeFrom === '' ? null : envelopeFrom,
    recipients: session.envelope.rcptTo.map((r) => r.address),
    messageId: parsed.messageId?.trim() || null,
    sha256: createHash('sha256').update(raw).digest('hex'),
    subject: parsed.subject ?? '',
    from: from ? { name: from.name, address: addressOf(from.address) } : null,
    replyTo: (parsed.replyTo?.value ?? []).map((a) => addressOf(a.address)).filter((a): a is string => a !== null),
    text: parsed.text ?? '',
    attachments: parsed.attachments.map((a) => ({ fileName: a.filename ?? null, contentType: a.contentType, content: a.content })),
  };
}

/** Starts the server on host:port; resolves once it listens. */
export async function startMailInbox(options: MailInboxOptions): Promise<MailInbox> {
  const clock = options.clock ?? (() => new Date());
  const accepted = new Set(options.addresses.map((a) => a.trim().toLowerCase()));
  const limits = new IpLimits(options.limits ?? DEFAULT_IP_LIMITS);
  const counted = new Set<string>();
  const committing = new Set<Promise<unknown>>();
  const log = options.log;

  const receive = (stream: SMTPServerDataStream, session: SMTPServerSession, answer: (err?: Error | null, message?: string) => void) => {
    let answered = false;
    const callback = (err: Error | null, message?: string) => {
      if (!answered) answer(err, message);
      answered = true;
    };
    const chunks: Buffer[] = [];
    let bytes = 0;
    // Past the limit the rest is read and dropped: the client is owed an answer at the end of DATA, not a cut line.
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= options.maxBytes) chunks.push(chunk);
    });
    stream.once('error', (error: Error) => callback(smtpError(451, `Lỗi khi nhận thư, xin gửi lại sau / ${error.message}`)));
    stream.once('end', () => {
      if (stream.sizeExceeded || bytes > options.maxBytes)
        return callback(smtpError(552, `Thư lớn hơn ${options.maxBytes} byte / message exceeds fixed maximum message size ${options.maxBytes}`));
      const acceptedAt = clock();
      const work = parse(Buffer.concat(chunks), session, acceptedAt).then(options.handle);
      committing.add(work);
      work.then(
        (reply) => callback(null, reply),
        (error: unknown) => {
          // The message and code only: a database error's detail may quote the row, and with it the citizen's text.
          const { message, code } = error as { message?: string; code?: string };
          log.error(
            { error: message ?? String(error), code, remoteAddress: session.remoteAddress },
            'feedback mail not stored; the sender was told to retry (451)',
          );
          callback(smtpError(451, 'Lỗi tạm thời, xin gửi lại sau / temporary local error, please try again later'));
        },
      );
      void work.catch(() => undefined).finally(() => committing.delete(work));
    });
  };

  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    size: options.maxBytes,
    maxRecipients: MAX_RECIPIENTS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    banner: 'Hộp thư phản ánh, kiến nghị / citizen feedback mailbox',
    onConnect(session, callback) {
      if (!limits.connect(session.remoteAddress)) return callback(smtpError(421, 'Quá nhiều kết nối, xin thử lại sau / too many connections, try later'));
      counted.add(session.id);
      callback();
    },
    onClose(session) {
      if (counted.delete(session.id)) limits.disconnect(session.remoteAddress);
    },
    onMailFrom(_address, session, callback) {
      if (!limits.message(session.remoteAddress)) return callback(smtpError(451, 'Quá nhiều thư, xin gửi lại sau / too many messages, try again later'));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (!accepted.has(address.address.trim().toLowerCase()))
        return callback(smtpError(550, 'Địa chỉ này không nhận thư ở đây / mailbox unavailable: no such recipient here'));
      callback();
    },
    onData: receive,
  });
  server.on('error', (error) => log.warn({ err: error }, 'feedback mailbox: a connection failed'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: options.host,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...committing]);
      await closed;
    },
  };
}
