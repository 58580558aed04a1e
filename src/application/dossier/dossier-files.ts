/**
 * The files of a dossier's components. The applicant of an online dossier uploads them while the dossier
 * waits at reception or for a supplement (the papers asked for, from their dossier page); officials upload them
 * while the dossier is at their step (the receiving desk digitizing paper components at intake, the unit
 * processing the current step), never monitors or administrators (domain/dossier/decide.ts mayAttach). While a
 * supplement is awaited, papers asked for that are none of the declared components go under
 * SUPPLEMENT_COMPONENT_CODE. The type is judged by the bytes and must be the declared one; the bytes go to the
 * content-addressed file store and are served only after the dossier's own visibility check (404 otherwise,
 * so a stranger cannot even tell the dossier exists). Each file says who uploaded it and when; the
 * applicant sees their own name, not the officials'.
 */
import { DOSSIER_FILE_FORMS, DOSSIER_FILE_TYPES, SUPPLEMENT_COMPONENT_CODE } from '../../domain/dossier/vocabulary.js';
import { inflateSync } from 'node:zlib';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import { mayAttach, type ActorRelation } from '../../domain/dossier/decide.js';
import { imageDimensions, sniffFileType, type FileStore } from '../../infrastructure/files/file-store.js';
import type { DossierFileContentType, DossierFileForm } from '../../infrastructure/db/schema.js';
import { findVisibleDossier } from './visible-dossier.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { followDossiers } from '../scorecard/statistics.js';

type Deps = AppDeps & { files: FileStore };

/** Largest file accepted for one component (the route's body limit is the same). */
export const DOSSIER_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Largest PDF accepted, in pages. */
export const DOSSIER_FILE_MAX_PAGES = 100;
/** Largest image accepted, in pixels: an A3 page scanned at 600 dpi is about 70 million. */
export const DOSSIER_FILE_MAX_PIXELS = 80_000_000;

export { DOSSIER_FILE_FORMS, DOSSIER_FILE_TYPES, SUPPLEMENT_COMPONENT_CODE };

const SNIFFED: Record<'pdf' | 'png' | 'jpeg', DossierFileContentType> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };

/** The statuses in which a supplement is awaited (national code 5). */
const AWAITING_SUPPLEMENT: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['receptionSupplement', 'supplementRequested']);

/**
 * Whether this actor may attach files to the dossier now, or why not (one rule for the upload and for the page
 * that offers it): domain/dossier/decide.ts `mayAttach`.
 */
function attachRefusal(relation: ActorRelation, header: DossierHeader, state: DossierState): string | null {
  if (mayAttach(header, state, relation)) return null;
  return relation.isApplicant
    ? 'Chỉ bổ sung tệp khi hồ sơ trực tuyến đang chờ tiếp nhận hoặc chờ bổ sung'
    : 'Không đính kèm được tệp: hồ sơ không ở bước của người dùng này';
}

export interface DossierFileView {
  id: string;
  componentCode: string;
  fileName: string;
  contentType: DossierFileContentType;
  sha256: string;
  size: number;
  pages: number | null;
  form: DossierFileForm;
  digitized: boolean;
  reused: boolean;
  uploadedAt: string;
  /** Who uploaded it: the dossier's applicant, an official, or nobody here (imported from another system). */
  uploadedBy: UploaderKind;
  /** The uploader's name; null for an official's file seen by the applicant, and for an imported file. */
  uploaderName: string | null;
}

/** The dossier's files, the result file once issued, and whether the viewer may attach files now. */
export interface DossierFilesView {
  items: DossierFileView[];
  result: { fileName: string } | null;
  canUpload: boolean;
  /** Component codes the viewer may attach files under now (the declared ones, and SUPPLEMENT_COMPONENT_CODE while a supplement is awaited). */
  uploadComponents: string[];
}

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

interface FileRow {
  id: string;
  component_code: string;
  file_name: string;
  content_type: DossierFileContentType;
  sha256: string;
  size: number;
  pages: number | null;
  form: DossierFileForm;
  digitized: boolean;
  reused: boolean;
  uploaded_at: Date;
  /** null for a file imported from another system. */
  uploaded_by: string | null;
}

type UploaderKind = 'applicant' | 'official' | 'imported';

interface Uploader {
  kind: UploaderKind;
  name: string | null;
}

const IMPORTED: Uploader = { kind: 'imported', name: null };

