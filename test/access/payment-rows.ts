/**
 * The access matrix's rows for fees and their payment (issue 18): routes in src/http/routes/payments.ts, rules in
 * src/application/payment/. Part of MATRIX (test/access/matrix.ts), whose header gives the rules and relations.
 */
import { withRole, minus, cells, PUBLIC, capable, SEE, KINDS, onDossier, dossierRows, type Row } from './cells.js';
import type { DossierKind, Identity } from './fixture.js';

/*
 * What the matrix's dossiers owe: nothing for 1.001193 (a birth registration registered on time is free: one line
 * of 0 ₫), 205.000 ₫ for 2.000488 (department) and 8.000 ₫ for 2.000635 (remote, remoteProcessing), each collected
 * at submission. Where a cell needs a fee owed or paid, the probe uses a dossier of the row's kind, in the same
 * state, from test/access/harness.ts makeFeeDossiers: an online one of 1.004873 (10.000 ₫ at submission) that owes
 * it; one of the same paid online and a department one paid in cash, with their receipts; a department and a remote
 * one whose bank transfer, reported at the provincial centre's desk, waits for an accountant.
 */

/** payment.manage (roles.ts): desk officers and leaders. The route refuses everyone else 403 before it reads the dossier. */
const COLLECTORS = withRole('desk_officer', 'leader');
const NOT_COLLECTORS = withRole('citizen', 'specialist', 'monitor', 'admin');
/** Neither payment.manage nor dossier.process: may not add or adjust a fee line (adjust-fee-line.ts). */
const NO_FEE_LINES = withRole('citizen', 'monitor', 'admin');
/**
 * The holders of payment.manage who cover the unit a payment is made to (coversUnit of the dossier's competent
 * unit: the accountant's tasks). The provincial centre received the remote dossier and collects its fees at its
 * desk, but a commune's payments are the commune's: it does not find them among its tasks.
 */
const ACCOUNTANTS_OF: Partial<Record<DossierKind, readonly Identity[]>> = {
  department: ['deskProvince', 'leaderDepartment'],
  remote: ['deskOwn', 'leaderOwn'],
};
const accountantsOf = (kind: DossierKind): readonly Identity[] => ACCOUNTANTS_OF[kind] ?? [];
/** The reconciliation covers the same units, for the holders of payment.manage or scorecard.view. */
const RECONCILED_BY = withRole('desk_officer', 'leader', 'monitor', 'admin');
const PROVINCE_READERS: Identity[] = ['monitor', 'admin'];

