import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { runMaintenance } from '../../src/infrastructure/db/maintenance.js';

describe.each(ENGINES)('maintenance on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.stop());

  it('purges expired sessions, and vacuums PGlite (which has no autovacuum)', async () => {
    await Client.official(app, 'admin');
    await app.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const logged: { obj: object; msg: string }[] = [];
    await runMaintenance(app.database, app.ctx.deps.sessions, { info: (obj, msg) => logged.push({ obj, msg }), warn: () => undefined });
    const left = await app.database.db.selectFrom('sessions').selectAll().execute();
    expect(left).toEqual([]);
    if (engine === 'pglite') expect(logged).toEqual([{ obj: { purgedSessions: 1, vacuumMs: expect.any(Number) }, msg: 'maintenance done' }]);
  });
});
