import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ENGINES } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe.each(ENGINES)('system endpoints on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app.stop());

  it('reports health with the engine in use', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: engine, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves an OpenAPI 3.1 document that a real validator accepts and that lists every route', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const path of ['/api/v1/health', '/api/v1/units', '/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/units/{code}/officials', '/api/v1/audit']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const login = doc.paths['/api/v1/auth/login']?.post as {
      requestBody: { content: Record<string, { schema: { properties: object; additionalProperties?: boolean } }> };
    };
    expect(Object.keys(login.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(['username', 'password']);
    expect(login.requestBody.content['application/json']?.schema.additionalProperties).toBe(false);
  });

  it('exposes Prometheus metrics, counting requests by route', async () => {
    await app.app.inject({ method: 'GET', url: '/api/v1/health' });
    const res = await app.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/motcua_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status_code="200"\} \d+/);
  });

  it('declares each guarded operation’s security in the OpenAPI document', async () => {
    const doc = (await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    expect(doc.paths['/api/v1/auth/me']?.get?.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/auth/logout']?.post?.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/v1/units']?.get?.security).toBeUndefined();
  });

  it('sends the API’s security headers and never lets it be cached', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/units' });
    expect(res.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
  });

  it('lists the administrative tree with current and historical units', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/units' });
    const { units } = res.json() as { units: { code: string; level: string; parentCode: string | null; validTo: string | null; replacedBy: string[] }[] };
    expect(units.filter((u) => u.parentCode === null)).toHaveLength(1);
    expect(units.filter((u) => u.level === 'department').length).toBeGreaterThanOrEqual(15);
    expect(units.filter((u) => u.level === 'commune').length).toBeGreaterThanOrEqual(25);
    const districts = units.filter((u) => u.level === 'district');
    expect(districts.length).toBeGreaterThanOrEqual(3);
    for (const d of districts) {
      expect(d.validTo).toBe('2025-06-30');
      expect(d.replacedBy.length).toBeGreaterThan(0);
    }
  });
});
