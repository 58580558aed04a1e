/**
 * The e-result of seeded (synthetic) history: one sample result, signed once with the demo CA's key for a
 * demo signer, which every seeded dossier with an e-result records as its signed result document, so that
 * indicators 4.1 and 4.2 read seeded history the way they read live dossiers (issue 19). A live dossier's
 * result is its own document, with its own QR code.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { RecordedAction } from '../../domain/dossier/dossier.js';
import { toDate } from '../dossier/dossier-store.js';
import type { DB, ResultDocumentsTable, ResultSignaturesTable } from '../../infrastructure/db/schema.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import { createKeyRing } from '../../infrastructure/esign/key-ring.js';
import { signPdf, softwareKey } from '../../infrastructure/esign/pades.js';
import { commonName } from '../../infrastructure/esign/cms.js';
import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';

export interface SampleResult {
  sha256: string;
  signerName: string;
  issuerName: string;
  serial: string;
}

export async function seededSampleResult(db: Kysely<DB>, files: FileStore, now: Date): Promise<SampleResult> {
  const keys = createKeyRing(
    db,
    { demoCa: true, credentials: { units: {}, users: {} }, trustAnchorFiles: [], tsa: null, remote: null, local: null },
    () => now,
  );
  const signer = {
    kind: 'unit' as const,
    id: 'seed',
    remoteUserId: 'seed',
    commonName: 'Kết quả mẫu của dữ liệu thử nghiệm',
    organization: 'motcua (thử nghiệm)',
  };
  const held = await keys.keyFor(signer);
  if (!held || held === 'revoked') throw new Error('the demo CA issued no sample key');
  const pdf = await renderOfficialDocument({
    title: 'Kết quả giải quyết (mẫu)',
    formLine: null,
    body: { superior: null, issuer: 'Dữ liệu thử nghiệm motcua' },
    placeAndDate: null,
    heading: [{ text: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (MẪU)', style: 'bold' }],
    blocks: [{ kind: 'paragraph', text: 'Văn bản mẫu dùng chung cho các hồ sơ của dữ liệu thử nghiệm.' }],
  });
  const signed = await signPdf(pdf, softwareKey(held.privateKey, held.chain), {
    reason: 'Kết quả mẫu',
    name: signer.commonName,
    location: '',
    contactInfo: '',
    signingTime: now,
  });
  const stored = await files.put(signed.pdf);
  const [cert, issuer] = held.chain;
  return {
    sha256: stored.sha256,
    signerName: commonName(cert!),
    issuerName: issuer ? commonName(issuer) : '',
    serial: new X509Certificate(cert!).serialNumber,
  };
}

export function sampleResultRow(
  sample: SampleResult,
  input: { dossierId: string; unitCode: string; title: string; resultCode: string | null; at: Date },
): Insertable<ResultDocumentsTable> {
  return {
    dossier_id: input.dossierId,
    unit_code: input.unitCode,
    verification_code: randomBytes(12).toString('base64url'),
    kind: 'result',
    title: input.title,
    result_code: input.resultCode,
    source: 'upload',
    status: 'signed',
    file_sha256: sample.sha256,
    file_name: 'Kết quả giải quyết.pdf',
    level: 'B-B',
    replaces: null,
    replaced_by: null,
    revoked_reason: null,
    register_year: null,
    register_number: null,
    created_by: null,
    created_at: input.at,
    submitted_at: input.at,
    signed_at: input.at,
    revoked_at: null,
  };
}

export function sampleSignatureRow(sample: SampleResult, at: Date): Omit<Insertable<ResultSignaturesTable>, 'document_id'> {
  return {
    seq: 1,
    signer_id: null,
    signer_name: sample.signerName,
    provider: 'pkcs12',
    certificate_subject: sample.signerName,
    certificate_issuer: sample.issuerName,
    certificate_serial: sample.serial,
    level: 'B-B',
    timestamp_at: null,
    timestamp_note: 'Dữ liệu thử nghiệm: không xin dấu thời gian.',
    file_sha256: sample.sha256,
    signed_at: at,
  };
}

export interface SeededResults {
  documents: Insertable<ResultDocumentsTable>[];
  signatures: Omit<Insertable<ResultSignaturesTable>, 'document_id'>[];
}

/** The signed result document of a seeded dossier whose history issued an e-result. */
export function pushSeededResult(
  out: SeededResults,
  sample: SampleResult,
  input: { dossierId: string; unitCode: string; history: readonly RecordedAction[]; result: { code: string; name: string } | undefined },
): void {
  const issued = input.history.find((a) => a.type === 'issueResult');
  if (!issued) return;
  const at = toDate(issued.at)!;
  const title = input.result?.name ?? 'Kết quả giải quyết';
  out.documents.push(sampleResultRow(sample, { dossierId: input.dossierId, unitCode: input.unitCode, title, resultCode: input.result?.code ?? null, at }));
  out.signatures.push(sampleSignatureRow(sample, at));
}

export async function insertSeededResults(trx: Transaction<DB>, results: SeededResults): Promise<void> {
  if (results.documents.length === 0) return;
  const ids = await trx.insertInto('result_documents').values(results.documents).returning('id').execute();
  await trx
    .insertInto('result_signatures')
    .values(ids.map((r, i) => ({ ...results.signatures[i]!, document_id: r.id })))
    .execute();
}
