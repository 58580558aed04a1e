/** The requests of the national-catalogue rows (test/access/national-catalogue-rows.ts), for test/api/access-matrix.test.ts. */
import type { Harness } from './harness.js';
import type { Identity } from './fixture.js';

type Probe = (who: Identity) => Promise<number>;

/** `harness` is read when a probe runs. */
export function nationalCatalogueProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  return {
    nationalNotices: (w) => status(send(w, 'GET', '/api/v1/national-catalogue/notices?state=all')),
    nationalOutbox: (w) => status(send(w, 'GET', '/api/v1/national-catalogue/outbox')),
    nationalPull: (w) => status(send(w, 'POST', '/api/v1/national-catalogue/pull')),
    nationalNoticeHandled: (w) => status(send(w, 'POST', '/api/v1/national-catalogue/notices/00000000-0000-4000-8000-000000000000/handled')),
  };
}
