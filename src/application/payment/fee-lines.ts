/**
 * A dossier's fee lines, and what the statistics read from the payment records (issue 18): the dossier's
 * `fee_due` (a line above 0 VND that still counts: the 3.5 and 3.6 denominators), written here and only here;
 * "paid online" (3.5b, 3.6) is read by the statistics' source view from the attempts a gateway confirmed
 * (migration 20261207000300), never from a click.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { Channel, ProcedureFee } from '../../domain/catalogue/procedure.js';
import { feeKindOf, feeLinesAtIntake, type FeeLine, type FeeLineDraft, type FeeMoment } from '../../domain/payment/fees.js';
import { followDossiers } from '../scorecard/statistics.js';
import { issueReceipts } from './receipts.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The intake's lines, from the procedure version's schedule at the channel's amounts. Returns whether a fee is due. */
export async function addIntakeFeeLines(trx: Transaction<DB>, dossierId: string, fees: readonly ProcedureFee[], channel: Channel, at: Date): Promise<boolean> {
  const drafts = feeLinesAtIntake(fees, channel);
  if (drafts.length === 0) return false;
  await trx
    .insertInto('dossier_fees')
    .values(drafts.map((d, i) => lineRow(dossierId, i + 1, d, 'catalogue', null, at)))
    .execute();
  return drafts.some((d) => d.amount > 0);
}

export function lineRow(dossierId: string, line: number, d: FeeLineDraft, source: 'catalogue' | 'official', createdBy: string | null, at: Date) {
  return {
    dossier_id: dossierId,
    line,
    kind: d.kind,
    name: d.name,
    amount: d.amount,
    moment: d.moment,
    basis: d.basis,
    source,
    created_by: createdBy,
    created_at: at,
  };
}

/** The next line number of a dossier, as an expression (the dossier row is locked by the caller). */
export const nextLine = (dossierId: string) => sql<number>`(select coalesce(max(line), 0) + 1 from dossier_fees where dossier_id = ${dossierId})`;

export interface StoredFeeLine extends FeeLine {
  line: number;
  basis: string;
  source: 'catalogue' | 'official';
  paidBy: string | null;
  replacedBy: string | null;
  createdAt: Date;
}

export async function loadFeeLines(db: Db, dossierId: string): Promise<StoredFeeLine[]> {
  const [rows, transfers] = await Promise.all([
    db.selectFrom('dossier_fees').selectAll().where('dossier_id', '=', dossierId).orderBy('line').execute(),
    db.selectFrom('payment_attempts').select('fee_ids').where('dossier_id', '=', dossierId).where('status', '=', 'awaitingConfirmation').execute(),
  ]);
  const held = new Set(transfers.flatMap((t) => t.fee_ids));
  return rows.map((r) => ({
    id: r.id,
    line: r.line,
    kind: r.kind,
    name: r.name,
    amount: Number(r.amount),
    moment: r.moment,
    basis: r.basis,
    source: r.source,
    replaced: r.replaced_by !== null,
    replacedBy: r.replaced_by,
    paid: r.paid_by !== null || r.settled_before,
    held: held.has(r.id),
    paidBy: r.paid_by,
    createdAt: r.created_at,
  }));
}

/** Recompute `fee_due` from the lines, and let the statistics follow (they read the payments themselves). */
export async function refreshPaymentColumns(trx: Transaction<DB>, dossierIds: readonly string[]): Promise<void> {
  if (dossierIds.length === 0) return;
  await trx
    .updateTable('dossiers as d')
    .set({
      fee_due: sql<boolean>`exists (select 1 from dossier_fees f where f.dossier_id = d.id and f.amount > 0 and f.replaced_by is null)`,
    })
    .where('d.id', 'in', dossierIds)
    .execute();
  await followDossiers(trx, dossierIds);
}

/** The line of an official's "Yêu cầu thực hiện nghĩa vụ tài chính" (requestFee): its note names it and says why. */
export function officialFeeLine(dossierId: string, command: { amount: number; note: string | null }, officialId: string, at: Date) {
  const name = command.note?.trim() || 'Nghĩa vụ tài chính theo yêu cầu của cơ quan giải quyết';
  const draft: FeeLineDraft = {
    kind: feeKindOf(name),
    name,
    amount: command.amount,
    moment: 'supplement',
    basis: command.note?.trim() || 'Theo yêu cầu của cơ quan giải quyết',
  };
  return { ...lineRow(dossierId, 0, draft, 'official', officialId, at), line: nextLine(dossierId) };
}

