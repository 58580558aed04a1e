/**
 * Citizen feedback (issue 22): the deadlines of its handling, how long reporters' contact data is kept, and the
 * feedback mailbox (an inbound SMTP server, src/infrastructure/mail-inbox).
 */
import { z } from 'zod';
import { DEFAULT_FEEDBACK_DEADLINES, type FeedbackDeadlines } from '../domain/feedback/deadlines.js';

const Deadlines = z.strictObject({
  refuse: z.number().int().min(1).max(60),
  supplement: z.number().int().min(1).max(60),
  handle: z.number().int().min(1).max(120),
  publish: z.number().int().min(1).max(60),
});

export const FEEDBACK_ENV = {
  FEEDBACK_DEADLINES: {
    describe:
      'Working days to refuse, to ask for the one supplement, to handle and to publish the answer to citizen feedback, JSON {"refuse","supplement","handle","publish"}; default {"refuse":2,"supplement":5,"handle":15,"publish":2} (REFERENCE §5)',
    schema: z
      .string()
      .optional()
      .transform((text, ctx): FeedbackDeadlines => {
        if (text === undefined) return DEFAULT_FEEDBACK_DEADLINES;
        try {
          const checked = Deadlines.safeParse(JSON.parse(text));
          if (checked.success) return checked.data;
          ctx.addIssue({ code: 'custom', message: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        } catch {
          ctx.addIssue({ code: 'custom', message: 'không phải JSON hợp lệ' });
        }
        return z.NEVER;
      }),
  },
  FEEDBACK_CONTACT_RETENTION_DAYS: {
    describe: 'Days after which the contact data of people who sent feedback (name, e-mail, phone, address) is erased; the item and its answer stay',
    schema: z.coerce.number().int().min(30).max(3650).default(365),
  },
  FEEDBACK_WARNING_LEAD_DAYS: {
    describe:
      'How many working days before a deadline of citizen feedback (handling, publication) the handling unit is warned; once it has passed, its leaders are told too',
    schema: z.coerce.number().int().min(0).max(10).default(1),
  },
  OPEN311_API_KEYS: {
    describe:
      'API keys of the civic apps allowed to submit feedback through the Open311 GeoReport v2 API without the public challenge, comma-separated (at least 16 characters each); unset: none',
    schema: z
      .string()
      .optional()
      .transform((text) =>
        (text ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k.length > 0),
      )
      .refine((keys) => keys.every((k) => k.length >= 16), 'mỗi khóa cần ít nhất 16 ký tự'),
  },
  FEEDBACK_MAIL_PORT: {
    describe:
      'TCP port of the SMTP server that reads e-mail sent to FEEDBACK_MAIL_ADDRESSES into the feedback queue (the MX of a subdomain, or where the feedback mailbox is forwarded); 0: any free port; unset: off, except 2525 in development with the demo province; "off" for none',
    schema: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  },
  FEEDBACK_MAIL_HOST: {
    describe: 'Interface the feedback SMTP server binds to: 127.0.0.1 (this machine only) unless set, e.g. 0.0.0.0 for an MX the internet reaches',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  FEEDBACK_MAIL_ADDRESSES: {
    describe:
      'E-mail addresses the feedback SMTP server takes mail for, comma-separated (mail to any other is refused with 550); required with FEEDBACK_MAIL_PORT; default in the demo: phananh@langson.gov.vn',
    schema: z
      .string()
      .optional()
      .transform((text) =>
        (text ?? '')
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter((a) => a.length > 0),
      )
      .refine((addresses) => addresses.every((a) => z.email().safeParse(a).success), 'mỗi địa chỉ phải là một địa chỉ thư điện tử'),
  },
  FEEDBACK_MAIL_UNIT: {
    describe: 'Code of the unit whose feedback queue e-mailed feedback goes to; unset: the province, as the public form without a unit',
    schema: z.string().min(1).max(40).optional(),
  },
  FEEDBACK_MAIL_MAX_BYTES: {
    describe: 'Largest message the feedback SMTP server takes, in bytes (announced as SIZE; a larger one is refused with 552)',
    schema: z.coerce
      .number()
      .int()
      .min(10_000)
      .max(100 * 1024 * 1024)
      .default(20 * 1024 * 1024),
  },
} as const;

type FeedbackEnv = { [K in keyof typeof FEEDBACK_ENV]: z.output<(typeof FEEDBACK_ENV)[K]['schema']> };

/** The demo's feedback mailbox (npm start with the demo province): where it listens, and the address it takes. */
export const DEMO_FEEDBACK_MAIL = { port: 2525, address: 'phananh@langson.gov.vn' } as const;

export interface FeedbackMailSettings {
  host: string;
  port: number;
  addresses: string[];
  /** null: the province. */
  unitCode: string | null;
  maxBytes: number;
  /** Started by default for the demo: a port already taken is a warning, not a failure to start. */
  demo: boolean;
}

/** The feedback mailbox to start, or null when it is off; a missing address is a problem to refuse start-up with. */
export function feedbackMailSettings(env: FeedbackEnv & { NODE_ENV: string; SEED: string }, problems: string[]): FeedbackMailSettings | null {
  const demo = env.FEEDBACK_MAIL_PORT === undefined && env.NODE_ENV === 'development' && env.SEED === 'demo';
  const port = demo ? DEMO_FEEDBACK_MAIL.port : env.FEEDBACK_MAIL_PORT;
  if (port === undefined || port === 'off') return null;
  const addresses = env.FEEDBACK_MAIL_ADDRESSES.length > 0 ? env.FEEDBACK_MAIL_ADDRESSES : demo ? [DEMO_FEEDBACK_MAIL.address] : [];
  if (addresses.length === 0) problems.push('FEEDBACK_MAIL_ADDRESSES: bắt buộc khi đặt FEEDBACK_MAIL_PORT (hộp thư nhận phản ánh cho địa chỉ nào)');
  return { host: env.FEEDBACK_MAIL_HOST, port, addresses, unitCode: env.FEEDBACK_MAIL_UNIT ?? null, maxBytes: env.FEEDBACK_MAIL_MAX_BYTES, demo };
}
