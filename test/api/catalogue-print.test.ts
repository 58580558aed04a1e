import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestApp, type TestApp } from '../support/app.js';
import { DEMO_PROCEDURES } from '../../src/infrastructure/seed/demo-catalogue.js';
import { feeText, formatVietnameseNumber, timeLimitText } from '../../src/application/catalogue/print-unit-listing.js';

/** The text of every page, lines joined by spaces, in NFC. */
async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join('').normalize('NFC').replace(/\s+/g, ' ') };
}

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height)?.data;
}

describe('listing cells', () => {
  const method = (channel: 'counter' | 'online', amount: number, unit: 'working_days' | 'working_hours' | 'calendar_days' | 'months') => ({
    channel,
    timeLimit: { amount, unit },
    description: '',
  });
  const fee = (amount: number) => ({ name: 'Lệ phí', amount, collectedAt: 'submission' as const, description: '' });

  it('formats amounts, time limits and fees the Vietnamese way', () => {
    expect(formatVietnameseNumber(75000)).toBe('75.000');
    expect(formatVietnameseNumber(2500000)).toBe('2.500.000');
    expect(formatVietnameseNumber(0.5)).toBe('0,5');
    expect(timeLimitText({ methods: [method('counter', 1, 'working_days'), method('online', 1, 'working_days')] })).toBe('1 ngày làm việc');
    expect(timeLimitText({ methods: [method('counter', 15, 'calendar_days')] })).toBe('15 ngày');
    expect(timeLimitText({ methods: [method('counter', 3, 'working_days'), method('online', 4, 'working_hours')] })).toBe(
      'Trực tiếp: 3 ngày làm việc\nTrực tuyến: 4 giờ làm việc',
    );
    expect(feeText({ fees: [] })).toBe('Không thu phí');
    expect(feeText({ fees: [fee(0)] })).toBe('Không thu phí');
    expect(feeText({ fees: [fee(75000)] })).toBe('75.000 đồng');
    expect(feeText({ fees: [fee(200000), fee(5000), fee(0)] })).toBe('200.000 đồng\n5.000 đồng');
  });
});

describe('printed catalogue: QR codes and the notice-board listing', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app.stop());
  const get = (url: string) => app.app.inject({ method: 'GET', url });

  interface UnitRow {
    code: string;
    name: string;
    level: string;
    validTo: string | null;
  }
  const units = async () => (await get('/api/v1/units')).json().units as UnitRow[];
  const procedureCount = async (unit: string) =>
    (await get(`/api/v1/procedures?unit=${encodeURIComponent(unit)}&pageSize=200`)).json() as { total: number; items: { code: string; name: string }[] };

  it('gives a PNG QR code that decodes to the procedure’s public page', async () => {
    const code = DEMO_PROCEDURES[0]!.code;
    const res = await get(`/api/v1/procedures/${code}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(decodeQr(res.rawPayload)).toBe(`${app.ctx.config.publicUrl}/thu-tuc/${code}`);
    expect(PNG.sync.read(res.rawPayload).width).toBe(256);

    const large = await get(`/api/v1/procedures/${code}/qr.png?size=600`);
    expect(PNG.sync.read(large.rawPayload).width).toBe(600);
    expect(decodeQr(large.rawPayload)).toBe(`${app.ctx.config.publicUrl}/thu-tuc/${code}`);
  });

  it('gives the same code as SVG', async () => {
    const code = DEMO_PROCEDURES[0]!.code;
    const res = await get(`/api/v1/procedures/${code}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(res.body.trimEnd()).toMatch(/<\/svg>$/);
  });

  it('refuses unknown and malformed codes and sizes out of bounds, in the one error shape', async () => {
    const unknown = await get('/api/v1/procedures/1.999999/qr.png');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(unknown.json()).toMatchObject({ error: { code: 'PROCEDURE_NOT_FOUND' } });
    expect((await get('/api/v1/procedures/1.999999/qr.svg')).json()).toMatchObject({ error: { code: 'PROCEDURE_NOT_FOUND' } });
    const code = DEMO_PROCEDURES[0]!.code;
    for (const url of [
      '/api/v1/procedures/khai-sinh/qr.svg',
      '/api/v1/procedures/3.001193/qr.png',
      `/api/v1/procedures/${code}/qr.png?size=20`,
      `/api/v1/procedures/${code}/qr.png?size=5000`,
      `/api/v1/procedures/${code}/qr.png?size=abc`,
      `/api/v1/procedures/${code}/qr.png?color=red`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    expect((await get('/api/v1/units/000.99.99.H37/procedures.pdf')).json()).toMatchObject({ error: { code: 'UNIT_NOT_FOUND' } });
  });

  it('prints a commune’s procedures on A4 pages, grouped by field, in Vietnamese', async () => {
    const commune = (await units()).find((u) => u.level === 'commune' && u.validTo === null)!;
    const listed = await procedureCount(commune.code);
    expect(listed.total).toBeGreaterThan(0);
    const listedCodes = new Set(listed.items.map((p) => p.code));
    // A commune procedure from the demo data, with diacritics, in force today.
    const procedure = DEMO_PROCEDURES.find((p) => p.level === 'commune' && listedCodes.has(p.code) && /[À-ỹ]/.test(p.name))!;
    expect(procedure).toBeDefined();

    const res = await get(`/api/v1/units/${commune.code}/procedures.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="danh-muc-thu-tuc-[\w.-]+\.pdf"$/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('DANH MỤC THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain(commune.name.toLocaleUpperCase('vi'));
    expect(text).toContain(procedure.name.normalize('NFC'));
    expect(text).toContain(procedure.code);
    expect(text).toContain(`Trang 1/${pages}`);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    expect(text).toMatch(/Ngày in: \d{2}\/\d{2}\/\d{4}/);
    expect(text).toMatch(/\d ngày làm việc/);
    expect(text).toMatch(/Không thu phí|\d{1,3}(\.\d{3})* đồng/);
    expect(text).toContain('Dịch vụ công trực tuyến');
    expect(text).toContain(`Gồm ${listed.total} thủ tục hành chính`);
  });

  it('prints a valid listing saying so for a unit without procedures', async () => {
    let empty: UnitRow | undefined;
    for (const unit of await units()) {
      if ((await procedureCount(unit.code)).total === 0) {
        empty = unit;
        break;
      }
    }
    expect(empty).toBeDefined();
    const res = await get(`/api/v1/units/${empty!.code}/procedures.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('Chưa có thủ tục');
    expect(text).toContain('Trang 1/1');
  });

  it('documents the files in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).json() as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    expect(Object.keys(doc.paths['/api/v1/procedures/{code}/qr.png']?.get?.responses['200']?.content ?? {})).toEqual(['image/png']);
    expect(Object.keys(doc.paths['/api/v1/procedures/{code}/qr.svg']?.get?.responses['200']?.content ?? {})).toEqual(['image/svg+xml']);
    expect(Object.keys(doc.paths['/api/v1/units/{code}/procedures.pdf']?.get?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });
});