/** Mark an attempt's lines paid by it, in the caller's transaction; false when another payment took one of them first. */
export async function payLines(trx: Transaction<DB>, attemptId: string, feeIds: readonly string[], at: Date): Promise<boolean> {
  // Lines are locked in their dossier's order, as a gateway's word locks them (apply-gateway-outcome.ts).
  const locked = await trx.selectFrom('dossier_fees').select(['id', 'paid_by', 'replaced_by']).where('id', 'in', feeIds).orderBy('line').forUpdate().execute();
  if (locked.some((l) => (l.paid_by !== null && l.paid_by !== attemptId) || l.replaced_by !== null)) return false;
  await trx.updateTable('dossier_fees').set({ paid_by: attemptId }).where('id', 'in', feeIds).execute();
  await issueReceipts(trx, attemptId, at);
  return true;
}

const MOMENT_OF_HINH_THUC_THU: Record<string, FeeMoment> = { '1': 'submission', '2': 'supplement', '4': 'result' };

/**
 * The fee lines of an imported dossier, from its DanhSachLePhi (LoaiPhiLePhi 1 phí, 2 lệ phí; HinhThucThu 1, 2,
 * 4): settled where it came from, so nothing is owed for them here. When the record says a gateway confirmed the
 * payment (DuocThanhToanTrucTuyen 1 the national platform, 2 the province's), that payment is recorded as such,
 * so that the figures of a province moved into motcua stay what they were.
 */
export function importedPayments(
  dossier: { id: string; code: string; unitCode: string; at: Date },
  record: { DuocThanhToanTrucTuyen: string; DanhSachLePhi: readonly { TenPhiLePhi: string; Gia: string; HinhThucThu: string; LoaiPhiLePhi: string }[] },
) {
  const attemptId = randomUUID();
  const fees = record.DanhSachLePhi.map((f, i) => ({
    ...lineRow(
      dossier.id,
      i + 1,
      {
        kind: f.LoaiPhiLePhi === '1' ? ('fee' as const) : f.LoaiPhiLePhi === '2' ? ('charge' as const) : feeKindOf(f.TenPhiLePhi),
        name: f.TenPhiLePhi.slice(0, 300) || 'Phí, lệ phí',
        amount: Math.max(0, Math.round(Number(f.Gia) || 0)),
        moment: MOMENT_OF_HINH_THUC_THU[f.HinhThucThu] ?? 'submission',
        basis: 'Theo hồ sơ đồng bộ từ hệ thống khác',
      },
      'catalogue',
      null,
      dossier.at,
    ),
    id: randomUUID(),
    settled_before: true,
    paid_by: null as string | null,
  }));
  const owed = fees.filter((f) => f.amount > 0);
  const method = record.DuocThanhToanTrucTuyen === '1' ? ('nationalPlatform' as const) : record.DuocThanhToanTrucTuyen === '2' ? ('vnpay' as const) : null;
  if (!method || owed.length === 0) return { fees, attempts: [] };
  for (const f of owed) f.paid_by = attemptId;
  const amount = owed.reduce((sum, f) => sum + f.amount, 0);
  const attempts = [
    {
      id: attemptId,
      dossier_id: dossier.id,
      unit_code: dossier.unitCode,
      method,
      reference: `NHAP${dossier.code.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 100),
      amount,
      fee_ids: JSON.stringify(owed.map((f) => f.id)),
      status: 'paid' as const,
      description: 'Thanh toán trực tuyến ghi nhận theo hồ sơ đồng bộ từ hệ thống khác',
      created_at: dossier.at,
      settled_at: dossier.at,
      paid_amount: amount,
      note: `DuocThanhToanTrucTuyen ${record.DuocThanhToanTrucTuyen} trong hồ sơ nhập`,
    },
  ];
  return { fees, attempts };
}
