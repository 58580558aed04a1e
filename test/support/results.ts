/** E-results in tests (issue 19): a leader prepares the dossier's result from the template, sends it for signature and signs it. */
import { expect } from 'vitest';
import type { ResultDocument } from '../../src/contract/result.js';

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
