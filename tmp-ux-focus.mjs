import { chromium } from 'playwright-core';
const base = 'http://localhost:3456';
const tag = process.argv[2] ?? 'f';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
async function tabs(page, name, n) {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement; if (!el) return 'none';
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}" outline=${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} shadow=${cs.boxShadow.slice(0,40)} visible=${r.width>0&&r.height>0} y=${Math.round(r.y)}`;
    });
    console.log(`${name} tab${i + 1}: ${info}`);
    await page.screenshot({ path: `/tmp/ux/${tag}-${name}-${i + 1}.png` });
  }
}
const vp = process.argv[3] === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 800 };
const ctx = await browser.newContext({ viewport: vp });
const page = await ctx.newPage();
await page.goto(base + '/'); await page.waitForSelector('main h1');
await tabs(page, 'home', 7);
const ctx2 = await browser.newContext({ viewport: vp });
await ctx2.request.post(base + '/api/v1/auth/login', { data: { username: 'admin', password: 'MotCua@2026' } });
const p2 = await ctx2.newPage();
await p2.goto(base + '/can-bo/don-vi'); await p2.waitForTimeout(1200);
await tabs(p2, 'donvi', 10);
await p2.goto(base + '/can-bo/nhat-ky'); await p2.waitForTimeout(1200);
await tabs(p2, 'nhatky', 8);
await browser.close();
