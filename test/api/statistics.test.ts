/**
 * The real-time statistics (issue 6): the worker's incremental rollups must equal a rebuild from the
 * dossiers exactly, over random histories lived through the HTTP API (with the clock moving, files, fees,
 * ratings and partial worker runs in between); and an action moves the scorecard once the worker has run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { compareWithRebuild, rebuildStatistics } from '../../src/application/scorecard/statistics-rebuild.js';
import { drainStatQueue, processStatQueue } from '../../src/application/scorecard/statistics.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { toLocal } from '../../src/application/dossier/dossier-store.js';
import { judge } from '../../src/domain/dossier/timeliness.js';
import type { DossierStatus } from '../../src/domain/dossier/dossier.js';
import { receivedComponents } from '../support/intake.js';
import { issueSignedResult } from '../support/results.js';

const WARD = '000.00.31.H37';
const applicant = { fullName: 'Lò Văn Thử', personalId: null, address: null, phone: null, email: null };
/**
 * Ward procedures with different flags: paper result and full online (khai sinh), neither paper result nor fee-free (xác nhận tình trạng hôn nhân), a
 * fee and no full online (nhận cha, mẹ, con).
 */
const PROCEDURES = ['1.001193', '1.004873', '1.001022'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n', 'latin1');

type Step =
  | { kind: 'create'; accept: boolean; procedure: number }
  | { kind: 'act'; pick: number; choice: number }
  | { kind: 'file'; pick: number }
  | { kind: 'rate'; pick: number; low: boolean }
  | { kind: 'feedback'; pick: number }
  | { kind: 'tick'; hours: number }
  | { kind: 'work'; limit: number }
  | { kind: 'path'; which: number; hours: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), accept: fc.boolean(), procedure: fc.nat() }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('act' as const), pick: fc.nat(), choice: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('file' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rate' as const), pick: fc.nat(), low: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('feedback' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('work' as const), limit: fc.integer({ min: 1, max: 5 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      which: fc.nat(),
      hours: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 14, maxLength: 14 }),
    }),
  },
);

/** Whole lives that random actions rarely reach: who acts, and what (a name of the role's client). */
const PATHS: [role: 'desk' | 'specialist' | 'leader', type: string][][] = [
  // Supplemented twice, then approved with an e-result, returned, rated.
  [
    ['desk', 'scan'],
    ['desk', 'transfer'],
    ['specialist', 'claim'],
    ['specialist', 'requestSupplement'],
    ['desk', 'receiveSupplement'],
    ['specialist', 'requestSupplement'],
    ['desk', 'receiveSupplement'],
    ['specialist', 'transfer'],
    ['leader', 'claim'],
    ['leader', 'approve'],
    ['leader', 'signResult'],
    ['desk', 'returnResult'],
    ['desk', 'rate'],
  ],
  // An apology, then a late finish; returned and rated.
  [
    ['desk', 'transfer'],
    ['specialist', 'claim'],
    ['specialist', 'apologize'],
    ['specialist', 'transfer'],
    ['leader', 'claim'],
    ['leader', 'approve'],
    ['desk', 'returnResult'],
    ['desk', 'rate'],
  ],
  // A fee requested and paid, a supplement still awaited at the end.
  [
    ['desk', 'transfer'],
    ['specialist', 'claim'],
    ['specialist', 'requestFee'],
    ['desk', 'payFee'],
    ['specialist', 'requestSupplement'],
  ],
  // Stopped by the leader while processing; another withdrawn.
  [
    ['desk', 'transfer'],
    ['specialist', 'claim'],
    ['leader', 'stop'],
  ],
  [['desk', 'withdraw']],
];

