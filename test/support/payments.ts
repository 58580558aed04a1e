/** A citizen who submits online and pays through the local gateway, as a browser would: the tests' shared moves. */
import { expect } from 'vitest';
import { Client, type TestApp } from './app.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';

export const WARD = '000.00.31.H37';
/** Cấp Giấy xác nhận tình trạng hôn nhân: a commune procedure, online, with a 10.000 ₫ lệ phí collected at submission. */
export const FEE_PROCEDURE = '1.004873';

export async function citizenClient(app: TestApp, subject = 'sub-pay', personalId = '020085003417'): Promise<Client> {
  const login = await loginCitizen(app.ctx.deps, {
    identity: { issuer: 'https://sso.example', subject, fullName: 'Hoàng Văn Minh', personalId, email: 'minh.hoang@example.vn' },
    meta: { actor: null, ip: '127.0.0.1', requestId: `test-${subject}` },
  });
  if (!login.ok) throw new Error(login.error.code);
  const client = new Client(app);
  client.cookie = `motcua_session=${login.value.sessionId}`;
  expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  return client;
}

export async function submitOnline(citizen: Client, procedureCode = FEE_PROCEDURE): Promise<{ id: string; code: string }> {
  const res = await citizen.request('POST', '/api/v1/dossiers', { procedureCode, channel: 'online', unitCode: WARD });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function startPayment(citizen: Client, id: string, provider: 'vnpay' | 'nationalPlatform') {
  const res = await citizen.request('POST', `/api/v1/dossiers/${id}/payments`, { provider });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { attemptId: string; reference: string; amount: number; redirectUrl: string };
}

/** The citizen's browser on the gateway's page: opens it, then pays, fails or abandons; returns where the browser is sent. */
export async function decideOnGateway(redirectUrl: string, outcome: 'pay' | 'fail' | 'abandon'): Promise<string | null> {
  const page = await fetch(redirectUrl);
  expect(page.status, redirectUrl).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no form on the gateway's page: ${html.slice(0, 300)}`);
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]);
  const body = new URLSearchParams([...hidden, ['outcome', outcome]]);
  const decided = await fetch(action, { method: 'POST', body, redirect: 'manual' });
  return decided.headers.get('location');
}
