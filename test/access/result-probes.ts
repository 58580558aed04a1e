/** The requests of the e-result rows (test/access/result-rows.ts), for test/api/access-matrix.test.ts. */
import { expect } from 'vitest';
import type { Harness, Dossier } from './harness.js';
import type { Identity } from './fixture.js';
import type { Row } from './cells.js';
import type { DossierResults, ResultDocument } from '../../src/contract/result.js';
import { renderOfficialDocument } from '../../src/infrastructure/pdf/official-document.js';

type Probe = (who: Identity, row: Row, fresh?: Dossier) => Promise<number>;

/** `harness` is read when a probe runs (the matrix's probes are declared before the harness starts). */
export function resultProbes(harness: () => Harness, dossierOf: (row: Row, fresh?: Dossier) => Dossier): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  let pdf: Promise<Buffer> | undefined;
  const aPdf = () =>
    (pdf ??= renderOfficialDocument({
      title: 'Kết quả',
      formLine: null,
      body: { superior: null, issuer: 'UBND' },
      placeAndDate: null,
      heading: [],
      blocks: [],
    }));
  /** A fresh draft by the ward's specialist, sent for signature when asked. */
  const draft = async (id: string, submit: boolean): Promise<ResultDocument> => {
    const made = await send('specialistOwn', 'POST', `/api/v1/dossiers/${id}/results`, { json: {} });
    expect(made.statusCode, made.body).toBe(201);
    const doc = made.json() as ResultDocument;
    if (!submit) return doc;
    const sent = await send('specialistOwn', 'POST', `/api/v1/dossiers/${id}/results/${doc.id}/submit`, { json: { version: doc.version } });
    expect(sent.statusCode, sent.body).toBe(200);
    return sent.json() as ResultDocument;
  };
  /** The signed result of a returned dossier (the harness has the leader sign it). */
  const signedOf = async (id: string): Promise<ResultDocument> => {
    const list = (await send('admin', 'GET', `/api/v1/dossiers/${id}/results`)).json() as DossierResults;
    const doc = list.items.find((d) => d.status === 'signed');
    if (!doc) throw new Error(`no signed result on ${id}`);
    return doc;
  };
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  return {
    results: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/results`)),
    prepareResult: (w, r) => status(send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/results`, { json: {} })),
    uploadResult: async (w, r) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/results/upload?title=K%E1%BA%BFt%20qu%E1%BA%A3`, { raw: await aPdf(), type: 'application/pdf' }),
      ),
    submitResult: async (w, r) => {
      const id = dossierOf(r).id;
      const doc = await draft(id, false);
      return status(send(w, 'POST', `/api/v1/dossiers/${id}/results/${doc.id}/submit`, { json: { version: doc.version } }));
    },
    signResult: async (w, r) => {
      const id = dossierOf(r).id;
      const doc = await draft(id, true);
      return status(send(w, 'POST', `/api/v1/dossiers/${id}/results/${doc.id}/sign`, { json: { version: doc.version, provider: 'pkcs12' } }));
    },
    certifyCopy: async (w, r) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/results/certified-copies?title=B%E1%BA%B1ng`, { raw: await aPdf(), type: 'application/pdf' }),
      ),
    resultFile: async (w, r) => {
      const id = dossierOf(r).id;
      return status(send(w, 'GET', `/api/v1/dossiers/${id}/results/${(await signedOf(id)).id}/file`));
    },
    revokeResult: async (w, r, f) => {
      const id = dossierOf(r, f).id;
      const doc = await signedOf(id);
      return status(send(w, 'POST', `/api/v1/dossiers/${id}/results/${doc.id}/revoke`, { json: { version: doc.version, reason: 'Thử ma trận quyền' } }));
    },
    verifyRecord: async (w, r) => status(send(w, 'GET', `/api/v1/verify/${(await signedOf(dossierOf(r).id)).verificationCode}`)),
    verifyFile: async (w, r) => status(send(w, 'GET', `/api/v1/verify/${(await signedOf(dossierOf(r).id)).verificationCode}/file`)),
    verifyPdf: async (w) => status(send(w, 'POST', '/api/v1/verify', { raw: await aPdf(), type: 'application/pdf' })),
  };
}
