/**
 * E-receipts (biên lai thu phí, lệ phí; template 01BLP, INTEGRATIONS §1.3): one per kind (phí, lệ phí) for every
 * paid attempt, numbered in a series per unit and year (at most 8 digits, 01/01–31/12), issued in the payment's
 * transaction by the local issuer; the PDF carries a QR code of the dossier's public status page. A provider's
 * own bill (the national platform's GET_BILL) is fetched on demand beside it.
 */
import { sql, type Transaction } from 'kysely';
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

/** Issue the receipts of a paid attempt: one per kind of its lines above 0 VND. */
export async function issueReceipts(trx: Transaction<DB>, attemptId: string, at: Date): Promise<void> {
  const attempt = await trx
    .selectFrom('payment_attempts as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .select(['p.id', 'p.dossier_id', 'p.unit_code', 'p.method', 'p.fee_ids', 'd.applicant'])
    .where('p.id', '=', attemptId)
    .executeTakeFirstOrThrow();
  if (attempt.fee_ids.length === 0) return;
  const lines = await trx
    .selectFrom('dossier_fees')
    .select(['kind', 'name', 'amount'])
    .where('id', 'in', attempt.fee_ids)
    .where('amount', '>', '0' as never)
    .orderBy('line')
    .execute();
  const series = receiptSeries(at);
  const payer = (attempt.applicant as { fullName?: string } | null)?.fullName ?? '';
  for (const kind of ['charge', 'fee'] as const satisfies FeeKind[]) {
    const ofKind: ReceiptLine[] = lines.filter((l) => l.kind === kind).map((l) => ({ name: l.name, amount: Number(l.amount) }));
    if (ofKind.length === 0) continue;
    const counter = await trx
      .insertInto('receipt_counters')
      .values({ unit_code: attempt.unit_code, series, last_number: 1 })
      .onConflict((oc) => oc.columns(['unit_code', 'series']).doUpdateSet({ last_number: sql<number>`receipt_counters.last_number + 1` }))
      .returning('last_number')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('payment_receipts')
      .values({
        attempt_id: attempt.id,
        dossier_id: attempt.dossier_id,
        unit_code: attempt.unit_code,
        kind,
        template: RECEIPT_TEMPLATE,
        series,
        number: counter.last_number,
        amount: ofKind.reduce((s, l) => s + l.amount, 0),
        lines: JSON.stringify(ofKind),
        payer_name: payer,
        method: attempt.method,
        issued_at: at,
      })
      .execute();
  }
}

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
  const r = await deps.db
    .selectFrom('payment_receipts')
    .selectAll()
    .where('id', '=', input.receiptId)
    .where('dossier_id', '=', input.dossierId)
    .executeTakeFirst();
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
