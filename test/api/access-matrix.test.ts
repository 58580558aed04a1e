/**
 * Runs the access matrix (test/access/matrix.ts) against a running server: one app per engine, the dossiers of
 * the matrix made once and shared by the rows that leave them as they are, rows that change a dossier after
 * the others and on a dossier of their own where a cell should succeed.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { APPLICANT, PDF, makeFeeDossiers, startHarness, type Dossier, type FeeDossiers, type Harness } from '../access/harness.js';
import { ERROR_STATUS } from '../../src/http/error-status.js';
import type { ErrorCode } from '../../src/domain/errors/error-codes.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { resultProbes } from '../access/result-probes.js';
import { vaultProbes } from '../access/vault-probes.js';
import { portalProbes } from '../access/portal-probes.js';
import { feedbackProbes } from '../access/feedback-probes.js';
import { feedbackMineProbes } from '../access/feedback-mine-probes.js';
import { nationalCatalogueProbes } from '../access/national-catalogue-probes.js';
import { reformProbes } from '../access/reform-probes.js';
import { surveyProbes } from '../access/survey-probes.js';
import { parProbes } from '../access/par-probes.js';
import {
  DOSSIERS,
  IDENTITIES,
  MATRIX,
  UNIT_TARGETS,
  UNITS,
  classOf,
  describeCell,
  matches,
  type DossierKind,
  type Identity,
  type Row,
} from '../access/matrix.js';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//motcua//ma-tran//VI',
  'BEGIN:VEVENT',
  'UID:ma-tran-2098',
  'DTSTART;VALUE=DATE:20980102',
  'SUMMARY:Nghỉ thử ma trận',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
/** Gateways' words for a payment that does not exist, signed with nothing valid, on the demo's merchant accounts. */
const FORGED_VNPAY = {
  vnp_TmnCode: 'MOTCUA01',
  vnp_TxnRef: 'MATRAN0001',
  vnp_Amount: '1000000',
  vnp_ResponseCode: '00',
  vnp_TransactionStatus: '00',
  vnp_SecureHash: '0'.repeat(128),
};
const FORGED_PLATFORM = { MaDoiTac: 'MOTCUA', MaThamChieu: 'MATRAN0001', SoTien: '10000', MaKetQua: '00', MaXacThuc: '0'.repeat(64) };
/** The operations of the served document, as `METHOD /path`. */
function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): { operation: string; secured: boolean }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ operation: `${method.toUpperCase()} ${path}`, secured: Array.isArray((op as { security?: unknown[] }).security) })),
  );
}

