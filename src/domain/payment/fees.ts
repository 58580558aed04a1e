/**
 * Which fees a dossier owes, and when (issue 18, REFERENCE §3 "Online payment"). The procedure version in force
 * at intake gives the dossier its fee lines, at the amount of the channel it came by (an online submission may
 * pay less, or nothing); an official may add a line or adjust one, with a reason. Each line is collected at
 * reception, at a supplement or on delivery of the result (the portal's `HinhThucThu` 1, 2, 4); a line of
 * 0 VND is an exemption. Pure: the use cases store the lines and the payments that settle them.
 */
import type { Channel, FeeCollectedAt, ProcedureFee } from '../catalogue/procedure.js';
import type { DossierStatus } from '../dossier/dossier.js';

/** phí (a fee for a service, LoaiPhiLePhi 1) or lệ phí (a charge for a State act, 2). Each has its own receipt. */
export type FeeKind = 'fee' | 'charge';
export const FEE_KIND_LABELS = { fee: 'Phí', charge: 'Lệ phí' } as const satisfies Record<FeeKind, string>;

/** When a line is collected: the catalogue's two moments, and a line an official asks for at a supplement. */
export type FeeMoment = FeeCollectedAt | 'supplement';
export const FEE_MOMENT_LABELS = {
  submission: 'Thu khi nộp hồ sơ',
  supplement: 'Thu khi bổ sung, theo yêu cầu của cơ quan giải quyết',
  result: 'Thu khi nhận kết quả',
} as const satisfies Record<FeeMoment, string>;
/** The portal's HinhThucThu. */
export const HINH_THUC_THU = { submission: '1', supplement: '2', result: '4' } as const satisfies Record<FeeMoment, string>;

export interface FeeLineDraft {
  kind: FeeKind;
  name: string;
  /** VND; 0 = exempt. */
  amount: number;
  moment: FeeMoment;
  /** Why this amount: the catalogue's description, or the official's reason. */
  basis: string;
}

/** lệ phí by its name (the catalogue names every line "Lệ phí …" or "Phí …"); a fee otherwise. */
export function feeKindOf(name: string): FeeKind {
  return /^\s*lệ phí/iu.test(name) ? 'charge' : 'fee';
}

/** The amount a channel pays: the online amount where the catalogue sets a lower one. */
export function channelAmount(fee: ProcedureFee, channel: Channel): number {
  return channel === 'online' && fee.onlineAmount !== undefined && fee.onlineAmount !== null ? fee.onlineAmount : fee.amount;
}

/** The lines a new dossier gets from its procedure version's fee schedule. */
export function feeLinesAtIntake(fees: readonly ProcedureFee[], channel: Channel): FeeLineDraft[] {
  return fees.map((f) => {
    const amount = channelAmount(f, channel);
    const lower = amount < f.amount ? ` (nộp trực tuyến: ${formatVnd(amount)} thay cho ${formatVnd(f.amount)})` : '';
    return { kind: feeKindOf(f.name), name: f.name, amount, moment: f.collectedAt, basis: `${f.description}${lower}` };
  });
}

/** A stored line as the payment rules read it. */
export interface FeeLine {
  id: string;
  kind: FeeKind;
  name: string;
  amount: number;
  moment: FeeMoment;
  /** A line replaced by an official's adjustment no longer counts. */
  replaced: boolean;
  paid: boolean;
  /** In a bank transfer waiting for an accountant: not owed again meanwhile. */
  held?: boolean;
}

const RESULT_STATUSES: ReadonlySet<DossierStatus> = new Set(['resultReady']);
const CLOSED_STATUSES: ReadonlySet<DossierStatus> = new Set(['withdrawn', 'refused', 'stopped', 'returned']);

/** Whether a line may be paid now: reception and supplement lines at once, a result line when the result is ready. */
export function payableNow(line: FeeLine, status: DossierStatus): boolean {
  if (line.replaced || line.paid || line.held || line.amount <= 0 || CLOSED_STATUSES.has(status)) return false;
  return line.moment !== 'result' || RESULT_STATUSES.has(status);
}

/** The lines that still count (not replaced), and whether the dossier bears a fee at all (a line above 0 VND). */
export function currentLines<T extends Pick<FeeLine, 'replaced'>>(lines: readonly T[]): T[] {
  return lines.filter((l) => !l.replaced);
}

export function bearsFee(lines: readonly Pick<FeeLine, 'replaced' | 'amount'>[]): boolean {
  return lines.some((l) => !l.replaced && l.amount > 0);
}

/** "75.000 ₫" */
export function formatVnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} ₫`;
}
