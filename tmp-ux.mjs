import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
const base = 'http://localhost:3456';
const tag = process.argv[2] ?? 'a';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
async function shoot(page, name, vp) {
  await page.waitForTimeout(400);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const res = await new AxeBuilder({ page }).analyze();
  const v = res.violations.map(v => `${v.id}(${v.impact})`);
  console.log(`${name}@${vp}: overflow=${overflow} axe=${v.join(',')}`);
  await page.screenshot({ path: `/tmp/ux/${tag}-${name}-${vp}.png`, fullPage: true });
}
for (const [vp, viewport] of [['375', { width: 375, height: 740 }], ['1280', { width: 1280, height: 800 }]]) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  for (const [name, path] of [['home','/'],['login','/dang-nhap'],['thutuc','/thu-tuc?q=abc'],['tracuu','/tra-cuu-ho-so?ma=x'],['404','/khong-co'],['taikhoan-anon','/tai-khoan']]) {
    await page.goto(base + path); await page.waitForSelector('main h1'); await shoot(page, name, vp);
  }
  // citizen login
  await page.goto(base + '/');
  await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).first().click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await shoot(page, 'vneid', vp);
  await page.fill('#personalId', '020085003417'); await page.fill('#password', 'VNeID@2026');
  await page.click('button[type=submit]'); await page.waitForURL(base + '/tai-khoan');
  await page.waitForSelector('[data-testid=current-user]');
  await shoot(page, 'taikhoan', vp);
  await page.goto(base + '/'); await page.waitForSelector('main h1'); await shoot(page, 'home-citizen', vp);
  await ctx.close();
  const ctx2 = await browser.newContext({ viewport });
  const r = await ctx2.request.post(base + '/api/v1/auth/login', { data: { username: 'admin', password: 'MotCua@2026' } });
  const p2 = await ctx2.newPage();
  for (const [name, path] of [['canbo','/can-bo'],['donvi','/can-bo/don-vi'],['nhatky','/can-bo/nhat-ky'],['pheduyet','/can-bo/phe-duyet'],['bo404','/can-bo/xyz']]) {
    await p2.goto(base + path); await p2.waitForSelector('main h1'); 
    if (name === 'donvi' || name==='nhatky') await p2.waitForTimeout(800);
    await shoot(p2, name, vp);
  }
  if (vp === '375') { await p2.goto(base + '/can-bo'); await p2.waitForSelector('main h1'); await p2.getByRole('button', { name: 'Menu chức năng' }).click(); await shoot(p2, 'menu', vp); }
  await ctx2.close();
  const ctx3 = await browser.newContext({ viewport });
  await ctx3.request.post(base + '/api/v1/auth/login', { data: { username: 'chuyenvien.tamthanh', password: 'MotCua@2026' } });
  const p3 = await ctx3.newPage();
  await p3.goto(base + '/can-bo/don-vi'); await p3.waitForTimeout(1000);
  await p3.getByLabel(/Lọc theo tên hoặc mã/).fill('cao loc');
  await p3.getByText('Xã Cao Lộc', { exact: true }).first().click();
  await p3.waitForTimeout(600); await shoot(p3, 'donvi-forbidden', vp);
  await p3.goto(base + '/can-bo/nhat-ky'); await p3.waitForSelector('main h1'); await shoot(p3, 'nhatky-forbidden', vp);
  await ctx3.close();
}
await browser.close();
