/**
 * Digitization at the desk (issue 20; TT 01/2023/TT-VPCP): for a paper component the desk officer scans the pages
 * (one PDF, or many images made into one PDF), states that the copy matches the paper it was scanned from, and the
 * unit's certificate signs it (the e-results signer, PAdES). The file records who digitized it, when, from what
 * paper and until when it is valid; a signature that does not verify is not stored. A scan of a document of a
 * known type also goes into the owner's data vault, so the next dossier does not ask for the paper again.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability } from '../../domain/access/roles.js';
import { SigningFailure } from '../../domain/esign/signing.js';
import { SIGNATURE_PROBLEM_TEXT } from '../../domain/esign/verification.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { attachRefusal, checkUploadSignatures, savedView, type DossierFileView } from '../dossier/dossier-file-views.js';
import { DOSSIER_FILE_MAX_BYTES, DOSSIER_FILE_MAX_PAGES } from '../dossier/attach-dossier-file.js';
import { mayCertify } from '../result/certify-copy.js';
import { ScanError, scanToPdf } from './scan-to-pdf.js';
import { addToVault, provenOwner, type VaultDeps } from './vault-store.js';

export const DIGITIZED_FROM_LABELS = { original: 'bản chính', certifiedCopy: 'bản sao có chứng thực', copy: 'bản chụp' } as const;

export async function digitizeComponent(
  deps: VaultDeps,
  input: { id: string; componentCode: string; from: 'original' | 'certifiedCopy' | 'copy'; validUntil: string | null; pages: Buffer[]; meta: RequestMeta },
): Promise<Result<DossierFileView>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const { actor, header, state, relation, row } = visible.value;
  if (!mayCertify(relation) || !hasCapability(actor.role, 'dossier.receive')) return fail('FORBIDDEN_ROLE');
  const refusal = attachRefusal(relation, header, state);
  if (refusal) return fail('ACTION_NOT_AVAILABLE', { reason: refusal });
  // A component the dossier declared, or one of its procedure's (an optional paper the applicant brought after all).
  const dossier = await deps.db
    .selectFrom('dossiers')
    .select(['owner_hash', 'procedure_code', 'procedure_version_id'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const component = deps.catalogue
    .history(dossier.procedure_code)
    .find((v) => v.id === dossier.procedure_version_id)
    ?.record.components.find((c) => c.code === input.componentCode);
  const declared = (row.components as { code: string; name: string }[]).find((c) => c.code === input.componentCode) ?? component;
  if (!declared) return fail('VALIDATION_FAILED', [{ path: 'body.componentCode', message: 'Hồ sơ không có thành phần này' }]);
  let unsigned: Buffer;
  let pageCount: number;
  try {
    const doc = await scanToPdf(input.pages);
    pageCount = doc.getPageCount();
    unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  } catch (error) {
    if (error instanceof ScanError) return fail('VALIDATION_FAILED', [{ path: 'body.pages', message: error.message }]);
    throw error;
  }
  if (pageCount > DOSSIER_FILE_MAX_PAGES) return fail('VALIDATION_FAILED', [{ path: 'body.pages', message: `Tối đa ${DOSSIER_FILE_MAX_PAGES} trang` }]);
  if (unsigned.byteLength > DOSSIER_FILE_MAX_BYTES) return fail('BODY_TOO_LARGE', { maxBytes: DOSSIER_FILE_MAX_BYTES });
  const unitCode = header.receivingUnitCode;
  const unit = deps.units.tree().find(unitCode);
  const now = deps.clock();
  let signedPdf: Uint8Array;
  try {
    const outcome = await deps.signing.sign({
      pdf: unsigned,
      signer: { kind: 'unit', id: unitCode, remoteUserId: unitCode, commonName: unit?.name ?? unitCode, organization: unit?.name ?? unitCode },
      provider: 'pkcs12',
      reason: `Số hóa từ ${DIGITIZED_FROM_LABELS[input.from]}, đã đối chiếu: ${declared.name}`.slice(0, 200),
      location: unit?.name ?? '',
      signingTime: now,
      docId: `${row.id}:${input.componentCode}`,
      fileName: `${declared.name}.pdf`,
    });
    signedPdf = outcome.pdf;
  } catch (error) {
    if (error instanceof SigningFailure) return fail(error.code, { reason: error.reason });
    throw error;
  }
  const check = await checkUploadSignatures(deps.signing, signedPdf);
  if (!check || check.verdict !== 'valid') {
    const report = await deps.signing.verify(signedPdf);
    const problem = report.signatures[0]?.problem;
    return fail('SIGNATURE_INVALID', { reason: problem ? SIGNATURE_PROBLEM_TEXT[problem] : 'Tệp không có chữ ký.' });
  }
  const stored = await deps.files.put(signedPdf);
  const fileName = `${declared.name}`.slice(0, 190) + '.pdf';
  const saved = await deps.db.transaction().execute(async (trx) => {
    // Into the owner's vault only as a document of a known type (the one result code the component lists), scanned
    // from an original or a certified copy, of an owner the registry or their eID account proved.
    const owner = await provenOwner(trx, row.id);
    const type = component?.replaceableBy?.length === 1 ? component.replaceableBy[0]! : null;
    const vault =
      owner && type && input.from !== 'copy'
        ? await addToVault(trx, {
            ownerHash: owner,
            resultCode: type,
            title: declared.name,
            number: null,
            issuer: unit?.name ?? unitCode,
            issuedOn: null,
            validUntil: input.validUntil,
            source: 'digitized',
            sourceDossierId: row.id,
            resultDocumentId: null,
            national: null,
            file: { sha256: stored.sha256, name: fileName, contentType: 'application/pdf', size: stored.size },
            createdBy: actor.userId,
            at: now,
          })
        : null;
    const file = await trx
      .insertInto('dossier_files')
      .values({
        dossier_id: row.id,
        component_code: declared.code,
        file_name: fileName,
        content_type: 'application/pdf',
        sha256: stored.sha256,
        size: stored.size,
        pages: pageCount,
        form: 'electronic',
        digitized: true,
        digitized_by: actor.userId,
        digitized_from: input.from,
        valid_until: input.validUntil,
        reused: false,
        uploaded_by: actor.userId,
        uploaded_at: now,
        signature_check: JSON.stringify(check),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await followDossiers(trx, [row.id]);
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'dossier.component_digitized',
      targetType: 'dossier',
      targetId: row.id,
      details: {
        code: row.code,
        fileId: file.id,
        componentCode: declared.code,
        from: input.from,
        pages: pageCount,
        sha256: stored.sha256,
        vaultDocumentId: vault?.id ?? null,
      },
      at: now,
    });
    return file;
  });
  return ok(await savedView(deps, saved, header, relation.isApplicant));
}
