/**
 * Attaching a file to a dossier's component. The applicant of an online dossier uploads them while the dossier
 * waits at reception or for a supplement (the papers asked for, from their dossier page); officials upload them
 * while the dossier is at their step (the receiving desk digitizing paper components at intake, the unit
 * processing the current step), never monitors or administrators (domain/dossier/decide.ts mayAttach). While a
 * supplement is awaited, papers asked for that are none of the declared components go under
 * SUPPLEMENT_COMPONENT_CODE. The type is judged by the bytes and must be the declared one; the bytes go to the
 * content-addressed file store and are served only after the dossier's own visibility check (404 otherwise,
 * so a stranger cannot even tell the dossier exists). Each file says who uploaded it and when.
 */
import { SUPPLEMENT_COMPONENT_CODE } from '../../domain/dossier/vocabulary.js';
import { inflateSync } from 'node:zlib';
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { imageDimensions, sniffFileType } from '../../infrastructure/files/file-store.js';
import type { DossierFileContentType, DossierFileForm } from '../../infrastructure/db/schema.js';
import { findVisibleDossier } from './visible-dossier.js';
import { followDossiers } from '../scorecard/statistics.js';
import {
  AWAITING_SUPPLEMENT,
  attachRefusal,
  checkUploadSignatures,
  savedView,
  SNIFFED,
  type DossierFileDeps,
  type DossierFileView,
} from './dossier-file-views.js';

/** Largest file accepted for one component (the route's body limit is the same). */
export const DOSSIER_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Largest PDF accepted, in pages. */
export const DOSSIER_FILE_MAX_PAGES = 100;
/** Largest image accepted, in pixels: an A3 page scanned at 600 dpi is about 70 million. */
export const DOSSIER_FILE_MAX_PIXELS = 80_000_000;

const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9])/g;
const countPageObjects = (text: string) => text.match(PAGE_OBJECT)?.length ?? 0;

/**
 * The number of pages of a PDF, an approximation without a PDF parser: the page objects (`/Type /Page`, not
 * `/Pages`) in the file, including those inside Flate-compressed object streams (PDF 1.5+). Incremental updates
 * that rewrite a page count it twice. null when no page object is found (e.g. other stream filters).
 */
export function countPdfPages(bytes: Buffer): number | null {
  const text = bytes.toString('latin1');
  let pages = countPageObjects(text);
  let from = 0;
  for (;;) {
    const at = text.indexOf('/ObjStm', from);
    if (at < 0) break;
    from = at + 7;
    const dictStart = text.lastIndexOf('obj', at);
    const streamAt = text.indexOf('stream', at);
    if (dictStart < 0 || streamAt < 0 || !text.slice(dictStart, streamAt).includes('/FlateDecode')) continue;
    const dataStart = streamAt + 6 + (text.startsWith('\r\n', streamAt + 6) ? 2 : text[streamAt + 6] === '\n' ? 1 : 0);
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) continue;
    try {
      // Bounded: a small stream must not inflate into gigabytes.
      const inflated = inflateSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: 64 * 1024 * 1024 });
      pages += countPageObjects(inflated.toString('latin1'));
    } catch {
      // A stream we cannot read adds nothing to the approximation.
    }
    from = dataEnd;
  }
  return pages > 0 ? pages : null;
}

