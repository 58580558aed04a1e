/**
 * What crosses the wire for notifications about dossiers: an official's in-app notifications (the back
 * office's bell, src/http/routes/step-warnings.ts) and the demo mailbox of the messages "sent" to applicants
 * when no SMTP server is configured (src/http/routes/notifications.ts).
 */
import { z } from 'zod';

/** GET /api/v1/me/notifications?limit=… */
export const NotificationsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export type NotificationsQuery = z.input<typeof NotificationsQuery>;

export const OfficialNotification = z
  .object({
    id: z.string(),
    /** About a dossier, or (issue 22) a feedback item, or (issue 23) a task of the reform plan: one of them is set. */
    dossierId: z.string().nullable(),
    dossierCode: z.string().nullable(),
    feedbackId: z.string().nullable(),
    feedbackCode: z.string().nullable(),
    reformTaskId: z.string().nullable(),
    /** A unit's assessment in a reform-index round: both set. */
    parRoundId: z.string().nullable(),
    parUnitCode: z.string().nullable(),
    kind: z.enum([
      'dueSoon',
      'overdue',
      'supplementUploaded',
      'feedbackDueSoon',
      'feedbackOverdue',
      'reformTaskDueSoon',
      'reformTaskOverdue',
      'parDueSoon',
      'parOverdue',
    ]),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'OfficialNotification' });
export type OfficialNotification = z.infer<typeof OfficialNotification>;

export const OfficialNotificationList = z.object({ unread: z.number(), items: z.array(OfficialNotification) });
export type OfficialNotificationList = z.infer<typeof OfficialNotificationList>;

/** POST /api/v1/me/notifications/read: the notifications chosen, or all of them (null). */
export const MarkNotificationsReadBody = z.strictObject({
  ids: z
    .array(z.string().regex(/^\d{1,18}$/))
    .max(200)
    .nullable()
    .default(null),
});
export type MarkNotificationsReadBody = z.input<typeof MarkNotificationsReadBody>;

export const MarkedNotifications = z.object({ marked: z.number() });
export type MarkedNotifications = z.infer<typeof MarkedNotifications>;

/** GET /api/v1/demo/mailbox?limit=… */
export const DemoMailboxQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export type DemoMailboxQuery = z.input<typeof DemoMailboxQuery>;

export const DemoMail = z
  .object({
    id: z.string(),
    dossierCode: z.string(),
    event: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    deliveredAt: z.string(),
  })
  .meta({ id: 'DemoMail' });
export type DemoMail = z.infer<typeof DemoMail>;

export const DemoMailbox = z.object({ items: z.array(DemoMail) });
export type DemoMailbox = z.infer<typeof DemoMailbox>;