export const PAYMENT_ROWS: Row[] = [
  // What a dossier owes and how it was paid: whoever sees the dossier.
  ...dossierRows('GET /api/v1/dossiers/{id}/payments', 'payments', KINDS, (k) => onDossier(k, SEE[k])),
  // Paying online is the applicant's alone (start-online-payment.ts): whoever else sees the dossier 403. The
  // applicant's dossiers of 1.001193 owe nothing: 409 NOTHING_TO_PAY.
  ...dossierRows('POST /api/v1/dossiers/{id}/payments', 'payOnline', ['online', 'returned', 'department'], (k) =>
    cells('hidden', { forbidden: minus(SEE[k], 'citizenOwner'), refused: SEE[k].filter((i) => i === 'citizenOwner') }),
  ),
  {
    operation: 'POST /api/v1/dossiers/{id}/payments',
    probe: 'payOnlineDue',
    target: { dossier: 'online' },
    cells: onDossier('online', ['citizenOwner'], 'forbidden'),
    note: 'an online dossier of 1.004873 that owes 10.000 ₫: the applicant is sent to VNPay (the local gateway); an attempt is recorded, the dossier stays as it is',
  },
  // Cash at the desk: payment.manage first (route), then the dossier (404 when hidden), then what is owed. Every
  // collector who sees a dossier acts for one of its units (receiving, competent, step), so none gets 403 FORBIDDEN_UNIT.
  ...dossierRows(
    'POST /api/v1/dossiers/{id}/payments/desk',
    'payDesk',
    ['ward', 'department', 'remote'],
    (k) => cells('hidden', { forbidden: NOT_COLLECTORS, [k === 'ward' ? 'refused' : 'ok']: SEE[k].filter((i) => COLLECTORS.includes(i)) }),
    { consumes: true, note: 'cash; the ward dossier (1.001193) owes nothing: 409 NOTHING_TO_PAY' },
  ),
  // A fee line: the officials with payment.manage or dossier.process who act for the dossier; those who see it
  // without either (its applicant, monitors, administrators) 403.
  ...dossierRows(
    'POST /api/v1/dossiers/{id}/fees',
    'addFee',
    ['ward', 'online', 'department', 'remote'],
    (k) => cells('hidden', { forbidden: SEE[k].filter((i) => NO_FEE_LINES.includes(i)), ok: minus(SEE[k], ...NO_FEE_LINES) }),
    { consumes: true },
  ),
  ...dossierRows('GET /api/v1/dossiers/{id}/receipts/{receiptId}', 'receipt', ['online', 'department'], (k) => onDossier(k, SEE[k]), {
    note: 'a receipt of the dossier: the online one of 1.004873 paid through VNPay, the department one paid in cash',
  }),
  ...dossierRows('GET /api/v1/dossiers/{id}/receipts/{receiptId}', 'receiptMissing', ['online', 'department', 'remote'], (k) =>
    cells('hidden', { missing: SEE[k] }),
  ),
  // The accountant's tasks and their resolution: payment.manage, in the units the official covers.
  { operation: 'GET /api/v1/payments/tasks', probe: 'paymentTasks', target: 'none', cells: capable('desk_officer', 'leader') },
  ...dossierRows(
    'GET /api/v1/payments/tasks',
    'paymentTasksLists',
    ['department', 'remote'],
    (k) => cells('forbidden', { ok: accountantsOf(k), hidden: minus(COLLECTORS, ...accountantsOf(k)) }),
    { note: 'a bank transfer’s proof waiting for the accountant: ok, listed; hidden, not listed' },
  ),
  {
    operation: 'POST /api/v1/payments/{attemptId}/resolve',
    probe: 'resolveMissing',
    target: 'none',
    cells: cells('forbidden', { missing: COLLECTORS }),
    note: 'an attempt id that does not exist',
  },
  ...dossierRows(
    'POST /api/v1/payments/{attemptId}/resolve',
    'resolveTransfer',
    ['department', 'remote'],
    (k) => cells('forbidden', { refused: accountantsOf(k), hidden: minus(COLLECTORS, ...accountantsOf(k)) }),
    { note: 'the bank transfer’s task "checked" (a transfer is confirmed or rejected): 409 ACTION_NOT_AVAILABLE to whoever finds it, nothing changes' },
  ),
  // The day's reconciliation: payment.manage or scorecard.view (the use case), for the units the official covers.
  { operation: 'GET /api/v1/payments/reconciliation', probe: 'reconciliation', target: 'none', cells: cells('forbidden', { ok: RECONCILED_BY }) },
  ...dossierRows(
    'GET /api/v1/payments/reconciliation',
    'reconciliationLists',
    ['department', 'remote'],
    (k) => {
      const ok = [...accountantsOf(k), ...PROVINCE_READERS];
      return cells('forbidden', { ok, hidden: minus(RECONCILED_BY, ...ok) });
    },
    { note: 'today’s bank transfer waiting for confirmation: ok, among the mismatches; hidden, not' },
  ),
  // The gateways' calls: public, trusted only through their signatures, answered in the gateway's protocol.
  ...(
    [
      ['GET /api/v1/payments/vnpay/ipn', 'ipnGet'],
      ['POST /api/v1/payments/vnpay/ipn', 'ipnPost'],
      ['POST /api/v1/payments/national-platform/confirm', 'platformConfirm'],
    ] as const
  ).map(([operation, probe]): Row => ({
    operation,
    probe,
    target: 'none',
    cells: PUBLIC,
    note: 'a forged word (our merchant account, a wrong signature): 200 with the protocol’s refusal (RspCode 97, MaLoi 99), nothing changes',
  })),
  {
    operation: 'GET /api/v1/payments/return/{provider}',
    probe: 'paymentReturn',
    target: 'none',
    cells: PUBLIC,
    note: 'the browser back from the gateway: 303 to the portal',
  },
];
