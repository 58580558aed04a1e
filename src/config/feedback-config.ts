/** Citizen feedback (issue 22): the deadlines of its handling and how long reporters' contact data is kept. */
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
} as const;