describe.each(ENGINES)('real-time statistics on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let now = new Date();
  const ids: string[] = [];
  /** The code of each dossier's first component, to attach scans under. */
  const firstComponent = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', STATS_POLL_MS: '0' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    // The ward allows a second supplement request (acknowledged as late), so histories reach that case.
    const admin = await Client.official(app, 'admin');
    expect((await admin.request('PUT', '/api/v1/units/000.00.31.H37/supplement-rule', { allowRepeatedSupplement: true })).statusCode).toBe(200);
    // Histories start three weeks ago and move forward with the steps.
    now = new Date(Date.now() - 21 * 86_400_000);
    app.ctx.deps.clock = () => now;
  });
  afterAll(() => app.stop());

  const view = async (client: Client, id: string) =>
    (await client.request('GET', `/api/v1/dossiers/${id}`)).json() as {
      seq: number;
      availableActions: string[];
      currentStep: { index: number } | null;
      template: unknown[];
      dueAt: string | null;
    };

  /** A body for an available action, as an official would fill it in. */
  const body = (type: string, d: Awaited<ReturnType<typeof view>>): Record<string, unknown> => {
    const base = { type, expectedSeq: d.seq };
    switch (type) {
      case 'refuse':
      case 'withdraw':
      case 'stop':
      case 'reject':
      case 'recomputeDue':
        return { ...base, reason: 'Thử nghiệm' };
      case 'requestSupplement':
        return { ...base, reason: 'Thiếu giấy tờ', items: ['Bản sao'], acknowledgeLate: true };
      case 'requestSupplementAtReception':
        return { ...base, reason: 'Thiếu giấy tờ', items: ['Bản sao'] };
      case 'transfer':
        return { ...base, toStep: Math.min((d.currentStep?.index ?? 0) + 1, d.template.length - 1), note: null };
      case 'requestFee':
        return { ...base, amount: 50_000, note: null };
      case 'approve':
        return { ...base, note: null };
      case 'issueResult':
        return { ...base, fileSha256: 'a'.repeat(64), fileName: 'Kết quả.pdf' };
      case 'returnResult':
        return { ...base, method: 'counter' };
      case 'apologize': {
        // Three days later, moved off a weekend: a new appointment must be a working day within office hours.
        const later = Date.parse(d.dueAt ?? now.toISOString()) + 3 * 86_400_000;
        const weekday = new Date(later + 7 * 3_600_000).getUTCDay();
        return {
          ...base,
          reason: 'Cần thêm thời gian',
          newAppointmentAt: new Date(later + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * 86_400_000).toISOString(),
        };
      }
      default:
        return base;
    }
  };

  async function run(s: Step): Promise<void> {
    const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length];
    switch (s.kind) {
      case 'create': {
        const procedureCode = PROCEDURES[s.procedure % PROCEDURES.length]!;
        const res = await desk.request('POST', '/api/v1/dossiers', {
          procedureCode,
          channel: 'counter',
          applicant,
          components: receivedComponents(procedureCode),
          accept: s.accept,
        });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id);
        firstComponent.set(res.json().id, receivedComponents(procedureCode)[0]!.code);
        return;
      }
      case 'act': {
        // Mostly the latest few dossiers, so that histories run deep (supplements twice, results, ratings).
        const id = ids[ids.length - 1 - (s.pick % Math.min(4, Math.max(1, ids.length)))];
        if (!id) return;
        const options: { client: Client; type: string; d: Awaited<ReturnType<typeof view>> }[] = [];
        for (const client of [desk, specialist, leader]) {
          const d = await view(client, id);
          for (const type of d.availableActions ?? []) options.push({ client, type, d });
        }
        const chosen = pick(options, s.choice);
        if (!chosen) return;
        const res = await chosen.client.request('POST', `/api/v1/dossiers/${id}/actions`, body(chosen.type, chosen.d));
        // An apology can be refused by its own rules (once only, later than the due date): never a 5xx.
        expect(res.statusCode, res.body).toBeLessThan(500);
        return;
      }
      case 'file': {
        const id = pick(ids, s.pick);
        if (!id) return;
        const res = await app.app.inject({
          method: 'POST',
          url: `/api/v1/dossiers/${id}/files?component=${firstComponent.get(id)}&name=scan.pdf&digitized=true`,
          payload: PDF,
          headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/pdf' },
        });
        expect(res.statusCode, res.body).toBeLessThan(500); // refused on a closed dossier, never a 5xx
        return;
      }
      case 'rate': {
        const id = pick(ids, s.pick);
        if (!id) return;
        const score = s.low ? 1 : 5;
        await desk.request('POST', `/api/v1/dossiers/${id}/rating`, {
          scores: { access: score, procedure: score, official: score, result: score, feedback: null },
        });
        return;
      }
      case 'feedback': {
        // A hotline call about the dossier (issue 22): indicator 5.4 counts the dossier from the call's day.
        const id = pick(ids, s.pick);
        if (!id) return;
        const d = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json() as { code: string; unitCode: string };
        const res = await desk.request('POST', '/api/v1/feedback/entries', {
          channel: 'hotline',
          title: 'Phản ánh về việc giải quyết hồ sơ',
          content: 'Người dân gọi đường dây nóng phản ánh hồ sơ chậm được giải quyết.',
          unitCode: d.unitCode,
          procedureCode: null,
          dossierCode: d.code,
          reporter: null,
          showName: false,
          forwardedFrom: null,
          receivedAt: null,
          attachments: [],
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        return;
      }
      case 'tick':
        now = new Date(now.getTime() + s.hours * 3_600_000);
        return;
      case 'path': {
        await run({ kind: 'create', accept: true, procedure: s.hours[13] ?? 0 });
        const id = ids.at(-1)!;
        const clients = { desk, specialist, leader };
        for (const [i, [role, type]] of PATHS[s.which % PATHS.length]!.entries()) {
          now = new Date(now.getTime() + (s.hours[i] ?? 1) * 3_600_000);
          const client = clients[role];
          if (type === 'scan') {
            await run({ kind: 'file', pick: ids.length - 1 });
            continue;
          }
          if (type === 'signResult') {
            // The leader signs the e-result (issue 19): "has an e-result" is read from the signed document.
            await issueSignedResult((method, url, json) => client.request(method, url, json), id);
            continue;
          }
          if (type === 'rate') {
            const score = s.which % 2 === 0 ? 1 : 5;
            expect(
              (
                await client.request('POST', `/api/v1/dossiers/${id}/rating`, {
                  scores: { access: score, procedure: score, official: score, result: score, feedback: null },
                })
              ).statusCode,
            ).toBe(201);
            continue;
          }
          const d = await view(client, id);
          if (!d.availableActions.includes(type)) return; // e.g. an apology after the due date is refused: the life ends here
          const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body(type, d));
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode !== 200) return;
        }
        return;
      }
      case 'work':
        await processStatQueue(app.ctx.deps, { limit: s.limit });
        return;
    }
  }

  it('the worker’s rollups equal a rebuild from the dossiers, over random histories (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 30, maxLength: 90 }), async (steps) => {
        const start = now;
        for (const s of steps) await run(s);
        await drainStatQueue(app.ctx.deps);
        const { differences } = await compareWithRebuild(app.ctx.deps.db);
        expect(differences).toEqual([]);
        now = new Date(Math.max(start.getTime(), now.getTime()));
      }),
      { numRuns: engine === 'pglite' ? 6 : 4, seed: 766 },
    );
    // The histories reached the cases the rules single out.
    const db = app.database.db;
    const count = async (where: (qb: ReturnType<typeof db.selectFrom<'dossiers'>>) => ReturnType<typeof db.selectFrom<'dossiers'>>) =>
      Number(
        (
          await where(db.selectFrom('dossiers'))
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const coverage = {
      statuses: (await db.selectFrom('dossiers').select('status').distinct().execute()).length,
      repeatedAndEnded: await count((q) => q.where('repeated_supplement', '=', true).where('finished_at', 'is not', null)),
      waiting: await count((q) => q.where('paused_since', 'is not', null)),
      apologised: await count((q) => q.where('extensions', '>', 0)),
      late: await count((q) => q.whereRef('finished_at', '>', 'due_at')),
      rated: Number(
        (
          await db
            .selectFrom('dossier_ratings')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      withFiles: Number(
        (
          await db
            .selectFrom('dossier_files')
            .select((eb) => eb.fn.count<string>('dossier_id').distinct().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    };
    expect(coverage.statuses).toBeGreaterThan(4);

    // The same histories (two supplements, withdrawals, apologies, stops): each dossier's page, the queue, the
    // 2.1 drill-down and the settlement report give the verdict the one judgement gives it.
    const monitor = await Client.official(app, 'giamsat');
    const asOf = toLocal(now) + 1;
    const facts = await db
      .selectFrom('dossiers')
      .select(['id', 'status', 'accepted_at', 'finished_at', 'due_at', 'extensions', 'repeated_supplement', 'paused_since'])
      .where('accepted_at', 'is not', null)
      .execute();
    const local = (d: Date | null) => (d === null ? null : toLocal(d));
    const judged = new Map(
      facts.map((f) => [
        f.id,
        judge(
          {
            status: f.status as DossierStatus,
            acceptedAt: local(f.accepted_at),
            finishedAt: local(f.finished_at),
            dueAt: local(f.due_at),
            extensions: f.extensions,
            repeatedSupplement: f.repeated_supplement,
            pausedSince: local(f.paused_since),
          },
          asOf,
        ),
      ]),
    );
    for (const [id, j] of judged) {
      const page = (await monitor.request('GET', `/api/v1/dossiers/${id}`)).json();
      if (page.timeliness !== null) expect(page.timeliness, id).toBe(j?.verdict);
    }
    const from = vietnamDate(new Date(now.getTime() - 400 * 86_400_000));
    const to = vietnamDate(now);
    const drill = (await monitor.request('GET', `/api/v1/scorecard/drilldown?unit=${WARD}&from=${from}&to=${to}&indicator=2.1&limit=1000`)).json() as {
      dossiers: { dossierId: string; verdict: string | null }[];
    };
    const lateIds = [...judged]
      .filter(([, j]) => j?.late)
      .map(([id]) => id)
      .sort();
    expect(drill.dossiers.map((d) => d.dossierId).sort()).toEqual(lateIds);
    for (const d of drill.dossiers) expect(d.verdict, d.dossierId).toBe(judged.get(d.dossierId)?.verdict);
    const report = (await monitor.request('GET', `/api/v1/reports/settlement?unit=${WARD}&from=${from}&to=${to}`)).json().total;
    const ended = [...judged.values()].filter((j) => j?.ended && !j.withdrawn);
    expect(report.settledLateWithApology + report.settledLateWithoutApology).toBe(ended.filter((j) => j!.late).length);
    expect(report.inProgressOverdue).toBe([...judged.values()].filter((j) => j && !j.ended && j.late).length);
    for (const [what, n] of Object.entries(coverage)) expect(n, what).toBeGreaterThan(0);
    const rows = await app.database.db
      .selectFrom('stat_rollups')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(0);
  });

  it('a rebuild leaves the figures as they were, and a tampered rollup is caught', async () => {
    await drainStatQueue(app.ctx.deps);
    const monitor = await Client.official(app, 'giamsat');
    const to = vietnamDate(new Date(now.getTime() + 86_400_000));
    const from = vietnamDate(new Date(now.getTime() - 40 * 86_400_000));
    const card = async () => (await monitor.request('GET', `/api/v1/scorecard?unit=000.00.00.H37&from=${from}&to=${to}`)).json();
    const before = await card();
    expect(before.groups[1].indicators[0].denominator).toBeGreaterThan(0);
    const report = await rebuildStatistics(app.ctx.deps.db);
    expect(report.dossiers).toBe(ids.length + (await app.database.db.selectFrom('dossiers').select('id').where('id', 'not in', ids).execute()).length);
    expect(await card()).toEqual(before);
    await app.database.db
      .updateTable('stat_rollups')
      .set({ value: 999 })
      .where('measure', '=', 'accepted')
      .where('grain', '=', 'd')
      .where('unit_code', '=', WARD)
      .execute();
    const { differences } = await compareWithRebuild(app.ctx.deps.db);
    expect(differences.length).toBeGreaterThan(0);
    expect(differences[0]).toMatchObject({ table: 'stat_rollups', live: 999 });
    await rebuildStatistics(app.ctx.deps.db);
    expect((await compareWithRebuild(app.ctx.deps.db)).differences).toEqual([]);
  });

  it('an accepted dossier counts for its ward, the ward’s roll-up into the province, once the worker has run', async () => {
    await drainStatQueue(app.ctx.deps);
    const monitor = await Client.official(app, 'giamsat');
    const day = vietnamDate(now);
    const received = async (unit: string) =>
      (await monitor.request('GET', `/api/v1/reports/settlement?unit=${unit}&from=${day}&to=${day}`)).json().total.received as number;
    const [ward, province] = [await received(WARD), await received('000.00.00.H37')];
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode).toBe(201);
    expect(await received(WARD)).toBe(ward); // not yet: the worker has not run
    await processStatQueue(app.ctx.deps);
    expect(await received(WARD)).toBe(ward + 1);
    expect(await received('000.00.00.H37')).toBe(province + 1);
    expect(await received('000.00.32.H37')).toBe(0); // another commune
  });
});
