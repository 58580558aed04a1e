import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { seedDossiers } from '../../src/application/seed/seed-dossiers.js';
import { loadHistory } from '../../src/application/dossier/dossier-store.js';
import { foldDossier, type DossierHeader } from '../../src/domain/dossier/fold.js';
import { receivedComponents } from '../support/intake.js';

describe('synthetic dossiers (motcua seed --dossiers N)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('creates dossiers whose stored state is exactly the fold of their history, with realistic variety', async () => {
    const progress: number[] = [];
    const result = await seedDossiers(app.ctx.deps, { count: 300, seed: 7, batchSize: 100, onProgress: (done) => progress.push(done) });
    expect(result.dossiers).toBe(300);
    expect(progress).toEqual([100, 200, 300]);
    const rows = await app.database.db.selectFrom('dossiers').select(['id', 'code', 'header', 'state', 'status', 'national_code']).execute();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.code)).size).toBe(300);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['returned', 'refused']) expect(statuses.has(s), s).toBe(true);
    for (const row of rows.slice(0, 60)) {
      const folded = foldDossier(row.header as DossierHeader, await loadHistory(app.database.db, row.id));
      expect(folded).toEqual(row.state);
    }
    const late = rows.filter((r) => {
      const s = r.state as { dueAt: number | null; finishedAt: number | null };
      return s.dueAt !== null && s.finishedAt !== null && s.finishedAt > s.dueAt;
    });
    expect(late.length).toBeGreaterThan(0);
  });

  it('keeps daily sequences ahead, so a real intake after seeding gets a fresh code', async () => {
    await seedDossiers(app.ctx.deps, { count: 50, seed: 8 });
    const desk = await Client.official(app, 'motcua.tamthanh');
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Lê Văn Nam', personalId: null, address: null, phone: null, email: null },
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
