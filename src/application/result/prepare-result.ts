/**
 * An official prepares a dossier's result (issue 19): generated from the procedure's result template with the
 * dossier's data, or uploaded as a PDF; either way the document gets its verification code and a QR that
 * leads to the public verification page, then waits as a draft to be previewed and sent for signature.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability, isOfficialRole } from '../../domain/access/roles.js';
import type { ActorRelation } from '../../domain/dossier/decide.js';
import type { DossierState } from '../../domain/dossier/fold.js';
import type { ResultDocument } from '../../contract/result.js';
import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';
import { stampVerificationQr } from '../../infrastructure/esign/stamp-qr.js';
import { looksLikePdf } from '../../infrastructure/esign/verify-pdf.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { loadDossierFormData } from '../dossier/forms/form-data.js';
import { issuingBody, placeAndDate } from '../dossier/forms/form-basis.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { documentView, newVerificationCode, verificationUrl, type ResultDeps } from './result-records.js';

export type PrepareDeps = ResultDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory };

export const QR_VERIFY_CAPTION = 'Quét mã QR hoặc truy cập địa chỉ dưới đây để xác thực văn bản điện tử và chữ ký số.';
const PREPARING: ReadonlySet<DossierState['status']> = new Set(['accepted', 'processing', 'resultReady', 'returned']);

/** An official of the competent unit who processes or approves: may prepare and sign its results. */
export function mayPrepare(relation: ActorRelation): boolean {
  return (
    isOfficialRole(relation.role) &&
    relation.atCompetentUnit &&
    (hasCapability(relation.role, 'dossier.process') || hasCapability(relation.role, 'dossier.approve'))
  );
}

interface NewDocument {
  kind: 'result' | 'annex';
  title: string;
  resultCode: string | null;
  source: 'template' | 'upload';
  replaces: string | null;
}

async function store(deps: ResultDeps, input: { dossierId: string; unitCode: string; meta: RequestMeta }, doc: NewDocument, code: string, pdf: Buffer) {
  const stored = await deps.files.put(pdf);
  const now = deps.clock();
  const fileName = `${doc.title.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 120)}.pdf`;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('result_documents')
      .values({
        dossier_id: input.dossierId,
        unit_code: input.unitCode,
        verification_code: code,
        kind: doc.kind,
        title: doc.title,
        result_code: doc.resultCode,
        source: doc.source,
        status: 'draft',
        file_sha256: stored.sha256,
        file_name: fileName,
        level: null,
        replaces: doc.replaces,
        replaced_by: null,
        revoked_reason: null,
        register_year: null,
        register_number: null,
        created_by: input.meta.actor?.userId ?? null,
        created_at: now,
        submitted_at: null,
        signed_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'result.prepared',
      targetType: 'dossier',
      targetId: input.dossierId,
      details: { documentId: row.id, kind: doc.kind, source: doc.source, sha256: stored.sha256 },
      at: now,
    });
    return row;
  });
}

async function checked(deps: ResultDeps, id: string, meta: RequestMeta, replaces: string | undefined, kind: 'result' | 'annex') {
  const seen = await findVisibleDossier(deps, id, meta);
  if (!seen.ok) return seen;
  if (!mayPrepare(seen.value.relation)) return fail('FORBIDDEN_ROLE');
  if (!PREPARING.has(seen.value.state.status)) return fail('RESULT_NOT_READY');
  if (replaces) {
    const old = await deps.db.selectFrom('result_documents').select(['status', 'dossier_id', 'kind']).where('id', '=', replaces).executeTakeFirst();
    // A result is replaced by a result, an annex by an annex; a certified copy is not the official's to replace.
    if (!old || old.dossier_id !== id || old.kind !== kind) return fail('RESULT_DOCUMENT_NOT_FOUND');
    if (old.status !== 'signed') return fail('RESULT_DOCUMENT_STATE');
  }
  return seen;
}

