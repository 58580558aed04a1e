/** The requests of the "provide once" rows (test/access/vault-rows.ts), for test/api/access-matrix.test.ts. */
import { PNG } from 'pngjs';
import type { Harness, Dossier } from './harness.js';
import type { Identity } from './fixture.js';
import type { Row } from './cells.js';

type Probe = (who: Identity, row: Row, fresh?: Dossier) => Promise<number>;

const PERSON = { personalId: '020085003417', fullName: 'Hoàng Văn Minh', birthDate: '1985-04-12' };
const page = (() => {
  const image = new PNG({ width: 20, height: 30 });
  image.data.fill(200);
  return PNG.sync.write(image).toString('base64');
})();

/** `harness` is read when a probe runs; `unitOf` gives a unit row's unit code. */
export function vaultProbes(harness: () => Harness, dossierOf: (row: Row, fresh?: Dossier) => Dossier, unitOf: (row: Row) => string): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const consent = async (w: Identity) => {
    await send(w, 'POST', '/api/v1/population/lookups', { json: { ...PERSON, procedureCode: '1.001193' } });
    return send(w, 'POST', '/api/v1/vault/consents', { json: { personalId: PERSON.personalId, purpose: 'ma trận quyền' } });
  };
  return {
    myVault: (w) => status(send(w, 'GET', '/api/v1/my/vault')),
    intakeForm: (w) => status(send(w, 'GET', '/api/v1/my/intake-form?procedure=1.001193')),
    // The registry lookup, then the consent, as the same identity: the vault opens only with both.
    deskVault: async (w) => {
      await consent(w);
      return status(send(w, 'GET', `/api/v1/vault?personalId=${PERSON.personalId}`));
    },
    vaultConsent: (w) => status(consent(w)),
    populationLookup: (w) => status(send(w, 'POST', '/api/v1/population/lookups', { json: { ...PERSON, procedureCode: '1.001193' } })),
    reuse: (w, r) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/files/reuse`, {
          json: { componentCode: 'KHONG-CO', vaultDocumentId: '00000000-0000-4000-8000-000000000000' },
        }),
      ),
    digitize: (w, r) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/files/digitize`, {
          json: { componentCode: '1.001193.TP1', from: 'original', matchesOriginal: true, validUntil: null, pages: [{ contentType: 'image/png', data: page }] },
        }),
      ),
    provideOnce: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/provide-once`)),
    lookupReport: (w, r) => status(send(w, 'GET', `/api/v1/reports/population-lookups?from=${today}&to=${today}&unit=${unitOf(r)}`)),
    digitizationReport: (w, r) => status(send(w, 'GET', `/api/v1/reports/digitization?from=${today}&to=${today}&unit=${unitOf(r)}`)),
  };
}