export async function attachDossierFile(
  deps: DossierFileDeps,
  input: {
    id: string;
    componentCode: string;
    fileName: string;
    declaredType: DossierFileContentType;
    form: DossierFileForm;
    digitized: boolean;
    bytes: Buffer;
    meta: RequestMeta;
  },
): Promise<Result<DossierFileView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const { actor, header, state, relation } = found;
  const status = state.status;
  const refusal = attachRefusal(relation, header, state);
  if (refusal) return fail('ACTION_NOT_AVAILABLE', { reason: refusal });
  const declared = found.row.components as { code: string }[];
  const supplement = input.componentCode === SUPPLEMENT_COMPONENT_CODE && AWAITING_SUPPLEMENT.has(status);
  if (declared.length > 0 && !supplement && !declared.some((c) => c.code === input.componentCode)) {
    return fail('VALIDATION_FAILED', [{ path: 'querystring.component', message: 'Hồ sơ không có thành phần này' }]);
  }
  if (input.bytes.byteLength === 0) return fail('VALIDATION_FAILED', [{ path: 'body', message: 'Tệp rỗng' }]);
  if (input.bytes.byteLength > DOSSIER_FILE_MAX_BYTES) return fail('BODY_TOO_LARGE', { maxBytes: DOSSIER_FILE_MAX_BYTES });
  const sniffed = sniffFileType(input.bytes);
  if (!sniffed)
    return fail('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: 'Chỉ nhận tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp, không theo tên)' }]);
  if (SNIFFED[sniffed] !== input.declaredType) {
    return fail('UNSUPPORTED_MEDIA_TYPE', [{ path: 'body', message: `Nội dung tệp là ${SNIFFED[sniffed]}, không phải ${input.declaredType} như đã khai` }]);
  }
  const pages = sniffed === 'pdf' ? countPdfPages(input.bytes) : null;
  if (pages !== null && pages > DOSSIER_FILE_MAX_PAGES) {
    return fail('VALIDATION_FAILED', [{ path: 'body', message: `Tệp PDF có ${pages} trang, tối đa ${DOSSIER_FILE_MAX_PAGES} trang` }]);
  }
  if (sniffed !== 'pdf') {
    const size = imageDimensions(input.bytes);
    if (!size || size.width === 0 || size.height === 0)
      return fail('VALIDATION_FAILED', [{ path: 'body', message: 'Tệp ảnh hỏng: không đọc được kích thước ảnh' }]);
    if (size.width * size.height > DOSSIER_FILE_MAX_PIXELS) {
      return fail('VALIDATION_FAILED', [
        { path: 'body', message: `Ảnh ${size.width} × ${size.height} điểm ảnh quá lớn, tối đa ${DOSSIER_FILE_MAX_PIXELS / 1_000_000} triệu điểm ảnh` },
      ]);
    }
  }
  const stored = await deps.files.put(input.bytes);
  // A document signed elsewhere (a declaration signed with the citizen's own certificate): checked now, shown to the desk.
  const signature = sniffed === 'pdf' ? await checkUploadSignatures(deps.signing, input.bytes) : null;
  const now = deps.clock();
  const saved = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dossier_files')
      .values({
        dossier_id: found.row.id,
        component_code: input.componentCode,
        file_name: input.fileName,
        content_type: input.declaredType,
        sha256: stored.sha256,
        size: stored.size,
        pages,
        form: input.form,
        digitized: input.digitized,
        // Reuse takes a document from the data vault (reuse-vault-document.ts); the same bytes again are no reuse.
        reused: false,
        uploaded_by: actor.userId,
        uploaded_at: now,
        signature_check: signature ? JSON.stringify(signature) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await followDossiers(trx, [found.row.id]); // digitization counts in the statistics
    // The applicant sent what was asked for: the official who asked is told in the app (the bell), once while
    // the notice is unread however many files follow.
    const told =
      relation.isApplicant && status === 'supplementRequested' && state.assigneeId
        ? await trx
            .selectFrom('official_notifications')
            .select('id')
            .where('user_id', '=', state.assigneeId)
            .where('dossier_id', '=', found.row.id)
            .where('kind', '=', 'supplementUploaded')
            .where('read_at', 'is', null)
            .executeTakeFirst()
        : null;
    if (relation.isApplicant && status === 'supplementRequested' && state.assigneeId && !told) {
      await trx
        .insertInto('official_notifications')
        .values({
          user_id: state.assigneeId,
          dossier_id: found.row.id,
          kind: 'supplementUploaded',
          title: `Hồ sơ ${found.row.code}: người nộp đã gửi giấy tờ bổ sung`,
          body: 'Người nộp đã gửi tệp bổ sung trực tuyến. Kiểm tra tệp và xác nhận đã nhận hồ sơ bổ sung để tiếp tục giải quyết.',
        })
        .execute();
    }
    // The file name stays out of the audit trail: it may name people.
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'dossier.file_attached',
      targetType: 'dossier',
      targetId: found.row.id,
      details: {
        code: found.row.code,
        fileId: row.id,
        componentCode: input.componentCode,
        contentType: input.declaredType,
        sha256: stored.sha256,
        size: stored.size,
        pages,
        form: input.form,
        digitized: input.digitized,
      },
      at: now,
    });
    return row;
  });
  return ok(await savedView(deps, saved, header, relation.isApplicant));
}
