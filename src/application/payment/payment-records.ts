/** The payment records of a batch of dossiers, as the export reads them: gateway confirmations and current fee lines. */
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { GatewayConfirmation } from '../../domain/dossier/online-payment.js';
import type { FeeKind, FeeMoment } from '../../domain/payment/fees.js';
import { localMinutesFromUtcMs } from '../../domain/calendar/working-time.js';

export interface ExportedFeeLine {
  name: string;
  kind: FeeKind;
  amount: number;
  moment: FeeMoment;
}

export async function paymentRecords(
  db: Kysely<DB>,
  dossierIds: readonly string[],
): Promise<{ confirmations: Map<string, GatewayConfirmation[]>; lines: Map<string, ExportedFeeLine[]> }> {
  const confirmations = new Map<string, GatewayConfirmation[]>();
  const lines = new Map<string, ExportedFeeLine[]>();
  if (dossierIds.length === 0) return { confirmations, lines };
  const [paid, fees] = await Promise.all([
    db
      .selectFrom('payment_attempts')
      .select(['dossier_id', 'method', 'paid_amount', 'amount', 'settled_at'])
      .where('dossier_id', 'in', dossierIds)
      .where('status', '=', 'paid')
      .where('method', 'in', ['vnpay', 'nationalPlatform'])
      .execute(),
    db
      .selectFrom('dossier_fees')
      .select(['dossier_id', 'name', 'kind', 'amount', 'moment'])
      .where('dossier_id', 'in', dossierIds)
      .where('replaced_by', 'is', null)
      .orderBy('dossier_id')
      .orderBy('line')
      .execute(),
  ]);
  for (const p of paid) {
    const list = confirmations.get(p.dossier_id) ?? [];
    list.push({
      gateway: p.method === 'nationalPlatform' ? 'nationalPortal' : 'provincial',
      amount: Number(p.paid_amount ?? p.amount),
      confirmedAt: localMinutesFromUtcMs((p.settled_at ?? new Date(0)).getTime()),
    });
    confirmations.set(p.dossier_id, list);
  }
  for (const f of fees) {
    const list = lines.get(f.dossier_id) ?? [];
    list.push({ name: f.name, kind: f.kind, amount: Number(f.amount), moment: f.moment });
    lines.set(f.dossier_id, list);
  }
  return { confirmations, lines };
}
