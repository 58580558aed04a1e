/**
 * How the sync with the national portal and the connected systems read to officials (issue 21): durations and
 * instants in Vietnamese, error rates, the per-unit sync rate and its chart's rows, the last reconciliation in words,
 * and the mapping editor's draft (what is shown, what is checked before saving, what is sent). Pure: no React, no
 * network.
 */
import { ACTION_LABELS, ACTION_TYPES, DOSSIER_STATUSES, STATUS_LABELS, type DossierStatus } from '../../../domain/dossier/dossier.js';
import { PORTAL_STATUS_CODES, type PortalStatusCode } from '../../../domain/national-sync/status-mapping.js';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/format.js';
import type { Period } from '../scorecard/scorecard-period.js';
import type { ConnectionList, ConnectionState, PortalMapping, PortalMappingBody, PortalReconciliation, PortalSyncUnitRow } from './api/national-sync-api.js';
import type { PaymentTone } from '../payments/payment-view.js';

/** Shown where there is nothing to show (no queue, never succeeded). */
export const NONE = '—';

const DURATION_UNITS = [
  { seconds: 86_400, name: 'ngày' },
  { seconds: 3600, name: 'giờ' },
  { seconds: 60, name: 'phút' },
  { seconds: 1, name: 'giây' },
] as const;

/**
 * A lag in words, to its two largest units: "2 phút 5 giây", "3 giờ 20 phút", "1 ngày 4 giờ", "45 giây", "2 giờ"
 * (a zero second unit is left out); "—" when there is nothing to measure.
 */
export function durationText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NONE;
  let rest = Math.max(0, Math.round(seconds));
  const amounts = DURATION_UNITS.map((unit) => {
    const amount = Math.floor(rest / unit.seconds);
    rest -= amount * unit.seconds;
    return { amount, name: unit.name };
  });
  const first = amounts.findIndex((a) => a.amount > 0);
  if (first === -1) return '0 giây';
  return amounts
    .slice(first, first + 2)
    .filter((a, i) => i === 0 || a.amount > 0)
    .map((a) => `${a.amount} ${a.name}`)
    .join(' ');
}

/** An ISO instant as "dd/MM/yyyy HH:mm" in Vietnam time; `empty` when there is none. */
export function formatMinute(isoInstant: string | null, empty = NONE): string {
  if (isoInstant === null) return empty;
  const full = formatDateTime(isoInstant);
  return /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(full) ? full.slice(0, 16) : full;
}

/** An error rate (0–1) as a percentage with a comma: 0.125 → "12,5%"; "—" when nothing was tried. */
export function errorRateText(rate: number | null): string {
  return rate === null ? NONE : formatPercent(rate * 100, 1);
}

/** A count, or "—" when the system keeps no queue. */
export function countText(value: number | null): string {
  return value === null ? NONE : formatNumber(value);
}

/** The colour that doubles a connection's state in words: working, slow or failing, down, not connected. */
export const CONNECTION_TONES = {
  ok: 'success',
  degraded: 'warning',
  down: 'danger',
  off: 'neutral',
} as const satisfies Record<ConnectionState, PaymentTone>;

/** "5/7 hệ thống đang kết nối". */
export function connectedHeadline(list: Pick<ConnectionList, 'connected' | 'total'>): string {
  return `${list.connected}/${list.total} hệ thống đang kết nối`;
}

/** The period the sync page opens on: the first day of this month to today (Vietnam time). */
export function defaultSyncPeriod(today: string): Period {
  return { kind: 'range', from: `${today.slice(0, 8)}01`, to: today };
}

/** The share of received dossiers the portal acknowledged, as a percentage (95.5); null when none was received. */
export function syncRate(unit: Pick<PortalSyncUnitRow, 'received' | 'synced'>): number | null {
  return unit.received > 0 ? (unit.synced / unit.received) * 100 : null;
}

export type SyncTotals = Pick<PortalSyncUnitRow, 'received' | 'synced' | 'pending' | 'failed'>;

/** The sums of the units' counts, for the table's last row. */
export function syncTotals(units: readonly SyncTotals[]): SyncTotals {
  return units.reduce<SyncTotals>(
    (sum, u) => ({ received: sum.received + u.received, synced: sum.synced + u.synced, pending: sum.pending + u.pending, failed: sum.failed + u.failed }),
    { received: 0, synced: 0, pending: 0, failed: 0 },
  );
}

/** "Tổng cộng: 8/10 hồ sơ đã đồng bộ (80,0%), 1 hồ sơ chờ gửi, 1 hồ sơ bị từ chối." */
export function totalsText(totals: SyncTotals): string {
  const synced = `${formatNumber(totals.synced)}/${formatNumber(totals.received)} hồ sơ đã đồng bộ (${formatPercent(syncRate(totals), 1)})`;
  return `Tổng cộng: ${synced}, ${formatNumber(totals.pending)} hồ sơ chờ gửi, ${formatNumber(totals.failed)} hồ sơ bị từ chối.`;
}

