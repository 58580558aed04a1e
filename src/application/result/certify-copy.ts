/**
 * Certified electronic copies from originals (chứng thực bản sao điện tử từ bản chính, issue 19): the desk
 * officer scans the original, motcua appends the certification statement (lời chứng) with the number of the
 * unit's register for the year, and signs the whole with the unit's certificate. The copy is then one of
 * the dossier's results, received by the applicant like any other, and counted by the certified-copy
 * indicator. A number is taken before signing (the statement carries it); a signing that fails gives it back.
 */
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { hasCapability, isOfficialRole } from '../../domain/access/roles.js';
import type { ActorRelation } from '../../domain/dossier/decide.js';
import { SigningFailure } from '../../domain/esign/signing.js';
import { SIGNATURE_PROBLEM_TEXT } from '../../domain/esign/verification.js';
import type { ResultDocument } from '../../contract/result.js';
import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';
import { sniffFileType } from '../../infrastructure/files/file-store.js';
import { scanToPdf } from '../data-vault/scan-to-pdf.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { followDossiers } from '../scorecard/statistics.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { issuingBody, placeAndDate } from '../dossier/forms/form-basis.js';
import { toLocal } from '../dossier/dossier-store.js';
import { QR_VERIFY_CAPTION } from './prepare-result.js';
import { documentView, newVerificationCode, signatureRecord, verificationUrl, type ResultDeps } from './result-records.js';

/** A desk officer of the unit that received the dossier: the copy goes into that unit's register, under its seal. */
export function mayCertify(relation: ActorRelation): boolean {
  return isOfficialRole(relation.role) && relation.role === 'desk_officer' && relation.atReceivingUnit;
}

