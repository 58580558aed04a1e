/** E-mail to applicants: the SMTP server and the sender (read by config/env.ts). */
import { z } from 'zod';

export const MAIL_ENV = {
  SMTP_URL: {
    describe:
      'SMTP server for e-mails to applicants, e.g. smtp://user:pass@host:587 (smtps:// for TLS); unset = demo mailbox outside production, queued unsent in production',
    schema: z.url({ protocol: /^smtps?$/, error: 'phải có dạng smtp://… hoặc smtps://…' }).optional(),
  },
  MAIL_FROM: {
    describe: 'Sender of e-mails to applicants, e.g. "Một cửa tỉnh" <khong-tra-loi@example.gov.vn>; defaults to khong-tra-loi@ the PUBLIC_URL host',
    schema: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[^\r\n]*@[^\r\n]*$/, 'phải chứa một địa chỉ email')
      .optional(),
  },
} as const;
