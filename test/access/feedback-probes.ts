/**
 * The requests of the feedback rows (test/access/feedback-rows.ts), for test/api/access-matrix.test.ts. One item of
 * Phường Tam Thanh is entered (by its desk) the first time a probe needs it; it is never published.
 */
import type { Harness } from './harness.js';
import type { Identity } from './fixture.js';

type Probe = (who: Identity) => Promise<number>;

const TEXT = { title: 'Phản ánh của ma trận quyền', content: 'Nội dung phản ánh để thử quyền truy cập của từng vai trò.' };

/** `harness` is read when a probe runs. */
export function feedbackProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  let item: Promise<{ id: string; code: string }> | null = null;
  const entry = (unitCode: string) => ({
    json: {
      channel: 'hotline',
      ...TEXT,
      unitCode,
      procedureCode: null,
      dossierCode: null,
      reporter: null,
      showName: false,
      forwardedFrom: null,
      receivedAt: null,
      attachments: [],
    },
  });
  const wardItem = () =>
    (item ??= send('deskOwn', 'POST', '/api/v1/feedback/entries', entry('000.00.31.H37')).then((res) => {
      if (res.statusCode !== 201) throw new Error(`feedback entry: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; code: string };
    }));
  return {
    feedbackChallenge: (w) => status(send(w, 'GET', '/api/v1/feedback/challenge')),
    feedbackPublic: (w) => status(send(w, 'GET', '/api/v1/feedback/public?q=ma%20tran')),
    feedbackPublicItem: async (w) => status(send(w, 'GET', `/api/v1/feedback/public/${(await wardItem()).code}`)),
    feedbackSubmit: (w) =>
      status(
        send(w, 'POST', '/api/v1/feedback', {
          json: {
            ...TEXT,
            unitCode: '000.00.31.H37',
            procedureCode: null,
            dossierCode: null,
            reporter: null,
            showName: false,
            attachments: [],
            challenge: null,
          },
        }),
      ),
    feedbackTrack: async (w) => status(send(w, 'POST', '/api/v1/feedback/track', { json: { code: (await wardItem()).code, secret: 'khong-phai-ma-nay' } })),
    feedbackSupplement: async (w) =>
      status(
        send(w, 'POST', `/api/v1/feedback/public/${(await wardItem()).code}/supplement`, { json: { secret: 'khong-phai-ma-nay', content: TEXT.content } }),
      ),
    feedbackReraise: async (w) =>
      status(send(w, 'POST', `/api/v1/feedback/public/${(await wardItem()).code}/reraise`, { json: { secret: 'khong-phai-ma-nay', reason: 'Chưa hài lòng' } })),
    feedbackVote: async (w) => status(send(w, 'POST', `/api/v1/feedback/public/${(await wardItem()).code}/vote`, { json: { vote: 'like', secret: null } })),
    feedbackQueue: (w) => status(send(w, 'GET', '/api/v1/feedback')),
    feedbackItem: async (w) => status(send(w, 'GET', `/api/v1/feedback/${(await wardItem()).id}`)),
    feedbackAct: async (w) => status(send(w, 'POST', `/api/v1/feedback/${(await wardItem()).id}/actions`, { json: { type: 'accept', expectedSeq: 999 } })),
    feedbackEnter: (w) => status(send(w, 'POST', '/api/v1/feedback/entries', entry('000.00.31.H37'))),
    open311Services: (w) => status(send(w, 'GET', '/api/v1/open311/v2/services.json')),
    open311Service: (w) => status(send(w, 'GET', '/api/v1/open311/v2/services/regulation.json')),
    open311Requests: (w) => status(send(w, 'GET', '/api/v1/open311/v2/requests.json?status=closed')),
    open311Request: (w) => status(send(w, 'GET', '/api/v1/open311/v2/requests/PAKN-0000-000000.json')),
    open311Token: (w) => status(send(w, 'GET', '/api/v1/open311/v2/tokens/PAKN-0000-000000.json')),
    open311Submit: (w) => status(send(w, 'POST', '/api/v1/open311/v2/requests.json', { json: { service_code: 'regulation', description: TEXT.content } })),
  };
}
