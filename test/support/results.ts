/** E-results in tests (issue 19): a leader prepares the dossier's result from the template, sends it for signature and signs it. */
import { expect } from 'vitest';
import type { ResultDocument } from '../../src/contract/result.js';
import { renderOfficialDocument } from '../../src/infrastructure/pdf/official-document.js';
import type { Client, TestApp } from './app.js';

export type Call = (method: 'GET' | 'POST', url: string, json?: unknown) => Promise<{ statusCode: number; body: string; json(): unknown }>;

export async function prepareResult(call: Call, dossierId: string, body: Record<string, unknown> = {}): Promise<ResultDocument> {
  const made = await call('POST', `/api/v1/dossiers/${dossierId}/results`, body);
  expect(made.statusCode, made.body).toBe(201);
  const draft = made.json() as ResultDocument;
  const sent = await call('POST', `/api/v1/dossiers/${dossierId}/results/${draft.id}/submit`, { version: draft.version });
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json() as ResultDocument;
}

export async function signResult(call: Call, dossierId: string, doc: ResultDocument, provider = 'pkcs12'): Promise<ResultDocument> {
  const signed = await call('POST', `/api/v1/dossiers/${dossierId}/results/${doc.id}/sign`, { version: doc.version, provider });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json() as ResultDocument;
}

/** The leader's whole move: the signed main result, which records "issue e-result" when the dossier is ready for it. */
export async function issueSignedResult(call: Call, dossierId: string, provider = 'pkcs12'): Promise<ResultDocument> {
  return signResult(call, dossierId, await prepareResult(call, dossierId), provider);
}

/** An official uploads a result PDF and sends it for signature. */
export async function uploadResult(app: TestApp, client: Client, dossierId: string, title: string, pdf?: Buffer): Promise<ResultDocument> {
  const bytes =
    pdf ?? (await renderOfficialDocument({ title, formLine: null, body: { superior: null, issuer: 'UBND' }, placeAndDate: null, heading: [], blocks: [] }));
  const drafted = await app.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/results/upload?title=${encodeURIComponent(title)}`,
    payload: bytes,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/pdf' },
  });
  expect(drafted.statusCode, drafted.body).toBe(201);
  const draft = drafted.json() as ResultDocument;
  const sent = await client.request('POST', `/api/v1/dossiers/${dossierId}/results/${draft.id}/submit`, { version: draft.version });
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json() as ResultDocument;
}

/** A signed result as the sync export lists it (DanhSachGiayToKetQua): the signed file behind its QR code. */
export const syncResultLine = (publicUrl: string, r: ResultDocument, resultCode: string) => ({
  TenGiayTo: r.title,
  MaThanhPhanHoSo: '',
  GiayToId: r.sha256,
  DuongDanTepTinKetQua: `${publicUrl}/api/v1/verify/${r.verificationCode}/file`,
  MaGiayToKetQua: resultCode,
});