/** A unit's bar: the dossiers the portal acknowledged and those it has not (yet), which together are those received. */
export interface SyncBar {
  unitName: string;
  synced: number;
  unsynced: number;
}

export function syncBars(units: readonly PortalSyncUnitRow[]): SyncBar[] {
  return units.map((u) => ({ unitName: u.unitName, synced: u.synced, unsynced: Math.max(0, u.received - u.synced) }));
}

/** The chart in words, for screen readers: "Phường Tam Thanh: 8/10 hồ sơ (80,0%); …". */
export function syncChartSummary(units: readonly PortalSyncUnitRow[]): string {
  const parts = units.map((u) => `${u.unitName}: ${formatNumber(u.synced)}/${formatNumber(u.received)} hồ sơ (${formatPercent(syncRate(u), 1)})`);
  return `Hồ sơ đã đồng bộ trên số hồ sơ tiếp nhận, theo đơn vị. ${parts.join('; ')}.`;
}

const TRIGGER_LABELS = { schedule: 'theo lịch', button: 'do quản trị chạy' } as const satisfies Record<PortalReconciliation['trigger'], string>;

/** What a reconciliation found and did: "đối chiếu 12 hồ sơ: Cổng thiếu 1, có bản cũ 2; đã gửi lại 3". */
export function reconciliationCounts(r: Pick<PortalReconciliation, 'checked' | 'missing' | 'stale' | 'resent'>): string {
  return `đối chiếu ${formatNumber(r.checked)} hồ sơ: Cổng thiếu ${formatNumber(r.missing)}, có bản cũ ${formatNumber(r.stale)}; đã gửi lại ${formatNumber(r.resent)}`;
}

/** The last reconciliation in one line, with when and why it ran and its error; "Chưa đối soát lần nào." before the first. */
export function reconciliationLine(r: PortalReconciliation | null): string {
  if (r === null) return 'Chưa đối soát lần nào.';
  const when = `Lần đối soát gần nhất: ${formatMinute(r.startedAt)} (${TRIGGER_LABELS[r.trigger]})`;
  const state = r.finishedAt === null && r.error === null ? ', chưa kết thúc' : '';
  const error = r.error ? ` Lỗi: ${r.error}` : '';
  return `${when}${state}, ${reconciliationCounts(r)}.${error}`;
}

/** TrangThaiHoSo of the national portal (REFERENCE §2.2), as officials know them. */
export const PORTAL_CODE_LABELS = {
  '1': 'Mới đăng ký',
  '2': 'Được tiếp nhận',
  '3': 'Không được tiếp nhận',
  '4': 'Đang xử lý',
  '5': 'Yêu cầu bổ sung giấy tờ',
  '6': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  '7': 'Công dân yêu cầu rút hồ sơ',
  '8': 'Dừng xử lý',
  '9': 'Đã xử lý xong',
  '10': 'Đã trả kết quả',
} as const satisfies Record<PortalStatusCode, string>;

/** "4 – Đang xử lý". */
export function portalCodeText(code: PortalStatusCode): string {
  return `${code} – ${PORTAL_CODE_LABELS[code]}`;
}

export const PORTAL_CODE_OPTIONS = PORTAL_STATUS_CODES.map((code) => ({ value: code, label: portalCodeText(code) }));

export const STATUS_OPTIONS = DOSSIER_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/** The actions that move a dossier, as the sub-status of a mapping row (those that keep the status are left out). */
const STATUS_CHANGING_ACTIONS = ACTION_TYPES.filter((a) => a !== 'apologize' && a !== 'recomputeDue');

/** The choices of action for a row; a value saved by another client that is not an action is kept as it is. */
export function actionOptions(current: string): { value: string; label: string }[] {
  const known = STATUS_CHANGING_ACTIONS.map((a) => ({ value: a, label: `${ACTION_LABELS[a]} (${a})` }));
  return current === '' || known.some((o) => o.value === current) ? known : [...known, { value: current, label: current }];
}

/** The action's name: "Chuyển bước (transfer)"; the raw value when it is not an action. */
export function actionText(subStatus: string): string {
  return actionOptions(subStatus).find((o) => o.value === subStatus)?.label ?? subStatus;
}

/** A row for a status reached by one action; '' while not chosen yet. */
export interface ActionRowDraft {
  key: number;
  status: DossierStatus;
  subStatus: string;
  portalCode: PortalStatusCode | '';
}

export interface AgencyRowDraft {
  key: number;
  unitCode: string;
  agencyId: string;
}