export async function certifyCopy(deps: ResultDeps, input: { id: string; title: string; bytes: Buffer; meta: RequestMeta }): Promise<Result<ResultDocument>> {
  const seen = await findVisibleDossier(deps, input.id, input.meta);
  if (!seen.ok) return seen;
  const { relation, actor, header, row: dossier } = seen.value;
  if (!mayCertify(relation) || !hasCapability(actor.role, 'dossier.receive')) return fail('FORBIDDEN_ROLE');
  if (!sniffFileType(input.bytes)) return fail('RESULT_FILE_NOT_PDF', { reason: 'Bản chụp phải là tệp PDF, PNG hoặc JPEG.' });
  // The scan's pages are copied before a register number is taken: a file pdf-lib cannot read takes none.
  let scan: PDFDocument;
  let merged: PDFDocument;
  try {
    scan = await scanToPdf([input.bytes]);
    merged = await PDFDocument.create();
    for (const page of await merged.copyPages(scan, scan.getPageIndices())) merged.addPage(page);
  } catch {
    return fail('RESULT_FILE_NOT_PDF', { reason: 'Không đọc được bản chụp (tệp hỏng, được mã hóa hoặc ảnh quá lớn).' });
  }
  const unitCode = header.receivingUnitCode;
  const tree = deps.units.tree();
  const now = deps.clock();
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
  const code = newVerificationCode();
  const official = await deps.db.selectFrom('users').select(['full_name', 'username']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  // The number is taken in its own short transaction: signing talks to other services and must not hold it.
  const taken = await deps.db.transaction().execute(async (trx) => {
    // One number at a time per unit and year (two desks certifying at once would read the same maximum).
    await sql`select pg_advisory_xact_lock(hashtext(${`register|${unitCode}|${year}`}))`.execute(trx);
    const last = await trx
      .selectFrom('result_documents')
      .select((eb) => eb.fn.max('register_number').as('n'))
      .where('unit_code', '=', unitCode)
      .where('register_year', '=', year)
      .executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    return trx
      .insertInto('result_documents')
      .values({
        dossier_id: dossier.id,
        unit_code: unitCode,
        verification_code: code,
        kind: 'certifiedCopy',
        title: input.title,
        result_code: null,
        source: 'scan',
        status: 'draft',
        file_sha256: '',
        file_name: `Bản sao chứng thực ${number}-${year}.pdf`,
        level: null,
        replaces: null,
        replaced_by: null,
        revoked_reason: null,
        register_year: year,
        register_number: number,
        created_by: actor.userId,
        created_at: now,
        submitted_at: now,
        signed_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  const giveBack = () => deps.db.deleteFrom('result_documents').where('id', '=', taken.id).execute();
  const number = `${taken.register_number}/${year}`;
  const statement = await renderOfficialDocument({
    title: 'Lời chứng chứng thực bản sao từ bản chính',
    formLine: null,
    body: issuingBody(tree, unitCode),
    placeAndDate: placeAndDate(tree, unitCode, toLocal(now)),
    reference: `Số chứng thực: ${number} – Quyển số ${year}-SCT/BS`,
    heading: [{ text: 'LỜI CHỨNG CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH', style: 'bold' }],
    blocks: [
      { kind: 'paragraph', text: `Chứng thực bản sao này đúng với bản chính: “${input.title}”, gồm ${scan.getPageCount()} trang.`, align: 'justify' },
      { kind: 'field', label: 'Hồ sơ', value: dossier.code },
      { kind: 'field', label: 'Người thực hiện chứng thực', value: official.full_name },
      {
        kind: 'paragraph',
        text: 'Bản sao điện tử được ký số bằng chứng thư số của cơ quan (Nghị định 23/2015/NĐ-CP, Nghị định 45/2020/NĐ-CP).',
        style: 'italic',
        size: 10,
      },
    ],
    signatures: [{ title: 'NGƯỜI THỰC HIỆN CHỨNG THỰC', note: '(Ký số của cơ quan)', name: official.full_name }],
    qr: { url: verificationUrl(deps.publicUrl, code), caption: QR_VERIFY_CAPTION },
  });
  let unsigned: Buffer;
  try {
    const statementDoc = await PDFDocument.load(statement);
    for (const page of await merged.copyPages(statementDoc, statementDoc.getPageIndices())) merged.addPage(page);
    unsigned = Buffer.from(await merged.save({ useObjectStreams: false }));
  } catch {
    await giveBack();
    return fail('RESULT_FILE_NOT_PDF', { reason: 'Không ghép được bản chụp với lời chứng (tệp hỏng).' });
  }
  const unit = tree.find(unitCode);
  let outcome;
  try {
    outcome = await deps.signing.sign({
      pdf: unsigned,
      signer: { kind: 'unit', id: unitCode, remoteUserId: unitCode, commonName: unit?.name ?? unitCode, organization: unit?.name ?? unitCode },
      provider: 'pkcs12',
      reason: `Chứng thực bản sao từ bản chính, số ${number}`,
      location: unit?.name ?? '',
      signingTime: now,
      docId: taken.id,
      fileName: taken.file_name,
    });
  } catch (error) {
    await giveBack();
    if (error instanceof SigningFailure) return fail(error.code, { reason: error.reason });
    throw error;
  }
  const report = await deps.signing.verify(outcome.pdf);
  const mine = report.signatures[0];
  if (report.verdict !== 'valid' || !mine) {
    await giveBack();
    return fail('SIGNATURE_INVALID', { reason: mine?.problem ? SIGNATURE_PROBLEM_TEXT[mine.problem] : 'Tệp không có chữ ký.' });
  }
  const stored = await deps.files.put(outcome.pdf);
  const signed = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('result_documents')
      .set({ status: 'signed', file_sha256: stored.sha256, level: outcome.level, signed_at: now, version: 1 })
      .where('id', '=', taken.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const signature = signatureRecord({
      documentId: row.id,
      seq: 1,
      signerId: actor.userId,
      fallbackName: unit?.name ?? unitCode,
      provider: 'pkcs12',
      finding: mine,
      outcome,
      sha256: stored.sha256,
      at: now,
    });
    await trx.insertInto('result_signatures').values(signature).execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'result.certifiedCopy',
      targetType: 'dossier',
      targetId: dossier.id,
      details: { documentId: row.id, register: number, sha256: stored.sha256 },
      at: now,
    });
    await followDossiers(trx, [dossier.id]);
    return { row, signature };
  });
  return ok(documentView(deps.publicUrl, signed.row, [{ ...signed.signature, id: '' }]));
}
