/**
 * The requests of the reform rows (test/access/reform-rows.ts), for test/api/access-matrix.test.ts. The task tried is a
 * task of Phường Tam Thanh in the demo's 2026 plan, added by the administrator and reported done with a PDF by the
 * ward's leader the first time a probe needs it; the document is one of the demo's register.
 */
import type { Harness } from './harness.js';
import type { Identity } from './fixture.js';

type Probe = (who: Identity) => Promise<number>;

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const STALE = 999;

/** `harness` is read when a probe runs. */
export function reformProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  const ok = async <T>(p: ReturnType<Harness['send']>, what: string): Promise<T> => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  let task: Promise<string> | null = null;
  const wardTask = () =>
    (task ??= (async () => {
      const { id } = await ok<{ id: string }>(
        send('admin', 'POST', '/api/v1/reform-plans/2026/tasks', {
          json: { content: 'Nhiệm vụ thử ma trận quyền', unitCode: '000.00.31.H37', deadline: '2026-12-31', expectedOutput: 'Báo cáo thử', planTitle: null },
        }),
        'reform task',
      );
      const evidence = { kind: 'file', name: 'minh-chung.pdf', contentType: 'application/pdf', data: PDF.toString('base64') };
      await ok(
        send('leaderOwn', 'POST', `/api/v1/reform-tasks/${id}/reports`, { json: { type: 'complete', expectedVersion: 1, note: null, evidence } }),
        'report',
      );
      return id;
    })());
  let document: Promise<string> | null = null;
  const registered = () =>
    (document ??= ok<{ items: { id: string; number: string }[] }>(send('admin', 'GET', '/api/v1/legal-register'), 'register').then(
      (r) => r.items.find((d) => d.number === '25/2023/QĐ-UBND')!.id,
    ));
  const onTask = (method: 'PATCH' | 'POST', path: string, json: Record<string, unknown>) => async (w: Identity) =>
    status(send(w, method, `/api/v1/reform-tasks/${await wardTask()}${path}`, { json: { expectedVersion: STALE, ...json } }));
  const onDocument = (method: 'PATCH' | 'POST', path: string, json: Record<string, unknown>) => async (w: Identity) =>
    status(send(w, method, `/api/v1/legal-register/${await registered()}${path}`, { json: { expectedVersion: STALE, ...json } }));
  return {
    reformPlans: (w) => status(send(w, 'GET', '/api/v1/reform-plans')),
    reformPlan: (w) => status(send(w, 'GET', '/api/v1/reform-plans/2026')),
    reformAddTask: (w) => status(send(w, 'POST', '/api/v1/reform-plans/2026/tasks', { json: { content: 'Thiếu đơn vị và thời hạn' } })),
    reformImport: (w) =>
      status(send(w, 'POST', '/api/v1/reform-plans/2026/import', { json: { fileName: 'a.xlsx', data: PDF.toString('base64'), planTitle: null } })),
    reformTask: async (w) => status(send(w, 'GET', `/api/v1/reform-tasks/${await wardTask()}`)),
    reformEvidence: async (w) => status(send(w, 'GET', `/api/v1/reform-tasks/${await wardTask()}/evidence`)),
    reformEditTask: onTask('PATCH', '', {
      content: 'Nhiệm vụ thử ma trận quyền',
      unitCode: '000.00.31.H37',
      deadline: '2026-12-31',
      expectedOutput: 'Báo cáo thử',
    }),
    reformReport: onTask('POST', '/reports', { type: 'progress', note: 'Tiến độ thử' }),
    reformReopen: onTask('POST', '/reopen', { reason: 'Mở lại thử' }),
    reformFinding: onTask('POST', '/findings', { content: 'Phát hiện thử ma trận' }),
    reformRemedy: onTask('PATCH', '/findings/00000000-0000-4000-8000-000000000000', { remedy: 'remedied', note: null }),
    legalRegister: (w) => status(send(w, 'GET', '/api/v1/legal-register')),
    legalRegisterAdd: (w) => status(send(w, 'POST', '/api/v1/legal-register', { json: { number: '1/2026/QĐ-UBND' } })),
    legalFigures: (w) => status(send(w, 'GET', '/api/v1/legal-register/figures?year=2025')),
    legalDocument: async (w) => status(send(w, 'GET', `/api/v1/legal-register/${await registered()}`)),
    legalEdit: onDocument('PATCH', '', {
      type: 'decision',
      title: 'Quyết định thử ma trận quyền',
      issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
      issuedOn: '2023-08-10',
      effectiveFrom: '2023-08-20',
    }),
    legalReview: onDocument('POST', '/reviews', { reviewedOn: '2026-01-05', result: 'keep', reviewer: 'Sở Tư pháp', nextDueOn: null }),
    legalLink: onDocument('POST', '/links', { relation: 'amends', byNumber: '12/2024/QĐ-UBND', note: null }),
  };
}
