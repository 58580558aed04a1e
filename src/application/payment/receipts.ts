/**
 * E-receipts (biên lai thu phí, lệ phí; template 01BLP, INTEGRATIONS §1.3): one per kind (phí, lệ phí) for every
 * paid attempt, numbered in a series per unit and year (at most 8 digits, 01/01–31/12) by the local issuer: a
 * gateway's payment has its receipts issued and numbered in a batch after it commits (numberUnitReceipts); cash
 * and confirmed transfers write theirs in their own transaction. The PDF carries a QR code of the dossier's
 * public status page. The national platform's own bill (GET_BILL) is available through its adapter.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { FEE_KIND_LABELS, formatVnd, type FeeKind } from '../../domain/payment/fees.js';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../domain/payment/payment.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { localMinutesFromUtcMs } from '../../domain/calendar/working-time.js';
import { pdfFile, type DocumentFile } from '../document-file.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { hourMinuteDateText, issuingBody, placeAndDate, publicStatusUrl } from '../dossier/forms/form-basis.js';
import { amountInWords } from '../../domain/payment/amount-in-words.js';

export const RECEIPT_TEMPLATE = '01BLP';
/** The series (ký hiệu) of a year's electronic receipts: "BL" + two digits of the year + "E" (electronic). */
export const receiptSeries = (at: Date) => `BL${vietnamDate(at).slice(2, 4)}E`;

interface ReceiptLine {
  name: string;
  amount: number;
}

/** What a receipt is issued from: the attempt, its payer, and its lines (any kind, any amount). */
export interface ReceiptSource {
  attemptId: string;
  dossierId: string;
  unitCode: string;
  method: string;
  payerName: string;
  lines: readonly { kind: FeeKind; name: string; amount: number }[];
}

/** The rows of a paid attempt's receipts (one per kind of its lines above 0 VND), to insert with the payment; numbered after it commits. */
export function receiptRows(source: ReceiptSource, at: Date) {
  const series = receiptSeries(at);
  return (['charge', 'fee'] as const satisfies FeeKind[]).flatMap((kind) => {
    const ofKind: ReceiptLine[] = source.lines.filter((l) => l.kind === kind && l.amount > 0).map((l) => ({ name: l.name, amount: l.amount }));
    if (ofKind.length === 0) return [];
    return [
      {
        attempt_id: source.attemptId,
        dossier_id: source.dossierId,
        unit_code: source.unitCode,
        kind,
        template: RECEIPT_TEMPLATE,
        series,
        number: null,
        amount: ofKind.reduce((sum, l) => sum + l.amount, 0),
        lines: JSON.stringify(ofKind),
        payer_name: source.payerName,
        method: source.method,
        issued_at: at,
      },
    ];
  });
}

export async function issueReceiptsFor(trx: Transaction<DB>, source: ReceiptSource, at: Date): Promise<void> {
  const rows = receiptRows(source, at);
  if (rows.length > 0) await trx.insertInto('payment_receipts').values(rows).execute();
}

/** Two 32-bit keys of the advisory lock that orders the receipts of one unit. */
const NUMBERING_LOCK = 18;
const lockKey = (unitCode: string) => {
  let h = 0x811c9dc5;
  for (const c of unitCode) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h | 0;
};

/**
 * Issue and number a unit's receipts, in its series without gaps (one series a year, 01/01–31/12), in a batch. A
 * payment confirmed by a gateway only marks its attempt `receipts_due` in its own statement: neither the unit's
 * counter nor the receipts' rows are written in the payment's transaction, so a unit's payments do not queue
 * behind each other's commits (bench/payments.ts). Here, under the unit's lock: one receipt per kind (phí, lệ phí)
 * of every attempt due, then a number for every receipt without one. A caller that finds the lock taken leaves
 * its receipts to the holder, which looks again after its commit (which comes after this caller's own commit:
 * it found the lock taken only after committing).
 */
