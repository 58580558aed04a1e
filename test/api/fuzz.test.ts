import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { fuzz } from '../fuzz/fuzzer.js';

// A short, seeded run of the OpenAPI-driven fuzzer (the long run: `npm run fuzz -- --requests 100000`).
describe('fuzzing every operation from the OpenAPI document', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true, env: { LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(() => app.stop());

  it('gives no response ≥ 500 to 2,500 valid, boundary and hostile requests, as seven identities', async () => {
    const report = await fuzz(app, { seed: 20261206, requests: 2_500 });
    expect(report.failures).toEqual([]);
    expect(report.alive).toBe(true);
    // It reached the use cases, not only the validators: every identity got answers of each kind.
    expect(report.byClass['2xx']).toBeGreaterThan(300);
    expect(report.byClass['4xx']).toBeGreaterThan(1_000);
    expect(Object.keys(report.byOperation).length).toBeGreaterThan(70);
  }, 120_000);
});
