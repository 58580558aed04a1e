/**
 * What crosses the wire for lists of dossiers: an official's work queues and the "sắp đến hạn" queue
 * (src/http/routes/dossiers.ts, step-warnings.ts), and a citizen's own dossiers. Instants are ISO with +07:00.
 */
import { z } from 'zod';
import { ACTION_TYPES, DOSSIER_STATUSES } from '../domain/dossier/dossier.js';
import type { StepWarningKind } from '../domain/dossier/step-overrun.js';

/** The work queues of an official (list-dossiers.ts says what each holds). */
import { QUEUES as DOSSIER_QUEUES, type Queue as DossierQueueName } from '../domain/dossier/vocabulary.js';

export { DOSSIER_QUEUES, type DossierQueueName };

/** GET /api/v1/dossiers?queue=…&limit=… */
export const DossierQueueQuery = z.strictObject({ queue: z.enum(DOSSIER_QUEUES).default('all'), limit: z.coerce.number().int().min(1).max(500).default(100) });
export type DossierQueueQuery = z.input<typeof DossierQueueQuery>;

/** What every list of dossiers shows of one: its code, procedure and status. */
const DossierListing = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
});

/** What every row of an official's queue shows of a dossier. */
const QueueRow = DossierListing.extend({
  channel: z.string(),
  stepName: z.string().nullable(),
  assigned: z.boolean(),
  stepDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  overdue: z.boolean(),
});

/** One row of a work queue. */
export const DossierQueueItem = QueueRow.extend({
  /** The one judgement of the dossier now (domain/dossier/timeliness.ts), null before a due date. */
  timeliness: z.string().nullable(),
  submittedAt: z.string(),
  seq: z.number().describe('Gửi lại làm expectedSeq khi thao tác'),
  availableActions: z.array(z.enum(ACTION_TYPES)).describe('Thao tác người gọi được làm trên hồ sơ lúc này'),
});
export type DossierQueueItem = z.infer<typeof DossierQueueItem>;

export const DossierQueue = z.object({ queue: z.enum(DOSSIER_QUEUES), items: z.array(DossierQueueItem) });
export type DossierQueue = z.infer<typeof DossierQueue>;

/** GET /api/v1/dossiers/due-soon?unit=…&limit=… */
export const DueSoonQuery = z.strictObject({ unit: z.string().min(1).max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export type DueSoonQuery = z.input<typeof DueSoonQuery>;

export const STEP_WARNING_KINDS = ['dueSoon', 'overdue'] as const satisfies readonly StepWarningKind[];

/** A row of the "sắp đến hạn" queue: a work-queue row without the dossier's judgement, with the step's warning. */
export const DueSoonItem = QueueRow.extend({
  submittedAt: z.string(),
  seq: z.number(),
  availableActions: z.array(z.enum(ACTION_TYPES)),
  warning: z.enum(STEP_WARNING_KINDS).describe('dueSoon: bước còn không quá thời gian báo trước; overdue: bước đã quá hạn'),
  unitCode: z.string(),
  unitName: z.string(),
});
export type DueSoonItem = z.infer<typeof DueSoonItem>;

export const DueSoonList = z.object({
  leadMinutes: z.number().describe('Thời gian báo trước, phút làm việc'),
  counts: z.array(z.object({ unitCode: z.string(), unitName: z.string(), dueSoon: z.number(), overdue: z.number() })),
  items: z.array(DueSoonItem),
});
export type DueSoonList = z.infer<typeof DueSoonList>;

/** One row of GET /api/v1/me/dossiers ("Hồ sơ của tôi"). */
export const MyDossierItem = DossierListing.extend({
  appointmentAt: z.string().nullable(),
  submittedAt: z.string(),
});
export type MyDossierItem = z.infer<typeof MyDossierItem>;

export const MyDossierList = z.object({ items: z.array(MyDossierItem) });
export type MyDossierList = z.infer<typeof MyDossierList>;
