/**
 * How "provide once" reads to officials (issue 20): intake times, registry lookups and their outcomes, the
 * VNeID level, the paper a scan was made from; and the report's rows (units by digitization rate, lookups by
 * unit and official). Pure: no React, no network.
 */
import { formatIsoDate, formatPercent } from '../../shared/format.js';
import type { DigitizationUnitRow, DossierProvideOnce, DossierFile, LookupOutcome, LookupReportRow, ProvideOnceEForm } from './api/provide-once-api.js';

/** "7 phút 12 giây", "45 giây", "1 giờ 5 phút 0 giây". */
export function intakeTimeText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (hours > 0) return `${hours} giờ ${minutes} phút ${rest} giây`;
  if (minutes > 0) return `${minutes} phút ${rest} giây`;
  return `${rest} giây`;
}

/** "7:12" (minutes may pass 59: "72:05"); "—" when nothing was measured. */
export function minutesSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const LOOKUP_OUTCOME_LABELS = {
  found: 'Tìm thấy, đã điền sẵn',
  notFound: 'Không tìm thấy',
  refused: 'Bị từ chối',
  unavailable: 'Không phản hồi',
} as const satisfies Record<LookupOutcome, string>;

export const REGISTRY_STATE_LABELS = {
  ...LOOKUP_OUTCOME_LABELS,
  notAsked: 'Không tra cứu',
} as const satisfies Record<ProvideOnceEForm['registry'], string>;

export const LOOKUP_CHANNEL_LABELS = { counter: 'tại quầy', online: 'trực tuyến' } as const satisfies Record<
  DossierProvideOnce['lookups'][number]['channel'],
  string
>;

/** The tone of a lookup's outcome: found is good news, the others say intake went on by hand. */
export function outcomeTone(outcome: LookupOutcome): 'success' | 'warning' | 'danger' {
  return outcome === 'found' ? 'success' : outcome === 'notFound' ? 'warning' : 'danger';
}

/** "Mức độ 2"; a counter dossier has no account behind it. */
export function eidLevelText(level: number | null): string {
  return level === null ? 'Không áp dụng (không nộp bằng tài khoản VNeID)' : `Mức độ ${level}`;
}

/** "Tự nhập 3/11 trường; điền sẵn 8 trường". */
export function fieldsText(eform: Pick<ProvideOnceEForm, 'declared' | 'typed' | 'prefilled'>): string {
  return `Tự nhập ${eform.typed}/${eform.declared} trường; điền sẵn ${eform.prefilled.length} trường`;
}

/** "Khác với CSDL dân cư: Nơi thường trú, Giới tính". */
export function mismatchText(mismatches: readonly { label: string }[]): string | null {
  return mismatches.length === 0 ? null : `Khác với CSDL dân cư: ${mismatches.map((m) => m.label).join(', ')}`;
}

/** What an official is told of where a file came from beyond its type: "lấy từ kho dữ liệu · hiệu lực đến 31/12/2030"; null when nothing. */
export function fileOriginText(file: Pick<DossierFile, 'validUntil' | 'reused' | 'fromNationalVault'>): string | null {
  const parts: string[] = [];
  if (file.reused) parts.push(file.fromNationalVault ? 'lấy từ kho dữ liệu trên Cổng DVCQG' : 'lấy từ kho dữ liệu');
  if (file.validUntil) parts.push(`hiệu lực đến ${formatIsoDate(file.validUntil)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The units with a rate, highest first, for the chart (its rows read from the top). */
export function rateBars(units: readonly DigitizationUnitRow[]): { unitName: string; rate: number }[] {
  return units
    .filter((u): u is DigitizationUnitRow & { digitizationRate: number } => u.digitizationRate !== null)
    .map((u) => ({ unitName: u.unitName, rate: u.digitizationRate }))
    .sort((a, b) => b.rate - a.rate || a.unitName.localeCompare(b.unitName, 'vi'));
}

/** The report's totals over its units. */
export function unitTotals(
  units: readonly DigitizationUnitRow[],
): Pick<DigitizationUnitRow, 'received' | 'digitized' | 'reused' | 'nationalVault' | 'registry'> {
  return units.reduce(
    (t, u) => ({
      received: t.received + u.received,
      digitized: t.digitized + u.digitized,
      reused: t.reused + u.reused,
      nationalVault: t.nationalVault + u.nationalVault,
      registry: t.registry + u.registry,
    }),
    { received: 0, digitized: 0, reused: 0, nationalVault: 0, registry: 0 },
  );
}

export interface LookupUnitGroup {
  unitName: string;
  rows: (LookupReportRow & { officialName: string })[];
  total: number;
}

/** Lookups grouped by unit (by name), each official in it; the citizens' own online lookups named as such. */
export function lookupGroups(rows: readonly LookupReportRow[]): LookupUnitGroup[] {
  const groups = new Map<string, LookupUnitGroup>();
  for (const row of rows) {
    const unitName = row.unitName ?? row.unitCode ?? 'Công dân nộp trực tuyến';
    const group = groups.get(unitName) ?? { unitName, rows: [], total: 0 };
    group.rows.push({ ...row, officialName: row.official ?? 'Công dân tự tra cứu khi nộp trực tuyến' });
    group.total += row.total;
    groups.set(unitName, group);
  }
  return [...groups.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}

/** The chart said in words: "Tỷ lệ hồ sơ có thành phần được số hóa: Phường Tam Thanh 50%; Xã Cao Lộc 0%". */
export function rateSummary(bars: readonly { unitName: string; rate: number }[]): string {
  if (bars.length === 0) return 'Chưa có đơn vị nào tiếp nhận hồ sơ trong kỳ.';
  return `Tỷ lệ hồ sơ có thành phần được số hóa: ${bars.map((b) => `${b.unitName} ${formatPercent(b.rate, 1)}`).join('; ')}`;
}
