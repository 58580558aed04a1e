/**
 * An attachment of a feedback item, downloaded (issue 22): by the officials who handle the item (as they see it at
 * GET /feedback/{id}; each download is in the audit trail: the file may name people), and by its reporter, signed in
 * with the account that sent it or with the tracking secret. Anyone else is told the item does not exist.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { FeedbackAttachmentsTable } from '../../infrastructure/db/schema-feedback.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { handlesItem } from './list-feedback.js';
import { reporterOwns } from './reporter-feedback.js';
import type { FeedbackDeps } from './feedback-store.js';

export interface FeedbackAttachmentFile {
  fileName: string;
  contentType: FeedbackAttachmentsTable['content_type'];
  bytes: Buffer;
}

export async function readFeedbackAttachment(
  deps: FeedbackDeps & { files: FileStore },
  input: { id: string; attachmentId: string; secret: string | null; meta: RequestMeta },
): Promise<Result<FeedbackAttachmentFile>> {
  const { meta, secret } = input;
  if (!meta.actor && secret === null) return fail('AUTH_REQUIRED');
  const item = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'unit_code', 'secret_hash', 'reporter_user_id'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!item) return fail('FEEDBACK_NOT_FOUND');
  const official = handlesItem(deps, meta, item.unit_code);
  if (!official && !reporterOwns(item, secret, meta)) return fail('FEEDBACK_NOT_FOUND');
  const file = await deps.db
    .selectFrom('feedback_attachments')
    .select(['id', 'name', 'content_type', 'sha256'])
    .where('id', '=', input.attachmentId)
    .where('feedback_id', '=', item.id)
    .executeTakeFirst();
  const bytes = file ? await deps.files.read(file.sha256) : null;
  if (!file || !bytes) return fail('FILE_NOT_FOUND');
  if (official)
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, {
        ...auditActor(meta),
        action: 'feedback.attachment_downloaded',
        targetType: 'feedback',
        targetId: item.id,
        details: { code: item.code, attachmentId: file.id },
        at: deps.clock(),
      }),
    );
  return ok({ fileName: file.name, contentType: file.content_type, bytes });
}
