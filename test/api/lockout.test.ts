import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app.js';

describe.each(ENGINES)('lockout after failed passwords on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  const login = (username: string, password: string) => app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('locks an account from the fifth wrong password, even for the right one, then lets it in after the wait', async () => {
    const realClock = app.ctx.deps.clock;
    let now = Date.now();
    app.ctx.deps.clock = () => new Date(now);
    try {
      for (let i = 0; i < 5; i++) expect((await login('motcua.caoloc', 'sai-mat-khau')).statusCode).toBe(401);
      const locked = await login('motcua.caoloc', DEMO_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        error: {
          code: 'ACCOUNT_LOCKED',
          message: expect.stringContaining('tạm khóa'),
          details: { retryAt: new Date(now + 60_000).toISOString(), message: expect.stringMatching(/^Thử lại sau \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/) },
        },
      });
      // One more wrong password after the lock ran out doubles the next one.
      now += 61_000;
      expect((await login('motcua.caoloc', 'sai-nua')).statusCode).toBe(401);
      expect((await login('motcua.caoloc', DEMO_PASSWORD)).json().error.details.retryAt).toBe(new Date(now + 120_000).toISOString());
      now += 121_000;
      expect((await login('motcua.caoloc', DEMO_PASSWORD)).statusCode).toBe(200);
      // The right password clears the count.
      expect((await login('motcua.caoloc', 'sai-lan-nua')).statusCode).toBe(401);
      expect((await login('motcua.caoloc', DEMO_PASSWORD)).statusCode).toBe(200);
      const audited = await app.database.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.login_locked').execute();
      expect(audited.length).toBe(2);
    } finally {
      app.ctx.deps.clock = realClock;
    }
  });

  it('locks a username that does not exist the same way, telling nothing about which accounts exist', async () => {
    for (let i = 0; i < 5; i++) expect((await login('khong.ton.tai', 'sai')).json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await login('khong.ton.tai', 'sai')).json().error.code).toBe('ACCOUNT_LOCKED');
    // Other accounts are not touched.
    expect((await login('motcua.tamthanh', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
