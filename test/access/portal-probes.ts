/** The requests of the national-sync rows (test/access/portal-rows.ts), for test/api/access-matrix.test.ts. */
import type { Harness } from './harness.js';
import type { Identity } from './fixture.js';

type Probe = (who: Identity) => Promise<number>;

/** `harness` is read when a probe runs. */
export function portalProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return {
    portalReport: (w) => status(send(w, 'GET', `/api/v1/national-sync/report?from=${today}&to=${today}`)),
    portalParked: (w) => status(send(w, 'GET', '/api/v1/national-sync/parked')),
    portalMapping: (w) => status(send(w, 'GET', '/api/v1/national-sync/mapping')),
    connections: (w) => status(send(w, 'GET', '/api/v1/system/connections')),
    portalReconcile: (w) => status(send(w, 'POST', '/api/v1/national-sync/reconcile')),
    portalRetry: (w) => status(send(w, 'POST', '/api/v1/national-sync/parked/00000000-0000-4000-8000-000000000000/retry')),
    portalMappingEdit: (w) => status(send(w, 'PUT', '/api/v1/national-sync/mapping', { json: { statuses: [], agencies: [], version: 'cu' } })),
  };
}
