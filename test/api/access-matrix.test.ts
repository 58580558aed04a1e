import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { operationsOf } from '../fuzz/fuzzer.js';
import { DOSSIER_MATRIX, IDENTITIES, PUBLIC_OPERATIONS, SECURED_OPERATIONS, type DossierKind, type Expected, type Identity } from '../access/matrix.js';

const WARD = '000.00.31.H37';
const JUSTICE = '000.00.03.H37';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n', 'latin1');

const classOf = (status: number): Expected | `other ${number}` =>
  status >= 200 && status < 300 ? 'ok' : status === 404 ? 'hidden' : status === 409 ? 'refused' : status === 401 ? 'login' : `other ${status}`;

describe.each(ENGINES)('the access matrix holds on %s', (engine) => {
  let app: TestApp;
  const clients = {} as Record<Identity, Client | null>;

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '10000' } });
    for (const [identity, who] of Object.entries(IDENTITIES) as [Identity, string | null][]) {
      if (who === null) clients[identity] = null;
      else if (who.startsWith('citizen:')) {
        const personalId = who.slice('citizen:'.length);
        const login = await loginCitizen(app.ctx.deps, {
          identity: { issuer: 'https://sso.example', subject: `matrix-${personalId}`, fullName: `Công dân ${personalId}`, personalId, email: null },
          meta: { actor: null, ip: '127.0.0.1', requestId: 'matrix' },
        });
        if (!login.ok) throw new Error(login.error.code);
        const client = new Client(app);
        client.cookie = `motcua_session=${login.value.sessionId}`;
        await client.request('GET', '/api/v1/auth/me');
        clients[identity] = client;
      } else clients[identity] = await Client.official(app, who);
    }
  }, 120_000);
  afterAll(() => app.stop());

  const applicant = { fullName: 'Vi Thị Ma Trận', personalId: null, address: null, phone: null, email: null };
  async function fresh(kind: DossierKind): Promise<string> {
    const res =
      kind === 'online'
        ? await clients.citizenOwner!.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: WARD })
        : kind === 'ward'
          ? await clients.deskOwn!.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components: receivedComponents('1.001193') })
          : await clients.deskProvince!.request('POST', '/api/v1/dossiers', { procedureCode: '2.000488', channel: 'counter', unitCode: JUSTICE, applicant, components: receivedComponents('2.000488') });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }
  const seqOf = async (id: string) => ((await clients.admin!.request('GET', `/api/v1/dossiers/${id}`)).json() as { seq: number }).seq;

  async function attempt(probe: (typeof DOSSIER_MATRIX)[number]['probe'], client: Client | null, id: string, kind: DossierKind): Promise<number> {
    const headers = client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {};
    switch (probe) {
      case 'read':
        return (await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers })).statusCode;
      case 'form':
        return (await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/forms/01.pdf`, headers })).statusCode;
      case 'files':
        return (await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}/files`, headers })).statusCode;
      case 'upload': {
        const component = kind === 'department' ? '2.000488.TP1' : '1.001193.TP1';
        return (await app.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/files?component=${component}&name=ma-tran.pdf`, headers: { ...headers, 'content-type': 'application/pdf' }, payload: PDF })).statusCode;
      }
      case 'withdraw':
        return (await app.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/actions`, headers: { ...headers, 'content-type': 'application/json' }, payload: { type: 'withdraw', expectedSeq: await seqOf(id), reason: 'Thử ma trận quyền' } })).statusCode;
      default: {
        const never: never = probe;
        return never;
      }
    }
  }

  it('lists every operation of the served API in the matrix, exactly once', async () => {
    const served = operationsOf((await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()).map((o) => `${o.method} ${o.path}`);
    const listed = [...PUBLIC_OPERATIONS, ...SECURED_OPERATIONS];
    expect(new Set(listed).size).toBe(listed.length);
    // openapi.json and logout are left out of the fuzzer's list, not of the matrix.
    expect([...served, 'GET /api/v1/openapi.json', 'POST /api/v1/auth/logout'].filter((o) => !listed.includes(o))).toEqual([]);
    expect(listed.filter((o) => !served.includes(o) && o !== 'GET /api/v1/openapi.json' && o !== 'POST /api/v1/auth/logout')).toEqual([]);
    for (const row of DOSSIER_MATRIX) expect(SECURED_OPERATIONS).toContain(row.operation);
  });

  it('answers every secured operation 401 without a session, and no public one', async () => {
    const wrong: string[] = [];
    for (const operation of [...SECURED_OPERATIONS, ...PUBLIC_OPERATIONS]) {
      const [method, path] = operation.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      const url = path.replace(/\{id\}|\{fileId\}/g, '00000000-0000-4000-8000-000000000000').replace('{code}', WARD).replace('{year}', '2027').replace('{form}', '01');
      const res = await app.app.inject({ method, url, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }) });
      const secured = SECURED_OPERATIONS.includes(operation);
      if (secured !== (res.statusCode === 401)) wrong.push(`${operation} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('holds every dossier cell: who sees, who attaches files, who withdraws', async () => {
    const dossiers: Record<DossierKind, string> = { ward: await fresh('ward'), online: await fresh('online'), department: await fresh('department') };
    const wrong: string[] = [];
    let cells = 0;
    for (const row of DOSSIER_MATRIX) {
      for (const kind of Object.keys(row.cells) as DossierKind[]) {
        for (const [identity, expected] of Object.entries(row.cells[kind] ?? {}) as [Identity, Expected][]) {
          // A withdrawal that should succeed ends the dossier: it gets one of its own.
          const id = row.probe === 'withdraw' && expected === 'ok' ? await fresh(kind) : dossiers[kind];
          const got = classOf(await attempt(row.probe, clients[identity], id, kind));
          cells++;
          if (got !== expected) wrong.push(`${row.operation} · ${kind} · ${identity}: expected ${expected}, got ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(DOSSIER_MATRIX.reduce((n, r) => n + Object.keys(r.cells).length, 0) * Object.keys(IDENTITIES).length);
  }, 180_000);
});
