/** The payment tables (migration 20261207000200_payments.sql). */
import type { ColumnType, Generated } from 'kysely';

/** Issue 18: a dossier's fee lines, the attempts that pay them, every word of the gateways, and receipts. */
export interface DossierFeesTable {
  id: Generated<string>;
  dossier_id: string;
  line: number;
  kind: 'fee' | 'charge';
  name: string;
  amount: ColumnType<string, number, number>;
  moment: 'submission' | 'supplement' | 'result';
  basis: string;
  source: 'catalogue' | 'official';
  created_by: string | null;
  created_at: Date;
  replaced_by: string | null;
  paid_by: string | null;
  settled_before: Generated<boolean>;
}

export interface PaymentAttemptsTable {
  id: Generated<string>;
  dossier_id: string;
  unit_code: string;
  method: 'vnpay' | 'nationalPlatform' | 'cash' | 'transfer';
  reference: string;
  amount: ColumnType<string, number, number>;
  fee_ids: ColumnType<string[], string, string>;
  status: 'initiated' | 'awaitingConfirmation' | 'paid' | 'failed' | 'expired' | 'amountMismatch' | 'refundRequested' | 'refunded';
  task: string | null;
  description: string;
  payer_ip: Generated<string>;
  created_at: Date;
  created_by: string | null;
  expires_at: Date | null;
  settled_at: Date | null;
  paid_amount: ColumnType<string | null, number | null, number | null>;
  provider_transaction_id: string | null;
  bank_code: string | null;
  gateway_code: string | null;
  queries: Generated<number>;
  last_queried_at: Date | null;
  note: string | null;
  confirmed_by: string | null;
  version: Generated<number>;
  receipts_due: Generated<boolean>;
}

export interface PaymentCallbacksTable {
  id: Generated<string>;
  method: string;
  reference: string | null;
  attempt_id: string | null;
  source: 'callback' | 'return' | 'query';
  received_at: Date;
  raw: ColumnType<unknown, string, string>;
  signature_valid: boolean;
  verdict: string;
}

export interface PaymentReceiptsTable {
  id: Generated<string>;
  attempt_id: string;
  dossier_id: string;
  unit_code: string;
  kind: 'fee' | 'charge';
  template: string;
  series: string;
  number: number | null;
  amount: ColumnType<string, number, number>;
  lines: ColumnType<unknown, string, string>;
  payer_name: string;
  method: string;
  issued_at: Date;
}

export interface ReceiptCountersTable {
  unit_code: string;
  series: string;
  last_number: number;
}