describe.each(ENGINES)('the access matrix holds on %s', (engine) => {
  let h: Harness;
  const shared = {} as Record<DossierKind, Dossier>;
  let record: Record<string, unknown>;
  let catalogueExport: string;
  let draftId: string;
  let webhookId: string;
  /** Dossiers with fees (test/access/payment-rows.ts). */
  let fees: FeeDossiers;
  let feesDay: string;
  let serial = 0;
  const today = vietnamDate(new Date());
  const month = today.slice(0, 7);

  const send = (...args: Parameters<Harness['send']>) => h.send(...args);
  const seqOf = (id: string) => h.seqOf(id);
  const upload = (...args: Parameters<Harness['upload']>) => h.upload(...args);

  async function draftDecision(who: Identity, unitCode: string) {
    return send(who, 'POST', '/api/v1/publication-decisions', {
      json: {
        number: `${++serial}/QĐ-MATRAN-${engine}`,
        issuedOn: today,
        signer: 'Chủ tịch UBND tỉnh',
        unitCode,
        // An amendment of a procedure that does not exist: a draft that can never be published.
        items: [{ kind: 'amended', procedureCode: '2.999004', effectiveFrom: '2099-01-01', record: { ...record, code: '2.999004' } }],
      },
    });
  }

  beforeAll(async () => {
    h = await startHarness(engine);
    catalogueExport = (await send('anonymous', 'GET', '/api/v1/procedures/export')).body;
    record = (JSON.parse(catalogueExport) as { procedures: Record<string, unknown>[] }).procedures.find((p) => p.code === '1.001193')!;
    for (const kind of Object.keys(DOSSIERS) as DossierKind[]) shared[kind] = await h.make(kind, true);
    fees = await makeFeeDossiers(h);
    // The day the transfers were recorded: the reconciliation is read for it, not for a today that may have turned.
    feesDay = vietnamDate(new Date());
    const draft = await draftDecision('admin', UNITS.province);
    expect(draft.statusCode, draft.body).toBe(201);
    draftId = (draft.json() as { id: string }).id;
    expect((await send('admin', 'PUT', `/api/v1/publication-decisions/${draftId}/file?name=qd.pdf`, { raw: PDF, type: 'application/pdf' })).statusCode).toBe(
      200,
    );
    const hook = await send('admin', 'POST', '/api/v1/webhooks', { json: { url: 'https://example.com/ma-tran' } });
    expect(hook.statusCode, hook.body).toBe(201);
    webhookId = (hook.json() as { id: string }).id;
  }, 180_000);
  afterAll(() => h?.app.stop());

  type Probe = (who: Identity, row: Row, fresh?: Dossier) => Promise<number>;
  const dossierOf = (row: Row, fresh?: Dossier): Dossier => fresh ?? shared[(row.target as { dossier: DossierKind }).dossier];
  const kindOf = (row: Row) => (row.target as { dossier: DossierKind }).dossier;
  const unitOf = (row: Row) => UNIT_TARGETS[(row.target as { unit: keyof typeof UNIT_TARGETS }).unit];
  const status = async (p: ReturnType<typeof send>) => (await p).statusCode;
  /** 200 when the list holds the dossier, 404 when it does not, else the answer's status. */
  async function listed(p: ReturnType<typeof send>, id: string): Promise<number> {
    const res = await p;
    if (res.statusCode !== 200) return res.statusCode;
    return (res.json() as { items: { id: string }[] }).items.some((i) => i.id === id) ? 200 : 404;
  }
  /** 200 when a forged word is refused in the gateway's protocol (`field` is `code`); 502 when it is taken for true. */
  async function refusedWord(p: ReturnType<typeof send>, field: string, code: string): Promise<number> {
    const res = await p;
    if (res.statusCode !== 200) return res.statusCode;
    return (res.json() as Record<string, unknown>)[field] === code ? 200 : 502;
  }
  const transferOf = (row: Row) => fees.transfers[kindOf(row) as 'department' | 'remote'];
  const period = (row: Row) => `unit=${unitOf(row)}&period=${month}`;
  const counter = (procedureCode: string, unitCode: string) => ({
    json: { procedureCode, channel: 'counter', unitCode, applicant: APPLICANT, components: receivedComponents(procedureCode) },
  });

  /** Every probe the matrix names. `fresh`: a dossier of the row's kind made for this cell. */
  const PROBES: Record<string, Probe> = {
    ...resultProbes(() => h, dossierOf),
    ...vaultProbes(() => h, dossierOf, unitOf),
    ...portalProbes(() => h),
    ...feedbackProbes(() => h),
    ...feedbackMineProbes(() => h),
    ...nationalCatalogueProbes(() => h),
    ...reformProbes(() => h),
    ...surveyProbes(() => h, dossierOf),
    ...parProbes(() => h),
    // Dossiers
    read: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}`)),
    queue: (w, r) => listed(send(w, 'GET', '/api/v1/dossiers?queue=all&limit=500'), dossierOf(r).id),
    mine: (w, r) => listed(send(w, 'GET', '/api/v1/me/dossiers'), dossierOf(r).id),
    form01: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/forms/01.pdf`)),
    form06: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/forms/06.pdf`)),
    files: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/files`)),
    file: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/files/${dossierOf(r).fileId}`)),
    result: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/result`)),
    recipients: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/transfer-recipients?toStep=1`)),
    rate: (w, r) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/rating`, {
          json: { scores: { access: 5, procedure: 4, official: 5, result: 4, feedback: null } },
        }),
      ),
    rating: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/rating`)),
    upload: async (w, r) => (await upload(w, dossierOf(r).id, kindOf(r))).statusCode,
    withdraw: async (w, r, f) => {
      const id = dossierOf(r, f).id;
      return status(
        send(w, 'POST', `/api/v1/dossiers/${id}/actions`, { json: { type: 'withdraw', expectedSeq: await seqOf(id), reason: 'Thử ma trận quyền' } }),
      );
    },
    route: async (w, r, f) => {
      const id = dossierOf(r, f).id;
      return status(send(w, 'POST', `/api/v1/dossiers/${id}/actions`, { json: { type: 'transfer', expectedSeq: await seqOf(id), toStep: 1, note: null } }));
    },
    claim: async (w, r, f) => {
      const id = dossierOf(r, f).id;
      return status(send(w, 'POST', `/api/v1/dossiers/${id}/actions`, { json: { type: 'claim', expectedSeq: await seqOf(id) } }));
    },
    bulkClaim: async (w, r, f) => {
      const id = dossierOf(r, f).id;
      const res = await send(w, 'POST', '/api/v1/dossiers/bulk-actions', {
        json: { command: { type: 'claim' }, items: [{ id, expectedSeq: await seqOf(id) }] },
      });
      if (res.statusCode !== 200) return res.statusCode;
      const [item] = (res.json() as { items: ({ ok: true } | { ok: false; code: ErrorCode })[] }).items;
      return item!.ok ? 200 : ERROR_STATUS[item!.code];
    },
    // Fees and their payment
    payments: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/payments`)),
    payOnline: (w, r) => status(send(w, 'POST', `/api/v1/dossiers/${dossierOf(r).id}/payments`, { json: { provider: 'vnpay' } })),
    payOnlineDue: (w) => status(send(w, 'POST', `/api/v1/dossiers/${fees.due.id}/payments`, { json: { provider: 'vnpay' } })),
    payDesk: (w, r, f) => status(send(w, 'POST', `/api/v1/dossiers/${dossierOf(r, f).id}/payments/desk`, { json: { method: 'cash', note: null } })),
    addFee: (w, r, f) =>
      status(
        send(w, 'POST', `/api/v1/dossiers/${dossierOf(r, f).id}/fees`, {
          json: { name: 'Phí thử ma trận quyền', kind: 'fee', amount: 5000, moment: 'result', reason: 'Thử ma trận quyền', replaces: null },
        }),
      ),
    receipt: (w, r) => {
      const { id, receiptId } = fees.receipts[kindOf(r) as 'online' | 'department'];
      return status(send(w, 'GET', `/api/v1/dossiers/${id}/receipts/${receiptId}`));
    },
    receiptMissing: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/${dossierOf(r).id}/receipts/${randomUUID()}`)),
    paymentTasks: (w) => status(send(w, 'GET', '/api/v1/payments/tasks')),
    paymentTasksLists: async (w, r) => {
      const res = await send(w, 'GET', '/api/v1/payments/tasks');
      if (res.statusCode !== 200) return res.statusCode;
      return (res.json() as { items: { attempt: { id: string } }[] }).items.some((t) => t.attempt.id === transferOf(r).attemptId) ? 200 : 404;
    },
    resolveMissing: (w) =>
      status(send(w, 'POST', `/api/v1/payments/${randomUUID()}/resolve`, { json: { resolution: 'checked', expectedVersion: 0, note: 'Thử ma trận quyền' } })),
    resolveTransfer: (w, r) => {
      const { attemptId, version } = transferOf(r);
      return status(
        send(w, 'POST', `/api/v1/payments/${attemptId}/resolve`, { json: { resolution: 'checked', expectedVersion: version, note: 'Thử ma trận quyền' } }),
      );
    },
    reconciliation: (w) => status(send(w, 'GET', '/api/v1/payments/reconciliation')),
    reconciliationLists: async (w, r) => {
      const res = await send(w, 'GET', `/api/v1/payments/reconciliation?date=${feesDay}`);
      if (res.statusCode !== 200) return res.statusCode;
      return (res.json() as { mismatches: { attempt: { id: string } }[] }).mismatches.some((m) => m.attempt.id === transferOf(r).attemptId) ? 200 : 404;
    },
    ipnGet: (w) => refusedWord(send(w, 'GET', `/api/v1/payments/vnpay/ipn?${new URLSearchParams(FORGED_VNPAY)}`), 'RspCode', '97'),
    ipnPost: (w) => refusedWord(send(w, 'POST', '/api/v1/payments/vnpay/ipn', { json: FORGED_VNPAY }), 'RspCode', '97'),
    platformConfirm: (w) => refusedWord(send(w, 'POST', '/api/v1/payments/national-platform/confirm', { json: FORGED_PLATFORM }), 'MaLoi', '99'),
    paymentReturn: (w) => status(send(w, 'GET', '/api/v1/payments/return/vnpay')),
    // Intake
    submitOnline: (w) => status(send(w, 'POST', '/api/v1/dossiers', { json: { procedureCode: '1.001193', channel: 'online', unitCode: UNITS.ward } })),
    receiveWard: (w) => status(send(w, 'POST', '/api/v1/dossiers', counter('1.001193', UNITS.ward))),
    receiveDepartment: (w) => status(send(w, 'POST', '/api/v1/dossiers', counter('2.000488', UNITS.justice))),
    receiveRemote: (w) => status(send(w, 'POST', '/api/v1/dossiers', counter('2.000635', UNITS.ward))),
    // Public
    health: (w) => status(send(w, 'GET', '/api/v1/health')),
    portalSettings: (w) => status(send(w, 'GET', '/api/v1/portal/settings')),
    units: (w) => status(send(w, 'GET', '/api/v1/units')),
    // Logging in replaces the caller's session: the client carries the new one on (to the logout row).
    login: async (w) => {
      const res = await send(w, 'POST', '/api/v1/auth/login', { json: { username: 'chuyenvien.congan', password: DEMO_PASSWORD } });
      const client = h.clients[w];
      const cookie = res.cookies.find((c) => c.name === 'motcua_session');
      if (client && res.statusCode === 200 && cookie) {
        client.cookie = `motcua_session=${cookie.value}`;
        client.csrf = (res.json() as { csrfToken: string }).csrfToken;
      }
      return res.statusCode;
    },
    oidcStart: (w) => status(send(w, 'GET', '/api/v1/auth/oidc/start')),
    oidcCallback: (w) => status(send(w, 'GET', '/api/v1/auth/oidc/callback?error=access_denied')),
    holidays: (w) => status(send(w, 'GET', '/api/v1/calendar/holidays?year=2026')),
    due: (w) => status(send(w, 'GET', `/api/v1/calendar/due?from=${encodeURIComponent('2026-11-23T09:00:00+07:00')}&amount=3&unit=working_days`)),
    officeHours: (w) => status(send(w, 'GET', `/api/v1/units/${UNITS.ward}/office-hours`)),
    procedures: (w) => status(send(w, 'GET', '/api/v1/procedures?pageSize=5')),
    fields: (w) => status(send(w, 'GET', '/api/v1/procedure-fields')),
    procedure: (w) => status(send(w, 'GET', '/api/v1/procedures/1.001193')),
    versions: (w) => status(send(w, 'GET', '/api/v1/procedures/1.001193/versions')),
    qrSvg: (w) => status(send(w, 'GET', '/api/v1/procedures/1.001193/qr.svg')),
    qrPng: (w) => status(send(w, 'GET', '/api/v1/procedures/1.001193/qr.png')),
    listing: (w) => status(send(w, 'GET', `/api/v1/units/${UNITS.ward}/procedures.pdf`)),
    feed: (w) => status(send(w, 'GET', '/api/v1/catalogue/feed.atom')),
    exportJson: (w) => status(send(w, 'GET', '/api/v1/procedures/export')),
    exportXlsx: (w) => status(send(w, 'GET', '/api/v1/procedures/export.xlsx')),
    publicLookup: (w) => status(send(w, 'GET', `/api/v1/public/dossiers/${shared.ward.code}`)),
    openapi: (w) => status(send(w, 'GET', '/api/v1/openapi.json')),
    draftFile: (w) => status(send(w, 'GET', `/api/v1/publication-decisions/${draftId}/file`)),
    // Sessions, queues, notifications
    session: (w) => status(send(w, 'GET', '/api/v1/auth/session')),
    me: (w) => status(send(w, 'GET', '/api/v1/auth/me')),
    supplementRule: (w) => status(send(w, 'GET', `/api/v1/units/${UNITS.ward}/supplement-rule`)),
    dueSoon: (w) => status(send(w, 'GET', '/api/v1/dossiers/due-soon')),
    dueSoonUnit: (w, r) => status(send(w, 'GET', `/api/v1/dossiers/due-soon?unit=${unitOf(r)}`)),
    notifications: (w) => status(send(w, 'GET', '/api/v1/me/notifications')),
    notificationsRead: (w) => status(send(w, 'POST', '/api/v1/me/notifications/read', { json: { ids: null } })),
    calendarReview: (w) => status(send(w, 'GET', '/api/v1/calendar/review')),
    // Units
    officials: (w, r) => status(send(w, 'GET', `/api/v1/units/${unitOf(r)}/officials`)),
    registerPdf: (w, r) => status(send(w, 'GET', `/api/v1/units/${unitOf(r)}/dossier-register.pdf?from=${today}&to=${today}`)),
    registerXlsx: (w, r) => status(send(w, 'GET', `/api/v1/units/${unitOf(r)}/dossier-register.xlsx?from=${today}&to=${today}`)),
    registerLists: async (w, r) => {
      const res = await send(w, 'GET', `/api/v1/units/${UNITS.province}/dossier-register.xlsx?from=${today}&to=${today}`);
      if (res.statusCode !== 200) return res.statusCode;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const codes = new Set<string>();
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void codes.add(String(cell.value)))));
      return codes.has(dossierOf(r).code) ? 200 : 404;
    },
    // Audit
    audit: (w) => status(send(w, 'GET', '/api/v1/audit?limit=5')),
    auditUnit: (w, r) => status(send(w, 'GET', `/api/v1/audit?limit=5&unit=${unitOf(r)}`)),
    syncExport: (w) => status(send(w, 'GET', `/api/v1/dossiers/export?from=${today}&to=${today}`)),
    mailbox: (w) => status(send(w, 'GET', '/api/v1/demo/mailbox?limit=5')),
    // Calendar
    putYear: (w) => status(send(w, 'PUT', '/api/v1/calendar/years/2098', { json: { source: 'Thử ma trận quyền', days: [] } })),
    putYearProvince: (w, r) => status(send(w, 'PUT', `/api/v1/calendar/years/2098?province=${unitOf(r)}`, { json: { source: 'Thử ma trận quyền', days: [] } })),
    deleteYear: (w) => status(send(w, 'DELETE', '/api/v1/calendar/years/2098')),
    deleteYearProvince: (w, r) => status(send(w, 'DELETE', `/api/v1/calendar/years/2098?province=${unitOf(r)}`)),
    putYearIcal: (w) =>
      status(send(w, 'PUT', `/api/v1/calendar/years/2098/ical?source=${encodeURIComponent('Thử ma trận')}`, { raw: ICS, type: 'text/calendar' })),
    putYearIcalProvince: (w, r) =>
      status(
        send(w, 'PUT', `/api/v1/calendar/years/2098/ical?source=${encodeURIComponent('Thử ma trận')}&province=${unitOf(r)}`, {
          raw: ICS,
          type: 'text/calendar',
        }),
      ),
    putOfficeHours: (w, r) =>
      status(
        send(w, 'PUT', `/api/v1/units/${unitOf(r)}/office-hours`, {
          json: {
            intervals: [
              { start: '07:30', end: '11:30' },
              { start: '13:30', end: '17:00' },
            ],
            cutoff: null,
          },
        }),
      ),
    deleteOfficeHours: (w, r) => status(send(w, 'DELETE', `/api/v1/units/${unitOf(r)}/office-hours`)),
    putSupplementRule: (w, r) => status(send(w, 'PUT', `/api/v1/units/${unitOf(r)}/supplement-rule`, { json: { allowRepeatedSupplement: false } })),
    deleteSupplementRule: (w, r) => status(send(w, 'DELETE', `/api/v1/units/${unitOf(r)}/supplement-rule`)),
    changeReviewed: (w) => status(send(w, 'POST', '/api/v1/calendar/changes/999999999/reviewed')),
    // Catalogue
    check: (w) => status(send(w, 'POST', '/api/v1/procedures/check', { json: record })),
    legalDocuments: (w) => status(send(w, 'GET', '/api/v1/legal-documents')),
    addLegalDocument: (w) =>
      status(
        send(w, 'POST', '/api/v1/legal-documents', {
          json: { number: `${++serial}/2026/NĐ-MATRAN`, title: 'Văn bản thử ma trận quyền', issuer: 'Chính phủ', issuedOn: today, effectiveFrom: '2099-01-01' },
        }),
      ),
    decisions: (w) => status(send(w, 'GET', '/api/v1/publication-decisions')),
    draftDecision: (w, r) => status(draftDecision(w, unitOf(r))),
    decision: (w) => status(send(w, 'GET', `/api/v1/publication-decisions/${draftId}`)),
    decisionFile: (w) => status(send(w, 'PUT', `/api/v1/publication-decisions/${draftId}/file?name=qd.pdf`, { raw: PDF, type: 'application/pdf' })),
    publish: (w) => status(send(w, 'POST', `/api/v1/publication-decisions/${draftId}/publish`)),
    deleteDecision: async (w, _r, f) => status(send(w, 'DELETE', `/api/v1/publication-decisions/${f?.id ?? draftId}`)),
    watchdog: (w) => status(send(w, 'GET', '/api/v1/catalogue/watchdog')),
    addWebhook: (w) => status(send(w, 'POST', '/api/v1/webhooks', { json: { url: 'https://example.com/ma-tran' } })),
    addWebhookUnit: (w, r) => status(send(w, 'POST', '/api/v1/webhooks', { json: { url: 'https://example.com/ma-tran', unitCode: unitOf(r) } })),
    webhooks: (w) => status(send(w, 'GET', '/api/v1/webhooks')),
    deliveries: (w) => status(send(w, 'GET', `/api/v1/webhooks/${webhookId}/deliveries`)),
    deleteWebhook: (w) => status(send(w, 'DELETE', `/api/v1/webhooks/${randomUUID()}`)),
    importDryRun: (w) => status(send(w, 'POST', '/api/v1/procedures/import?dryRun=true', { raw: catalogueExport, type: 'application/json' })),
    // Scorecard
    scorecard: (w, r) => status(send(w, 'GET', `/api/v1/scorecard?${period(r)}`)),
    ranking: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/ranking?${period(r)}`)),
    settlementTimes: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/settlement-times?${period(r)}`)),
    trend: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/trend?unit=${unitOf(r)}&months=2`)),
    forecast: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/forecast?${period(r)}`)),
    drilldown: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/drilldown?${period(r)}&indicator=2.1&limit=5`)),
    settlementReport: (w, r) => status(send(w, 'GET', `/api/v1/reports/settlement?${period(r)}`)),
    lateness: (w, r) => status(send(w, 'GET', `/api/v1/scorecard/lateness?unit=${unitOf(r)}&from=${month}-01&to=${today}`)),
    scorecardSettings: (w) => status(send(w, 'GET', '/api/v1/scorecard/settings')),
    formulas: (w) => status(send(w, 'GET', '/api/v1/scorecard/formulas')),
    addFormula: (w) => status(send(w, 'POST', '/api/v1/scorecard/formulas', { json: {} })),
    logout: (w) => status(send(w, 'POST', '/api/v1/auth/logout')),
  };

  /** A fresh target for a consuming cell expected to succeed. */
  async function freshFor(row: Row): Promise<Dossier | undefined> {
    if (row.target !== 'none' && 'dossier' in row.target) return h.make(row.target.dossier);
    if (row.probe === 'deleteDecision') {
      const res = await draftDecision('admin', UNITS.province);
      return { id: (res.json() as { id: string }).id, code: '', fileId: null };
    }
    return undefined;
  }

  it('has a row for every operation of the served API, each with a probe, and only those', async () => {
    const served = operationsOf((await send('anonymous', 'GET', '/api/v1/openapi.json')).json());
    const rows = new Set(MATRIX.map((r) => r.operation));
    expect(
      served.map((o) => o.operation).filter((o) => !rows.has(o)),
      'operations without a row',
    ).toEqual([]);
    expect(
      [...rows].filter((o) => !served.some((s) => s.operation === o)),
      'rows for no served operation',
    ).toEqual([]);
    expect(
      MATRIX.map((r) => r.probe).filter((p) => !(p in PROBES)),
      'rows whose probe is missing',
    ).toEqual([]);
    // The document's security agrees with the table: an operation is secured iff anonymous callers get 401.
    const disagree = served.filter((o) => MATRIX.filter((r) => r.operation === o.operation).some((r) => (r.cells.anonymous === 'login') !== o.secured));
    expect(disagree.map((o) => o.operation)).toEqual([]);
  });

  it('counts as location-independent what a desk received for another local government, and only that', async () => {
    const flag = async (kind: DossierKind) =>
      ((await send('admin', 'GET', `/api/v1/dossiers/${shared[kind].id}`)).json() as { locationIndependent: boolean }).locationIndependent;
    expect(await flag('remote')).toBe(true);
    for (const kind of ['ward', 'online', 'department', 'sibling'] as const) expect(await flag(kind), kind).toBe(false);
  });

  it('holds every cell', async () => {
    const wrong: string[] = [];
    let tried = 0;
    // Rows that leave everything as it is first; those that change a dossier after them; those that replace or
    // end the session last.
    const session = ['login', 'logout'];
    const ordered = [
      ...MATRIX.filter((r) => !r.consumes),
      ...MATRIX.filter((r) => r.consumes && !session.includes(r.probe)),
      ...session.flatMap((p) => MATRIX.filter((r) => r.probe === p)),
    ];
    for (const row of ordered) {
      const probe = PROBES[row.probe]!;
      for (const [identity, expected] of Object.entries(row.cells) as [Identity, Expected][]) {
        const fresh = row.consumes && expected === 'ok' ? await freshFor(row) : undefined;
        const got = await probe(identity, row, fresh);
        tried++;
        if (!matches(expected, got)) wrong.push(`${describeCell(row, identity)}: expected ${expected}, got ${classOf(got)} (${got})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBe(MATRIX.length * Object.keys(IDENTITIES).length);
  }, 300_000);
});

type Expected = Row['cells'][Identity];
