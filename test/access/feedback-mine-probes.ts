/**
 * The requests of the rows of a citizen's own feedback and of an item's attachments (test/access/feedback-mine-rows.ts),
 * for test/api/access-matrix.test.ts. citizenOwner sends one item with a PDF from their account the first time a
 * probe needs it.
 */
import { PDF, type Harness } from './harness.js';
import type { Identity } from './fixture.js';

type Probe = (who: Identity) => Promise<number>;

const WRONG_SECRET = { 'x-feedback-secret': 'khong-phai-ma-nay' };

/** `harness` is read when a probe runs. */
export function feedbackMineProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  let item: Promise<{ id: string; code: string; attachmentId: string }> | null = null;
  const ownItem = () =>
    (item ??= (async () => {
      const sent = await send('citizenOwner', 'POST', '/api/v1/feedback', {
        json: {
          title: 'Phản ánh của tôi trong ma trận quyền',
          content: 'Nội dung phản ánh gửi bằng tài khoản, kèm một tệp, để thử quyền truy cập.',
          unitCode: '000.00.31.H37',
          procedureCode: null,
          dossierCode: null,
          reporter: null,
          showName: false,
          attachments: [{ name: 'ma-tran.pdf', contentType: 'application/pdf', data: PDF.toString('base64') }],
          challenge: null,
        },
      });
      if (sent.statusCode !== 201) throw new Error(`own feedback: ${sent.statusCode} ${sent.body}`);
      const { id, code } = sent.json() as { id: string; code: string };
      const seen = (await send('deskOwn', 'GET', `/api/v1/feedback/${id}`)).json() as { attachments: { id: string }[] };
      return { id, code, attachmentId: seen.attachments[0]!.id };
    })());
  return {
    feedbackMine: async (w) => {
      const { code } = await ownItem();
      const res = await send(w, 'GET', '/api/v1/feedback/mine');
      if (res.statusCode !== 200) return res.statusCode;
      return (res.json() as { items: { code: string }[] }).items.some((i) => i.code === code) ? 200 : 404;
    },
    feedbackMineItem: async (w) => (await send(w, 'GET', `/api/v1/feedback/mine/${(await ownItem()).code}`)).statusCode,
    feedbackAttachment: async (w) => {
      const { id, attachmentId } = await ownItem();
      return (await send(w, 'GET', `/api/v1/feedback/${id}/attachments/${attachmentId}`, { headers: WRONG_SECRET })).statusCode;
    },
  };
}
