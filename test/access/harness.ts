/**
 * The running server the access tests probe (test/api/access-matrix.test.ts, test/api/offered-actions.test.ts):
 * one app on an engine, the second province of the matrix imported, every identity of the matrix logged in, and
 * the dossiers of the matrix made on demand, each in the state DOSSIERS names.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { EngineName } from '../support/databases.js';
import { Client, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app.js';
import { issueSignedResult } from '../support/results.js';
import { receivedComponents } from '../support/intake.js';
import { decideOnGateway, FEE_PROCEDURE } from '../support/payments.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { importUnits } from '../../src/application/units/import-units.js';
import { addOfficial } from '../../src/application/users/add-official.js';
import type { OfficialRole } from '../../src/domain/access/roles.js';
import { IDENTITIES, OTHER_PROVINCE, UNITS, type DossierKind, type Identity, type IdentitySpec } from './matrix.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n',
  'latin1',
);
export const PROCEDURE: Record<DossierKind, string> = {
  ward: '1.001193',
  online: '1.001193',
  processing: '1.001193',
  returned: '1.001193',
  sibling: '1.001193',
  department: '2.000488',
  remote: '2.000635',
  remoteProcessing: '2.000635',
};
export const APPLICANT = { fullName: 'Vi Thị Ma Trận', personalId: null, address: null, phone: null, email: null };
const OTHER_OFFICIALS: Identity[] = ['deskOtherProvince', 'specialistOtherProvince', 'monitorOtherProvince', 'adminOtherProvince'];

export interface Dossier {
  id: string;
  code: string;
  fileId: string | null;
}

export interface Harness {
  app: TestApp;
  /** Each identity's session (null: anonymous); a probe that logs in again replaces it here. */
  clients: Record<Identity, Client | null>;
  /** `headers`: more request headers (a feedback reporter's tracking secret). */
  send(
    who: Identity,
    method: Method,
    url: string,
    body?: { json?: unknown; raw?: Buffer | string; type?: string; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** An action that must succeed (setting dossiers up). */
  act(who: Identity, id: string, command: Record<string, unknown>): Promise<void>;
  seqOf(id: string): Promise<number>;
  upload(who: Identity, id: string, kind: DossierKind): Promise<LightMyRequestResponse>;
  /** A dossier of the kind, in the state the matrix names; with a file attached by someone allowed to. */
  make(kind: DossierKind, withFile?: boolean): Promise<Dossier>;
  /** The sha256 of a stored PDF, for issueResult. */
  resultFile(): Promise<string>;
}

export async function startHarness(engine: EngineName): Promise<Harness> {
  // Listening: the citizens' login starts with the identity provider's discovery document, served by the app.
  const app = await startTestApp(engine, { listen: true, env: { LOGIN_RATE_LIMIT: '10000', PUBLIC_LOOKUP_RATE_LIMIT: '10000' } });
  const clients = {} as Record<Identity, Client | null>;

  const send: Harness['send'] = (who, method, url, body) => {
    const client = clients[who];
    const headers: Record<string, string> = {};
    if (client) {
      headers.cookie = client.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = client.csrf;
    }
    if (body?.json !== undefined) headers['content-type'] = 'application/json';
    if (body?.raw !== undefined) headers['content-type'] = body.type ?? 'application/octet-stream';
    Object.assign(headers, body?.headers);
    return app.app.inject({
      method,
      url,
      remoteAddress: client?.remoteAddress ?? '10.250.250.250',
      headers,
      ...(body?.json !== undefined ? { payload: JSON.stringify(body.json) } : body?.raw !== undefined ? { payload: body.raw } : {}),
    });
  };
  const seqOf = async (id: string) => ((await send('admin', 'GET', `/api/v1/dossiers/${id}`)).json() as { seq: number }).seq;
  const act: Harness['act'] = async (who, id, command) => {
    const res = await send(who, 'POST', `/api/v1/dossiers/${id}/actions`, { json: { ...command, expectedSeq: await seqOf(id) } });
    expect(res.statusCode, `${who} ${String(command.type)}: ${res.body}`).toBe(200);
  };
  const upload: Harness['upload'] = (who, id, kind) =>
    send(who, 'POST', `/api/v1/dossiers/${id}/files?component=${PROCEDURE[kind]}.TP1&name=ma-tran.pdf`, { raw: PDF, type: 'application/pdf' });
  let stored: Promise<string> | undefined;
  const resultFile = () => (stored ??= app.ctx.deps.files.put(PDF).then((f) => f.sha256));

  const make: Harness['make'] = async (kind, withFile = false) => {
    const counter = (who: Identity, procedureCode: string, unitCode: string) =>
      send(who, 'POST', '/api/v1/dossiers', {
        json: { procedureCode, channel: 'counter', unitCode, applicant: APPLICANT, components: receivedComponents(procedureCode) },
      });
    const online = () => send('citizenOwner', 'POST', '/api/v1/dossiers', { json: { procedureCode: '1.001193', channel: 'online', unitCode: UNITS.ward } });
    const created = await {
      ward: () => counter('deskOwn', '1.001193', UNITS.ward),
      online,
      processing: () => counter('deskOwn', '1.001193', UNITS.ward),
      returned: online,
      sibling: () => counter('deskSibling', '1.001193', UNITS.commune),
      department: () => counter('deskProvince', '2.000488', UNITS.justice),
      remote: () => counter('deskProvince', '2.000635', UNITS.ward),
      remoteProcessing: () => counter('deskProvince', '2.000635', UNITS.ward),
    }[kind]();
    expect(created.statusCode, `${kind}: ${created.body}`).toBe(201);
    const { id, code } = created.json() as { id: string; code: string };
    let fileId: string | null = null;
    if (withFile) {
      const uploader: Identity = {
        ward: 'deskOwn',
        online: 'citizenOwner',
        processing: 'deskOwn',
        returned: 'citizenOwner',
        sibling: 'deskSibling',
        department: 'deskProvince',
        remote: 'deskProvince',
        remoteProcessing: 'deskProvince',
      }[kind] as Identity;
      const res = await upload(uploader, id, kind);
      expect(res.statusCode, `file for ${kind}: ${res.body}`).toBe(201);
      fileId = (res.json() as { id: string }).id;
    }
    if (kind === 'processing') await act('deskOwn', id, { type: 'transfer', toStep: 1, note: null });
    if (kind === 'remoteProcessing') await act('deskProvince', id, { type: 'transfer', toStep: 1, note: null });
    if (kind === 'returned') {
      await act('deskOwn', id, { type: 'accept' });
      await act('deskOwn', id, { type: 'transfer', toStep: 1, note: null });
      await act('specialistOwn', id, { type: 'claim' });
      await act('specialistOwn', id, { type: 'transfer', toStep: 2, note: null });
      await act('leaderOwn', id, { type: 'claim' });
      await act('leaderOwn', id, { type: 'approve', note: null });
      // The leader signs the result, which records "issue e-result" (issue 19).
      await issueSignedResult((method, url, json) => send('leaderOwn', method, url, json === undefined ? undefined : { json }), id);
      await act('deskOwn', id, { type: 'returnResult', method: 'counter' });
    }
    return { id, code, fileId };
  };

  try {
    const meta = { actor: null, ip: '127.0.0.1', requestId: 'matrix' };
    const imported = await importUnits(app.ctx.deps, { units: OTHER_PROVINCE, meta });
    if (!imported.ok) throw new Error(imported.error.code);
    for (const identity of OTHER_OFFICIALS) {
      const spec = IDENTITIES[identity] as IdentitySpec;
      const added = await addOfficial(app.ctx.deps, {
        username: spec.login!,
        password: DEMO_PASSWORD,
        fullName: `Cán bộ ${spec.login}`,
        role: spec.role as OfficialRole,
        unitCode: spec.unit!,
        meta,
      });
      if (!added.ok) throw new Error(added.error.code);
    }
    for (const [identity, spec] of Object.entries(IDENTITIES) as [Identity, IdentitySpec][]) {
      if (spec.login === null) clients[identity] = null;
      else if (spec.login.startsWith('citizen:')) {
        const personalId = spec.login.slice('citizen:'.length);
        const login = await loginCitizen(app.ctx.deps, {
          identity: { issuer: 'https://sso.example', subject: `matrix-${personalId}`, fullName: `Công dân ${personalId}`, personalId, email: null },
          meta,
        });
        if (!login.ok) throw new Error(login.error.code);
        const client = new Client(app);
        client.cookie = `motcua_session=${login.value.sessionId}`;
        await client.request('GET', '/api/v1/auth/me');
        clients[identity] = client;
      } else clients[identity] = await Client.official(app, spec.login);
    }
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { app, clients, send, act, seqOf, upload, make, resultFile };
}

/**
 * Dossiers with fees, for the rows of fees and their payment (test/access/payment-rows.ts): the matrix's own
 * dossiers of 1.001193 owe nothing. Each is of the kind named, in that kind's state.
 */
export interface FeeDossiers {
  /** Submitted online by citizenOwner for 1.004873 (an online dossier): owes 10.000 ₫ now. */
  due: Dossier;
  /** A receipt of a paid dossier: online (1.004873, paid through VNPay at the local gateway), department (in cash at the desk). */
  receipts: Record<'online' | 'department', { id: string; receiptId: string }>;
  /** A bank transfer's proof waiting for the accountant, reported at the provincial centre's desk that received the dossier. */
  transfers: Record<'department' | 'remote', { id: string; attemptId: string; version: number }>;
}

export async function makeFeeDossiers(h: Harness): Promise<FeeDossiers> {
  const submitDue = async (): Promise<Dossier> => {
    const res = await h.send('citizenOwner', 'POST', '/api/v1/dossiers', { json: { procedureCode: FEE_PROCEDURE, channel: 'online', unitCode: UNITS.ward } });
    expect(res.statusCode, res.body).toBe(201);
    return { ...(res.json() as { id: string; code: string }), fileId: null };
  };
  const atDesk = async (who: Identity, id: string, method: 'cash' | 'transfer') => {
    const res = await h.send(who, 'POST', `/api/v1/dossiers/${id}/payments/desk`, { json: { method, note: 'Thử ma trận quyền' } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { attemptId: string }).attemptId;
  };
  const receiptOf = async (id: string) => {
    const res = await h.send('admin', 'GET', `/api/v1/dossiers/${id}/payments`);
    const [receipt] = (res.json() as { receipts: { id: string }[] }).receipts;
    expect(receipt, res.body).toBeDefined();
    return { id, receiptId: receipt!.id };
  };
  const transfer = async (kind: 'department' | 'remote', accountant: Identity) => {
    const { id } = await h.make(kind);
    const attemptId = await atDesk('deskProvince', id, 'transfer');
    const tasks = (await h.send(accountant, 'GET', '/api/v1/payments/tasks')).json() as { items: { attempt: { id: string }; version: number }[] };
    const task = tasks.items.find((t) => t.attempt.id === attemptId);
    expect(task, `${kind}: the transfer among ${accountant}’s tasks`).toBeDefined();
    return { id, attemptId, version: task!.version };
  };

  const due = await submitDue();
  const paidOnline = await submitDue();
  const started = await h.send('citizenOwner', 'POST', `/api/v1/dossiers/${paidOnline.id}/payments`, { json: { provider: 'vnpay' } });
  expect(started.statusCode, started.body).toBe(201);
  await decideOnGateway((started.json() as { redirectUrl: string }).redirectUrl, 'pay');
  await h.app.paymentSimulator!.idle();
  const paidDepartment = await h.make('department');
  await atDesk('deskProvince', paidDepartment.id, 'cash');
  return {
    due,
    receipts: { online: await receiptOf(paidOnline.id), department: await receiptOf(paidDepartment.id) },
    transfers: { department: await transfer('department', 'leaderDepartment'), remote: await transfer('remote', 'leaderOwn') },
  };
}
