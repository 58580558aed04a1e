/**
 * What the use cases on a dossier's files share: who may attach files now (attachRefusal), the file types judged
 * by their bytes, and a stored file as its viewer sees it (the applicant sees their own name, not the officials').
 */
import type { AppDeps } from '../context.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import type { DossierStatus } from '../../domain/dossier/dossier.js';
import { mayAttach, type ActorRelation } from '../../domain/dossier/decide.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { DossierFileContentType, DossierFileForm, SignatureCheck } from '../../infrastructure/db/schema.js';
import type { SigningPort } from '../../domain/esign/signing.js';
import { SIGNATURE_PROBLEM_TEXT } from '../../domain/esign/verification.js';

/** The signatures of an uploaded PDF, checked against the trust anchors; null for an unsigned one. */
export async function checkUploadSignatures(signing: SigningPort | undefined, bytes: Uint8Array): Promise<SignatureCheck | null> {
  if (!signing) return null;
  const report = await signing.verify(bytes);
  if (report.verdict === 'unsigned') return null;
  return {
    verdict: report.verdict,
    signers: report.signatures.map((s) => ({
      name: s.signerName,
      issuer: s.issuerName,
      signedAt: s.signedAt,
      problem: s.problem ? SIGNATURE_PROBLEM_TEXT[s.problem] : null,
    })),
  };
}
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';

/** `signing` checks the signatures of an uploaded PDF (issue 19); without it uploads are not checked. */
export type DossierFileDeps = AppDeps & { files: FileStore; signing?: SigningPort };

export const SNIFFED: Record<'pdf' | 'png' | 'jpeg', DossierFileContentType> = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' };

/** The statuses in which a supplement is awaited (national code 5). */
export const AWAITING_SUPPLEMENT: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['receptionSupplement', 'supplementRequested']);

/**
 * Whether this actor may attach files to the dossier now, or why not (one rule for the upload and for the page
 * that offers it): domain/dossier/decide.ts `mayAttach`.
 */
export function attachRefusal(relation: ActorRelation, header: DossierHeader, state: DossierState): string | null {
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
  /** A signed PDF's signatures as checked when it arrived; null for an unsigned file. */
  signature: SignatureCheck | null;
  /** Issue 20: taken from the national portal's vault; the paper a desk scan was made from; the validity the desk recorded. */
  fromNationalVault: boolean;
  digitizedFrom: 'original' | 'certifiedCopy' | 'copy' | null;
  validUntil: string | null;
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
  signature_check?: SignatureCheck | null;
  from_national_vault?: boolean;
  digitized_from?: 'original' | 'certifiedCopy' | 'copy' | null;
  valid_until?: string | Date | null;
}

type UploaderKind = 'applicant' | 'official' | 'imported';

interface Uploader {
  kind: UploaderKind;
  name: string | null;
}

const IMPORTED: Uploader = { kind: 'imported', name: null };

export function toView(r: FileRow, uploader: Uploader): DossierFileView {
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
    signature: r.signature_check ?? null,
    fromNationalVault: r.from_national_vault ?? false,
    digitizedFrom: r.digitized_from ?? null,
    validUntil: r.valid_until ? (r.valid_until instanceof Date ? r.valid_until.toISOString() : r.valid_until).slice(0, 10) : null,
  };
}

/** Who uploaded each file, as the viewer may know it: an applicant sees no official's name. */
export async function uploaders(
  deps: AppDeps,
  rows: readonly FileRow[],
  header: DossierHeader,
  viewerIsApplicant: boolean,
): Promise<Map<string | null, Uploader>> {
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

/** The view of a file just saved, as its uploader sees it. */
export async function savedView(deps: AppDeps, row: FileRow, header: DossierHeader, viewerIsApplicant: boolean): Promise<DossierFileView> {
  const uploader = await uploaders(deps, [row], header, viewerIsApplicant);
  return toView(row, uploader.get(row.uploaded_by)!);
}
