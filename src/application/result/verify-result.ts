/**
 * Verification for anyone (issue 19): the public record behind a QR code, and the check of a PDF someone
 * holds: each signature's integrity and validity against the trust anchors, its timestamp, and whether the
 * file is a document motcua issued, and if so whether it was since revoked or replaced.
 */
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { SIGNATURE_PROBLEM_TEXT } from '../../domain/esign/verification.js';
import type { PublicResult, VerificationReport } from '../../contract/result.js';
import { looksLikePdf } from '../../infrastructure/esign/verify-pdf.js';
import { publicRecord, type ResultDeps } from './result-records.js';

export async function getPublicResult(deps: ResultDeps, code: string): Promise<Result<PublicResult>> {
  const found = await publicRecord(deps, code);
  return found ? ok(found.view) : fail('RESULT_DOCUMENT_NOT_FOUND');
}

function summaryOf(report: { verdict: string }, problem: string | null, match: PublicResult | null, expected: PublicResult | null): string {
  if (report.verdict === 'unsigned') return 'Tệp không có chữ ký số.';
  if (report.verdict === 'invalid') return `Văn bản KHÔNG hợp lệ: ${problem ?? 'chữ ký số không hợp lệ.'}`;
  if (expected && !match) return `Chữ ký số hợp lệ nhưng tệp KHÔNG trùng với văn bản mã ${expected.code} do ${expected.issuer} ban hành.`;
  if (!match) return 'Chữ ký số hợp lệ, nhưng văn bản không do hệ thống này ban hành.';
  if (match.status === 'revoked') return `Chữ ký số hợp lệ, nhưng văn bản đã bị THU HỒI: ${match.revokedReason ?? ''}`.trim();
  if (match.status === 'replaced') return `Chữ ký số hợp lệ, nhưng văn bản đã được THAY THẾ bởi văn bản mã ${match.replacedBy ?? ''}.`;
  return `Văn bản hợp lệ: chữ ký số nguyên vẹn, đúng văn bản do ${match.issuer} ban hành.`;
}

export async function verifyPdfFile(deps: ResultDeps, input: { bytes: Buffer; code?: string }): Promise<Result<VerificationReport>> {
  if (!looksLikePdf(input.bytes)) return fail('RESULT_FILE_NOT_PDF');
  const report = await deps.signing.verify(input.bytes);
  // With a code, the file is compared with that document's signed file; without one, any document with this file.
  const expected = input.code ? await publicRecord(deps, input.code) : null;
  if (input.code && !expected) return fail('RESULT_DOCUMENT_NOT_FOUND');
  const byFile = expected
    ? undefined
    : await deps.db
        .selectFrom('result_documents')
        .select('verification_code')
        .where('file_sha256', '=', report.sha256)
        .where('signed_at', 'is not', null)
        .executeTakeFirst();
  const found = byFile ? await publicRecord(deps, byFile.verification_code) : null;
  const match = expected ? (expected.row.file_sha256 === report.sha256 ? expected : null) : found;
  const firstProblem = report.signatures.find((s) => s.problem)?.problem ?? null;
  return ok({
    verdict: report.verdict,
    sha256: report.sha256,
    matches: match?.view ?? null,
    signatures: report.signatures.map((s) => ({
      signerName: s.signerName,
      issuerName: s.issuerName,
      signedAt: s.signedAt,
      level: s.level,
      timestamp: s.timestamp,
      problem: s.problem,
      message: s.problem ? SIGNATURE_PROBLEM_TEXT[s.problem] : null,
    })),
    summary: summaryOf(report, firstProblem ? SIGNATURE_PROBLEM_TEXT[firstProblem] : null, match?.view ?? null, expected?.view ?? null),
  });
}
