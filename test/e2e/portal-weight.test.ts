/**
 * Issue 17, "the fast path": a citizen's first visit of the portal transfers at most 300 kB. Measured in Chromium from a
 * fresh context (empty cache, the browser's own Accept-Encoding), as bytes on the wire: headers plus encoded bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from './browser.js';

const BUDGET = 300 * 1024;

interface Transfer {
  url: string;
  bytes: number;
  status: number;
  headers: Record<string, string>;
  failed?: string;
}

function header(transfer: Transfer | undefined, name: string): string {
  return Object.entries(transfer?.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
}

function breakdown(transfers: Transfer[], baseUrl: string): string {
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  const lines = transfers.map(
    (t) =>
      `${String(t.bytes).padStart(8)} B  ${String(t.status).padEnd(3)} ${(header(t, 'content-encoding') || '-').padEnd(4)} ${t.url.replace(baseUrl, '')}` +
      (t.failed ? `  (failed: ${t.failed})` : ''),
  );
  return [`first visit of /: ${total} B (${(total / 1024).toFixed(1)} kB, budget ${BUDGET / 1024} kB)`, ...lines].join('\n');
}

describe('weight of the portal home page on a first visit', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp('pglite', { listen: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('transfers at most 300 kB, the code compressed and cached for good', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      // The DevTools protocol reports what crossed the wire (encodedDataLength), which the page's own APIs do not.
      const cdp = await context.newCDPSession(page);
      const pending = new Map<string, Transfer>();
      const transfers: Transfer[] = [];
      cdp.on('Network.requestWillBeSent', (e) => pending.set(e.requestId, { url: e.request.url, bytes: 0, status: 0, headers: {} }));
      cdp.on('Network.responseReceived', (e) => {
        const transfer = pending.get(e.requestId);
        if (transfer) Object.assign(transfer, { status: e.response.status, headers: e.response.headers });
      });
      cdp.on('Network.loadingFinished', (e) => {
        const transfer = pending.get(e.requestId);
        if (transfer) transfers.push({ ...transfer, bytes: e.encodedDataLength });
      });
      cdp.on('Network.loadingFailed', (e) => {
        const transfer = pending.get(e.requestId);
        if (transfer) transfers.push({ ...transfer, failed: e.errorText });
      });
      await cdp.send('Network.enable');

      await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Cổng Dịch vụ công');
      const mainScript = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '');

      const report = breakdown(transfers, app.baseUrl);
      const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
      expect(total, report).toBeLessThanOrEqual(BUDGET);
      // Every file of the page loaded (the anonymous visitor's 401 from /api/v1/auth/me is an answer, not a failure).
      const broken = transfers.filter((t) => t.failed || (t.status >= 400 && !t.url.startsWith(app.baseUrl + '/api/')));
      expect(
        broken.map((t) => t.url),
        report,
      ).toEqual([]);

      const html = transfers.find((t) => t.url === app.baseUrl + '/');
      expect(header(html, 'cache-control'), report).toBe('no-cache');
      const script = transfers.find((t) => t.url === mainScript);
      expect(mainScript, report).toMatch(/\/assets\/index-[\w-]+\.js$/);
      expect(header(script, 'content-encoding'), report).toMatch(/^(br|gzip)$/);
      expect(header(script, 'cache-control'), report).toBe('public, max-age=31536000, immutable');
      expect(header(script, 'vary'), report).toMatch(/accept-encoding/i);
      // Every script and style sheet comes compressed.
      const uncompressed = transfers.filter((t) => /\.(js|css)$/.test(t.url) && !/^(br|gzip)$/.test(header(t, 'content-encoding')));
      expect(
        uncompressed.map((t) => t.url),
        report,
      ).toEqual([]);
      // The back office and the other portal pages are fetched when opened, not with the home page.
      const otherPages = transfers.filter((t) => /\/assets\/(BackOffice|Dashboard|Scorecard|ProcedureSearchPage|SubmitDossierPage)/.test(t.url));
      expect(
        otherPages.map((t) => t.url),
        report,
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers a chunk of another build with 404, not with the page', async () => {
    const response = await fetch(app.baseUrl + '/assets/index-0ld8u1ld.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