export async function prepareResultFromTemplate(
  deps: PrepareDeps,
  input: { id: string; kind: 'result' | 'annex'; title?: string; replaces?: string; meta: RequestMeta },
): Promise<Result<ResultDocument>> {
  const seen = await checked(deps, input.id, input.meta, input.replaces, input.kind);
  if (!seen.ok) return seen;
  const data = await loadDossierFormData(deps, { id: input.id, meta: input.meta, publicUrl: deps.publicUrl });
  if (!data.ok) return data;
  const d = data.value;
  const main = await mainResultOf(deps, input.id, d.procedureCode);
  const title = input.title ?? main?.name ?? `Kết quả giải quyết thủ tục ${d.procedureName}`;
  const code = newVerificationCode();
  const url = verificationUrl(deps.publicUrl, code);
  const pdf = await renderOfficialDocument({
    title,
    formLine: null,
    body: issuingBody(d.tree, d.header.unitCode),
    placeAndDate: placeAndDate(d.tree, d.header.unitCode, d.now),
    reference: 'Số: ……… (cấp khi ký ban hành)',
    heading: [{ text: title.toLocaleUpperCase('vi'), style: 'bold', size: 13 }],
    blocks: [
      {
        kind: 'paragraph',
        text: `Căn cứ hồ sơ số ${d.code} đề nghị giải quyết thủ tục “${d.procedureName}” đã được thẩm định và phê duyệt,`,
        align: 'justify',
      },
      { kind: 'space', mm: 2 },
      { kind: 'field', label: 'Tổ chức, cá nhân', value: d.applicant.fullName },
      ...(d.applicant.address ? [{ kind: 'field' as const, label: 'Địa chỉ', value: d.applicant.address }] : []),
      { kind: 'field', label: 'Thủ tục hành chính', value: `${d.procedureCode} – ${d.procedureName}` },
      { kind: 'field', label: 'Mã hồ sơ', value: d.code },
      { kind: 'space', mm: 2 },
      { kind: 'paragraph', text: 'Văn bản điện tử này được ký số và có giá trị pháp lý như bản giấy (Nghị định 45/2020/NĐ-CP).', style: 'italic', size: 10 },
    ],
    signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký số)' }],
    qr: { url, caption: QR_VERIFY_CAPTION },
    footer: d.code,
  });
  const row = await store(
    deps,
    { dossierId: input.id, unitCode: d.header.unitCode, meta: input.meta },
    { kind: input.kind, title, resultCode: main?.code ?? null, source: 'template', replaces: input.replaces ?? null },
    code,
    pdf,
  );
  return ok(documentView(deps.publicUrl, row, []));
}

async function mainResultOf(deps: PrepareDeps, dossierId: string, procedureCode: string) {
  const row = await deps.db.selectFrom('dossiers').select('procedure_version_id').where('id', '=', dossierId).executeTakeFirstOrThrow();
  return deps.catalogue.history(procedureCode).find((v) => v.id === row.procedure_version_id)?.record.results[0] ?? null;
}

export async function uploadResult(
  deps: PrepareDeps,
  input: { id: string; kind: 'result' | 'annex'; title: string; replaces?: string; bytes: Buffer; meta: RequestMeta },
): Promise<Result<ResultDocument>> {
  const seen = await checked(deps, input.id, input.meta, input.replaces, input.kind);
  if (!seen.ok) return seen;
  if (!looksLikePdf(input.bytes)) return fail('RESULT_FILE_NOT_PDF');
  const code = newVerificationCode();
  let pdf: Buffer;
  try {
    pdf = await stampVerificationQr(input.bytes, verificationUrl(deps.publicUrl, code));
  } catch {
    return fail('RESULT_FILE_NOT_PDF', { reason: 'Không đọc được cấu trúc tệp PDF (tệp hỏng hoặc được mã hóa).' });
  }
  const header = seen.value.header;
  const main = input.kind === 'result' ? await mainResultOf(deps, input.id, await procedureOf(deps, input.id)) : null;
  const row = await store(
    deps,
    { dossierId: input.id, unitCode: header.unitCode, meta: input.meta },
    { kind: input.kind, title: input.title, resultCode: main?.code ?? null, source: 'upload', replaces: input.replaces ?? null },
    code,
    pdf,
  );
  return ok(documentView(deps.publicUrl, row, []));
}

async function procedureOf(deps: PrepareDeps, dossierId: string): Promise<string> {
  const row = await deps.db.selectFrom('dossiers').select('procedure_code').where('id', '=', dossierId).executeTakeFirstOrThrow();
  return row.procedure_code;
}