/** The mapping as it is edited. */
export interface MappingDraft {
  /** The code sent for each status whatever the action; '' for the built-in code. */
  overrides: Record<DossierStatus, PortalStatusCode | ''>;
  actionRows: ActionRowDraft[];
  agencies: AgencyRowDraft[];
  /** The key of the next row added. */
  nextKey: number;
}

export function mappingDraft(mapping: Pick<PortalMapping, 'statuses' | 'agencies'>): MappingDraft {
  const overrides = Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, ''])) as MappingDraft['overrides'];
  let key = 0;
  const actionRows: ActionRowDraft[] = [];
  for (const row of mapping.statuses) {
    if (row.subStatus === '') overrides[row.status] = row.portalCode;
    else actionRows.push({ key: key++, status: row.status, subStatus: row.subStatus, portalCode: row.portalCode });
  }
  const agencies = mapping.agencies.map((a) => ({ key: key++, unitCode: a.unitCode, agencyId: a.agencyId }));
  return { overrides, actionRows, agencies, nextKey: key };
}

export function withActionRow(draft: MappingDraft): MappingDraft {
  return {
    ...draft,
    actionRows: [...draft.actionRows, { key: draft.nextKey, status: 'processing', subStatus: '', portalCode: '' }],
    nextKey: draft.nextKey + 1,
  };
}

export function withAgencyRow(draft: MappingDraft): MappingDraft {
  return { ...draft, agencies: [...draft.agencies, { key: draft.nextKey, unitCode: '', agencyId: '' }], nextKey: draft.nextKey + 1 };
}

/** A problem of the draft, on the input (by its id) that must change. */
export interface MappingProblem {
  field: string;
  /** Which row: "Mã theo thao tác, dòng 2". */
  where: string;
  message: string;
}

/** The ids of a row's inputs, shared by the form and its problems. */
export const fieldIds = {
  action: (key: number) => `anh-xa-thao-tac-${key}`,
  actionCode: (key: number) => `anh-xa-ma-cong-${key}`,
  unit: (key: number) => `anh-xa-don-vi-${key}`,
  agency: (key: number) => `anh-xa-ma-co-quan-${key}`,
};

const AGENCY_ID_MAX = 40;

/** What must be fixed before the draft can be saved (the server checks the same and that every unit exists). */
export function draftProblems(draft: MappingDraft): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seenActions = new Set<string>();
  draft.actionRows.forEach((row, i) => {
    const where = `Mã theo thao tác, dòng ${i + 1}`;
    const pair = `${row.status}|${row.subStatus}`;
    if (row.subStatus === '') problems.push({ field: fieldIds.action(row.key), where, message: 'Chọn thao tác dẫn tới trạng thái.' });
    else if (seenActions.has(pair))
      problems.push({ field: fieldIds.action(row.key), where, message: `Đã có dòng cho trạng thái “${STATUS_LABELS[row.status]}” với thao tác này.` });
    seenActions.add(pair);
    if (row.portalCode === '') problems.push({ field: fieldIds.actionCode(row.key), where, message: 'Chọn mã trạng thái trên Cổng.' });
  });
  const seenUnits = new Set<string>();
  draft.agencies.forEach((row, i) => {
    const where = `Mã cơ quan, dòng ${i + 1}`;
    if (row.unitCode === '') problems.push({ field: fieldIds.unit(row.key), where, message: 'Chọn đơn vị.' });
    else if (seenUnits.has(row.unitCode)) problems.push({ field: fieldIds.unit(row.key), where, message: `Đơn vị ${row.unitCode} đã có ở dòng khác.` });
    seenUnits.add(row.unitCode);
    const agencyId = row.agencyId.trim();
    if (agencyId === '') problems.push({ field: fieldIds.agency(row.key), where, message: 'Nhập mã cơ quan trên Cổng.' });
    else if (agencyId.length > AGENCY_ID_MAX)
      problems.push({ field: fieldIds.agency(row.key), where, message: `Mã cơ quan dài tối đa ${AGENCY_ID_MAX} ký tự.` });
  });
  return problems;
}

/** The body of the PUT: the statuses' own codes first, then the rows per action, the agencies; with the version read. */
export function draftBody(draft: MappingDraft, version: string): PortalMappingBody {
  const statuses: PortalMappingBody['statuses'] = [];
  for (const status of DOSSIER_STATUSES) {
    const code = draft.overrides[status];
    if (code !== '') statuses.push({ status, subStatus: '', portalCode: code });
  }
  for (const row of draft.actionRows) {
    if (row.subStatus !== '' && row.portalCode !== '') statuses.push({ status: row.status, subStatus: row.subStatus, portalCode: row.portalCode });
  }
  const agencies = draft.agencies.map((a) => ({ unitCode: a.unitCode, agencyId: a.agencyId.trim() }));
  return { statuses, agencies, version };
}