function toView(r: FileRow, uploader: Uploader): DossierFileView {
  return {
    id: r.id,
    componentCode: r.component_code,
    fileName: r.file_name,
    contentType: r.content_type,
    sha256: r.sha256,
    size: r.size,
    pages: r.pages,
    form: r.form,
    digitized: r.digitized,
    reused: r.reused,
    uploadedAt: vietnamIso(new Date(r.uploaded_at)),
    uploadedBy: uploader.kind,
    uploaderName: uploader.name,
  };
}

/** Who uploaded each file, as the viewer may know it: an applicant sees no official's name. */
async function uploaders(deps: AppDeps, rows: readonly FileRow[], header: DossierHeader, viewerIsApplicant: boolean): Promise<Map<string | null, Uploader>> {
  const ids = [...new Set(rows.flatMap((r) => (r.uploaded_by === null ? [] : [r.uploaded_by])))];
  const users = ids.length === 0 ? [] : await deps.db.selectFrom('users').select(['id', 'kind', 'full_name']).where('id', 'in', ids).execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  return new Map<string | null, Uploader>([
    [null, IMPORTED],
    ...ids.map((id): [string, Uploader] => {
      const user = byId.get(id);
      const applicant = id === header.applicantId || user?.kind === 'applicant';
      return [id, { kind: applicant ? 'applicant' : 'official', name: !user || (viewerIsApplicant && !applicant) ? null : user.full_name }];
    }),
  ]);
}

/** The codes a file may be attached under now. */
function uploadComponentsOf(declared: readonly { code: string }[], status: DossierStatus): string[] {
  const codes = [...new Set(declared.map((c) => c.code).filter((c) => c !== ''))];
  return AWAITING_SUPPLEMENT.has(status) ? [...codes, SUPPLEMENT_COMPONENT_CODE] : codes;
}

export async function attachDossierFile(
  deps: Deps,
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
  const now = deps.clock();
  const saved = await deps.db.transaction().execute(async (trx) => {
    const reused =
      header.applicantId !== null &&
      (await trx
        .selectFrom('dossier_files')
        .innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id')
        .select('dossier_files.id')
        .where('dossier_files.sha256', '=', stored.sha256)
        .where('dossiers.applicant_id', '=', header.applicantId)
        .where('dossiers.id', '!=', found.row.id)
        .executeTakeFirst()) !== undefined;
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
        reused,
        uploaded_by: actor.userId,
        uploaded_at: now,
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
  const uploader = await uploaders(deps, [saved], header, relation.isApplicant);
  return ok(toView(saved, uploader.get(saved.uploaded_by)!));
}

export async function listDossierFiles(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DossierFilesView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const { header, state, relation } = found;
  const rows = await deps.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', found.row.id).orderBy('uploaded_at').orderBy('id').execute();
  const names = await uploaders(deps, rows, header, relation.isApplicant);
  const canUpload = attachRefusal(relation, header, state) === null;
  return ok({
    items: rows.map((r) => toView(r, names.get(r.uploaded_by)!)),
    result: state.resultFile ? { fileName: state.resultFile.name } : null,
    canUpload,
    uploadComponents: canUpload ? uploadComponentsOf(found.row.components as { code: string }[], state.status) : [],
  });
}

/** The electronic result of the dossier (issueResult), for whoever sees the dossier; FILE_NOT_FOUND before it is issued. */
export async function readDossierResult(
  deps: Deps,
  input: { id: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: DossierFileContentType; bytes: Buffer }>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const result = found.state.resultFile;
  if (!result) return fail('FILE_NOT_FOUND', { reason: 'Hồ sơ chưa có kết quả điện tử.' });
  const bytes = await deps.files.read(result.sha256);
  const sniffed = bytes ? sniffFileType(bytes) : null;
  if (!bytes || !sniffed) return fail('FILE_NOT_FOUND', { reason: 'Tệp kết quả điện tử không có trong kho lưu trữ.' });
  return ok({ fileName: result.name, contentType: SNIFFED[sniffed], bytes });
}

export async function readDossierFile(
  deps: Deps,
  input: { id: string; fileId: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: DossierFileContentType; bytes: Buffer }>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const found = visible.value;
  const row = await deps.db
    .selectFrom('dossier_files')
    .select(['file_name', 'content_type', 'sha256'])
    .where('id', '=', input.fileId)
    .where('dossier_id', '=', found.row.id)
    .executeTakeFirst();
  if (!row) return fail('FILE_NOT_FOUND');
  const bytes = await deps.files.read(row.sha256);
  if (!bytes) return fail('FILE_NOT_FOUND');
  return ok({ fileName: row.file_name, contentType: row.content_type, bytes });
}
