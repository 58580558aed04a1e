/** Debian's Chromium driven by playwright-core (no downloaded browsers on this kind of machine). */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serious and critical axe-core violations on the current page, as readable strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
] as const;

/** Log an official in on the context (the session cookie is shared by its pages). */
export async function loginAs(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const res = await context.request.post(baseUrl + '/api/v1/auth/login', { data: { username, password: 'MotCua@2026' } });
  if (res.status() !== 200) throw new Error(`login of ${username} failed: ${res.status()}`);
}

/** Wait for CSS transitions (a dialog fading in) to end, so that axe measures the final colours. */
export async function transitionsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** The page is no wider than the viewport (a phone must not scroll sideways). */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The development identity provider's page (VNeID stand-in), reached from a "Đăng nhập bằng VNeID" button. */
export async function signInAtIdp(page: Page, citizen: { personalId: string; password: string }): Promise<void> {
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.fill('#personalId', citizen.personalId);
  await page.fill('#password', citizen.password);
  await page.click('button[type=submit]');
}

/** A context whose citizen is logged in through the real eID flow. */
export async function citizenContext(
  browser: Browser,
  baseUrl: string,
  citizen: { personalId: string; password: string },
  viewport: { width: number; height: number } = VIEWPORTS[0],
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/v1/auth/oidc/start?returnTo=/tai-khoan`);
  await signInAtIdp(page, citizen);
  await page.waitForURL(baseUrl + '/tai-khoan');
  await page.close();
  return context;
}

/** An online submission of `procedureCode` for Phường Tam Thanh by the logged-in citizen of `page`, through the API. */
export async function submitOnlineThroughApi(page: Page, procedureCode: string): Promise<{ id: string; code: string }> {
  return page.evaluate(async (code) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({
        procedureCode: code,
        channel: 'online',
        unitCode: '000.00.31.H37',
        applicant: { fullName: 'x', personalId: null, address: 'Thôn Nà Chuông', phone: '0912345678', email: null },
        components: [{ code: `${code}.TP1`, name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 }],
        accept: false,
      }),
    });
    if (response.status !== 201) throw new Error(`submission failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; code: string };
  }, procedureCode);
}

/** A minimal valid one-page PDF, its cross-reference offsets computed. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
