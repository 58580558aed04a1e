import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { procedure } from '../support/catalogue.js';

/** Public catalogue pages change only on publication: an ETag, Cache-Control, 304, and compressed answers (issue 17). */
describe('caching of the public catalogue', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.stop());
  const get = (url: string, headers: Record<string, string> = {}) => app.app.inject({ method: 'GET', url, headers });
  const search = `/api/v1/procedures?q=${encodeURIComponent('xác nhận tình trạng nhà')}&pageSize=50`;

  it('answers with an ETag and Cache-Control, 304 when the browser holds the page, and brotli or gzip on request', async () => {
    const first = await get('/api/v1/procedures?pageSize=50');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.vary).toContain('accept-encoding');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/api/v1/procedures?pageSize=50', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/api/v1/procedures?pageSize=50', { 'if-none-match': '"other"' })).statusCode).toBe(200);

    const br = await get('/api/v1/procedures?pageSize=50', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(first.json());
    expect(br.rawPayload.length).toBeLessThan(first.rawPayload.length / 2);
    const gzip = await get('/api/v1/procedures?pageSize=50', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(first.json());

    // Each page is its own answer, under the same revision.
    const page2 = await get('/api/v1/procedures?pageSize=50&page=2');
    expect(page2.json().page).toBe(2);
    expect(page2.json().items[0].code).not.toBe(first.json().items[0].code);
    // A refusal is not cached, nor marked cacheable.
    const missing = await get('/api/v1/procedures/2.999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).not.toBe('public, max-age=300');
    expect(missing.headers.etag).toBeUndefined();
  });

  it('a publication changes the ETag, and the cached search shows the new procedure at once', async () => {
    const before = await get(search);
    const etag = before.headers.etag as string;
    const names = (r: typeof before) => (r.json().items as { code: string }[]).map((p) => p.code);
    expect(names(before)).not.toContain('2.999101');

    const manager = await Client.official(app, 'giamsat');
    const record = procedure('2.999101');
    const draft = await manager.request('POST', '/api/v1/publication-decisions', {
      number: '991/QĐ-UBND-cache',
      issuedOn: '2026-11-20',
      signer: 'Chủ tịch UBND tỉnh',
      unitCode: '000.00.00.H37',
      items: [{ kind: 'new', procedureCode: record.code, effectiveFrom: '2026-01-01', record }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await manager.request('POST', `/api/v1/publication-decisions/${draft.json().id}/publish`)).statusCode).toBe(200);

    const after = await get(search, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(names(after)).toContain('2.999101');
    expect((await get('/api/v1/procedures/2.999101')).json().name).toBe(record.name);
  });
});