export async function numberUnitReceipts(db: Kysely<DB>, unitCode: string): Promise<number> {
  let total = 0;
  for (;;) {
    const numbered = await db.transaction().execute(async (trx) => {
      const { rows: locked } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${NUMBERING_LOCK}, ${lockKey(unitCode)}) as ok`.execute(trx);
      if (!locked[0]?.ok) return null;
      await sql`
        with due as (
          update payment_attempts set receipts_due = false where unit_code = ${unitCode} and receipts_due
          returning id, dossier_id, unit_code, method, settled_at
        )
        insert into payment_receipts (attempt_id, dossier_id, unit_code, kind, template, series, number, amount, lines, payer_name, method, issued_at)
        select due.id, due.dossier_id, due.unit_code, f.kind, ${RECEIPT_TEMPLATE},
               'BL' || to_char((due.settled_at at time zone 'UTC') + interval '7 hours', 'YY') || 'E', null, sum(f.amount),
               jsonb_agg(jsonb_build_object('name', f.name, 'amount', f.amount) order by f.line), coalesce(d.applicant ->> 'fullName', ''), due.method, due.settled_at
        from due
        join dossier_fees f on f.paid_by = due.id and f.amount > 0
        join dossiers d on d.id = due.dossier_id
        group by due.id, due.dossier_id, due.unit_code, due.method, due.settled_at, f.kind, d.applicant
        on conflict (attempt_id, kind) do nothing`.execute(trx);
      const { rows } = await sql<{ n: number }>`
        with pending as (
          select id, series, row_number() over (partition by series order by issued_at, id) as k
          from payment_receipts where unit_code = ${unitCode} and number is null
        ),
        base as (
          select s.series, coalesce(c.last_number, 0) as last
          from (select distinct series from pending) s
          left join receipt_counters c on c.unit_code = ${unitCode} and c.series = s.series
        ),
        numbered as (
          update payment_receipts r set number = base.last + pending.k
          from pending join base on base.series = pending.series
          where r.id = pending.id returning r.series, r.number
        ),
        counter as (
          insert into receipt_counters (unit_code, series, last_number)
          select ${unitCode}, series, max(number) from numbered group by series
          on conflict (unit_code, series) do update set last_number = excluded.last_number
        )
        select count(*)::int as n from numbered`.execute(trx);
      return Number(rows[0]?.n ?? 0);
    });
    if (numbered === null) return total;
    total += numbered;
    // Receipts due by callers that found the lock taken while it was held are issued by the next turn.
    const waiting = await db
      .selectFrom('payment_attempts')
      .select('id')
      .where('unit_code', '=', unitCode)
      .where('receipts_due', '=', true)
      .union(db.selectFrom('payment_receipts').select('id').where('unit_code', '=', unitCode).where('number', 'is', null))
      .limit(1)
      .executeTakeFirst();
    if (!waiting) return total;
  }
}

/** A dossier's receipts, numbered: receipts still due for it (its payment just committed) are issued now. */
export async function numberedReceiptsOf(db: Kysely<DB>, dossierId: string) {
  const read = () => db.selectFrom('payment_receipts').selectAll().where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('kind').execute();
  const due = await db
    .selectFrom('payment_attempts')
    .select('unit_code')
    .where('dossier_id', '=', dossierId)
    .where('receipts_due', '=', true)
    .union(db.selectFrom('payment_receipts').select('unit_code').where('dossier_id', '=', dossierId).where('number', 'is', null))
    .execute();
  for (const unit of new Set(due.map((d) => d.unit_code))) await numberUnitReceipts(db, unit);
  // A receipt that another caller is issuing at this moment shows at the next read.
  return (await read()).flatMap((r) => (r.number === null ? [] : [{ ...r, number: r.number }]));
}

/** Issue and number every receipt still waiting, unit by unit: the numbering job's run. */
export async function numberWaitingReceipts(db: Kysely<DB>): Promise<number> {
  const units = await db
    .selectFrom('payment_attempts')
    .select('unit_code')
    .where('receipts_due', '=', true)
    .union(db.selectFrom('payment_receipts').select('unit_code').where('number', 'is', null))
    .execute();
  let n = 0;
  for (const unit of new Set(units.map((u) => u.unit_code))) n += await numberUnitReceipts(db, unit);
  return n;
}

/** Issue the receipts of a paid attempt, reading what they are issued from. */
export async function issueReceipts(trx: Transaction<DB>, attemptId: string, at: Date): Promise<void> {
  const attempt = await trx
    .selectFrom('payment_attempts as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select(['p.id', 'p.dossier_id', 'p.unit_code', 'p.method', 'p.fee_ids', 'd.applicant'])
    .where('p.id', '=', attemptId)
    .executeTakeFirstOrThrow();
  if (attempt.fee_ids.length === 0) return;
  const lines = await trx.selectFrom('dossier_fees').select(['kind', 'name', 'amount']).where('id', 'in', attempt.fee_ids).orderBy('line').execute();
  await issueReceiptsFor(
    trx,
    {
      attemptId: attempt.id,
      dossierId: attempt.dossier_id,
      unitCode: attempt.unit_code,
      method: attempt.method,
      payerName: payerNameOf(attempt.applicant),
      lines: lines.map((l) => ({ kind: l.kind, name: l.name, amount: Number(l.amount) })),
    },
    at,
  );
}

/** The payer's name as the dossier records the applicant (never the ID number). */
export const payerNameOf = (applicant: unknown): string => (applicant as { fullName?: string } | null)?.fullName ?? '';

/** "00000012" */
export const receiptNumber = (n: number) => String(n).padStart(8, '0');

/** The receipt of a dossier as a PDF, for the applicant and the officials who see the dossier. */
export async function readReceipt(
  deps: AppDeps & { publicUrl: string },
  input: { dossierId: string; receiptId: string; meta: RequestMeta },
): Promise<Result<DocumentFile>> {
  const seen = await findVisibleDossier(deps, input.dossierId, input.meta);
  if (!seen.ok) return seen;
  if (!/^[0-9a-f-]{36}$/i.test(input.receiptId)) return fail('RECEIPT_NOT_FOUND');
  const r = (await numberedReceiptsOf(deps.db, input.dossierId)).find((x) => x.id === input.receiptId);
  if (!r) return fail('RECEIPT_NOT_FOUND');
  const tree = deps.units.tree();
  const lines = r.lines as ReceiptLine[];
  const amount = Number(r.amount);
  const issued = localMinutesFromUtcMs(r.issued_at.getTime());
  const label = FEE_KIND_LABELS[r.kind as FeeKind].toLowerCase();
  const code = seen.value.row.code;
  return ok(
    await pdfFile(
      {
        title: `Biên lai thu ${label} ${r.series} số ${receiptNumber(r.number)}`,
        formLine: `Mẫu số ${r.template}`,
        body: issuingBody(tree, r.unit_code),
        placeAndDate: placeAndDate(tree, r.unit_code, issued),
        reference: `Ký hiệu: ${r.series} – Số: ${receiptNumber(r.number)}`,
        heading: [{ text: `BIÊN LAI THU ${label.toLocaleUpperCase('vi')} ĐIỆN TỬ` }, { text: '(Không có mệnh giá)', size: 10, style: 'italic' }],
        blocks: [
          { kind: 'field', label: 'Họ và tên người nộp', value: r.payer_name || '—' },
          { kind: 'field', label: 'Mã hồ sơ', value: code },
          { kind: 'field', label: 'Hình thức thanh toán', value: PAYMENT_METHOD_LABELS[r.method as PaymentMethod] ?? r.method },
          { kind: 'field', label: 'Thời điểm thu', value: hourMinuteDateText(issued) },
          {
            kind: 'table',
            columns: [
              { header: 'STT', width: 30, align: 'center' },
              { header: `Tên khoản ${label}`, width: 'fill' },
              { header: 'Số tiền', width: 110, align: 'right' },
            ],
            rows: [
              ...lines.map((l, i) => ({ cells: [String(i + 1), l.name, formatVnd(l.amount)] })),
              { cells: ['', { text: 'Tổng cộng', style: 'bold' as const }, { text: formatVnd(amount), style: 'bold' as const }] },
            ],
          },
          { kind: 'field', label: 'Số tiền bằng chữ', value: amountInWords(amount) },
        ],
        signatures: [{ title: 'Người nộp tiền' }, { title: 'Đơn vị thu', note: '(Biên lai điện tử, không cần chữ ký)' }],
        qr: { url: publicStatusUrl(deps.publicUrl, code), caption: 'Quét mã để tra cứu hồ sơ và biên lai' },
        footer: `Biên lai ${r.series} số ${receiptNumber(r.number)} – hồ sơ ${code}`,
      },
      `bien-lai-${r.series}-${receiptNumber(r.number)}.pdf`,
    ),
  );
}
