import { describe, expect, it } from 'vitest';
import {
  actionOptions,
  actionText,
  connectedHeadline,
  countText,
  defaultSyncPeriod,
  draftBody,
  draftProblems,
  durationText,
  errorRateText,
  fieldIds,
  formatMinute,
  mappingDraft,
  portalCodeText,
  PORTAL_CODE_OPTIONS,
  reconciliationCounts,
  reconciliationLine,
  syncBars,
  syncChartSummary,
  syncRate,
  syncTotals,
  totalsText,
  withActionRow,
  withAgencyRow,
} from './sync-view.js';
import type { PortalMapping, PortalReconciliation, PortalSyncUnitRow } from './api/national-sync-api.js';

const unit = (over: Partial<PortalSyncUnitRow>): PortalSyncUnitRow => ({
  unitCode: '000.00.31.H37',
  unitName: 'UBND Phường Tam Thanh',
  received: 10,
  synced: 8,
  pending: 1,
  failed: 1,
  lastError: null,
  ...over,
});

const reconciliation = (over: Partial<PortalReconciliation> = {}): PortalReconciliation => ({
  id: '1',
  startedAt: '2026-12-07T01:30:00.000Z',
  finishedAt: '2026-12-07T01:30:05.000Z',
  trigger: 'button',
  checked: 12,
  missing: 1,
  stale: 2,
  resent: 3,
  error: null,
  ...over,
});

describe('durations in Vietnamese', () => {
  it('says a lag to its two largest units, leaving a zero second unit out', () => {
    expect(durationText(125)).toBe('2 phút 5 giây');
    expect(durationText(45)).toBe('45 giây');
    expect(durationText(0)).toBe('0 giây');
    expect(durationText(3600)).toBe('1 giờ');
    expect(durationText(3 * 3600 + 20 * 60 + 7)).toBe('3 giờ 20 phút');
    expect(durationText(86_400 + 4 * 3600 + 59)).toBe('1 ngày 4 giờ');
    expect(durationText(2 * 86_400 + 30)).toBe('2 ngày');
    expect(durationText(59.6)).toBe('1 phút');
  });
  it('has nothing to say without a measure', () => {
    expect(durationText(null)).toBe('—');
    expect(durationText(-5)).toBe('0 giây');
  });
});

describe('instants, rates and counts', () => {
  it('writes an instant as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatMinute('2026-12-06T17:05:59.000Z')).toBe('07/12/2026 00:05');
    expect(formatMinute(null)).toBe('—');
    expect(formatMinute(null, 'Chưa có')).toBe('Chưa có');
    expect(formatMinute('not a date')).toBe('not a date');
  });
  it('writes an error rate as a percentage with a decimal comma', () => {
    expect(errorRateText(0.125)).toBe('12,5%');
    expect(errorRateText(0)).toBe('0,0%');
    expect(errorRateText(1)).toBe('100,0%');
    expect(errorRateText(null)).toBe('—');
  });
  it('writes a count the Vietnamese way, or a dash without a queue', () => {
    expect(countText(1234)).toBe('1.234');
    expect(countText(null)).toBe('—');
  });
  it('counts the connected systems', () => {
    expect(connectedHeadline({ connected: 5, total: 7 })).toBe('5/7 hệ thống đang kết nối');
  });
});

describe('the period and the units', () => {
  it('opens on the first day of this month to today', () => {
    expect(defaultSyncPeriod('2026-12-07')).toEqual({ kind: 'range', from: '2026-12-01', to: '2026-12-07' });
    expect(defaultSyncPeriod('2026-03-01')).toEqual({ kind: 'range', from: '2026-03-01', to: '2026-03-01' });
  });
  it('computes the sync rate, none without received dossiers', () => {
    expect(syncRate(unit({}))).toBe(80);
    expect(syncRate(unit({ received: 0, synced: 0 }))).toBeNull();
  });
  it('sums the units and says the totals', () => {
    const totals = syncTotals([unit({}), unit({ unitCode: 'x', received: 5, synced: 5, pending: 0, failed: 0 })]);
    expect(totals).toEqual({ received: 15, synced: 13, pending: 1, failed: 1 });
    expect(totalsText(totals)).toBe('Tổng cộng: 13/15 hồ sơ đã đồng bộ (86,7%), 1 hồ sơ chờ gửi, 1 hồ sơ bị từ chối.');
    expect(totalsText(syncTotals([]))).toBe('Tổng cộng: 0/0 hồ sơ đã đồng bộ (—), 0 hồ sơ chờ gửi, 0 hồ sơ bị từ chối.');
  });
  it('splits each bar into synced and the rest, and says the chart in words', () => {
    const units = [unit({}), unit({ unitCode: 'y', unitName: 'UBND Xã Mai Pha', received: 3, synced: 0 })];
    expect(syncBars(units)).toEqual([
      { unitName: 'UBND Phường Tam Thanh', synced: 8, unsynced: 2 },
      { unitName: 'UBND Xã Mai Pha', synced: 0, unsynced: 3 },
    ]);
    expect(syncChartSummary(units)).toBe(
      'Hồ sơ đã đồng bộ trên số hồ sơ tiếp nhận, theo đơn vị. UBND Phường Tam Thanh: 8/10 hồ sơ (80,0%); UBND Xã Mai Pha: 0/3 hồ sơ (0,0%).',
    );
  });
});

describe('reconciliation in words', () => {
  it('says what a run found and sent again', () => {
    expect(reconciliationCounts(reconciliation())).toBe('đối chiếu 12 hồ sơ: Cổng thiếu 1, có bản cũ 2; đã gửi lại 3');
  });
  it('says when the last one ran, why, and its error', () => {
    expect(reconciliationLine(null)).toBe('Chưa đối soát lần nào.');
    expect(reconciliationLine(reconciliation())).toBe(
      'Lần đối soát gần nhất: 07/12/2026 08:30 (do quản trị chạy), đối chiếu 12 hồ sơ: Cổng thiếu 1, có bản cũ 2; đã gửi lại 3.',
    );
    expect(reconciliationLine(reconciliation({ trigger: 'schedule', error: 'Cổng không phản hồi', finishedAt: null }))).toBe(
      'Lần đối soát gần nhất: 07/12/2026 08:30 (theo lịch), đối chiếu 12 hồ sơ: Cổng thiếu 1, có bản cũ 2; đã gửi lại 3. Lỗi: Cổng không phản hồi',
    );
    expect(reconciliationLine(reconciliation({ finishedAt: null }))).toContain('(do quản trị chạy), chưa kết thúc,');
  });
});

describe('the portal codes and actions', () => {
  it('offers the ten codes with their names', () => {
    expect(PORTAL_CODE_OPTIONS.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(portalCodeText('4')).toBe('4 – Đang xử lý');
    expect(portalCodeText('10')).toBe('10 – Đã trả kết quả');
  });
  it('offers the actions that change a status, and keeps a value that is not one', () => {
    const values = actionOptions('').map((o) => o.value);
    expect(values).toContain('transfer');
    expect(values).not.toContain('recomputeDue');
    expect(actionOptions('transfer')).toHaveLength(values.length);
    expect(actionOptions('custom').at(-1)).toEqual({ value: 'custom', label: 'custom' });
    expect(actionText('transfer')).toBe('Chuyển bước (transfer)');
    expect(actionText('custom')).toBe('custom');
  });
});

describe('the mapping editor', () => {
  const mapping: Pick<PortalMapping, 'statuses' | 'agencies'> = {
    statuses: [
      { status: 'processing', subStatus: '', portalCode: '4' },
      { status: 'processing', subStatus: 'transfer', portalCode: '5' },
      { status: 'resultReady', subStatus: '', portalCode: '10' },
    ],
    agencies: [{ unitCode: '000.00.31.H37', agencyId: 'G22.31' }],
  };

  it('reads a mapping into a draft and writes it back unchanged', () => {
    const draft = mappingDraft(mapping);
    expect(draft.overrides.processing).toBe('4');
    expect(draft.overrides.resultReady).toBe('10');
    expect(draft.overrides.submitted).toBe('');
    expect(draft.actionRows).toEqual([{ key: 0, status: 'processing', subStatus: 'transfer', portalCode: '5' }]);
    expect(draft.agencies).toEqual([{ key: 1, unitCode: '000.00.31.H37', agencyId: 'G22.31' }]);
    expect(draftProblems(draft)).toEqual([]);
    const body = draftBody(draft, 'v1');
    expect(body.version).toBe('v1');
    expect(body.agencies).toEqual(mapping.agencies);
    expect(new Set(body.statuses.map((s) => JSON.stringify(s)))).toEqual(new Set(mapping.statuses.map((s) => JSON.stringify(s))));
  });

  it('sends nothing for a status left to its built-in code', () => {
    const draft = mappingDraft(mapping);
    const body = draftBody({ ...draft, overrides: { ...draft.overrides, processing: '' } }, 'v1');
    expect(body.statuses.filter((s) => s.subStatus === '').map((s) => s.status)).toEqual(['resultReady']);
  });

  it('adds rows with fresh keys and finds what is missing or repeated', () => {
    let draft = withAgencyRow(withActionRow(mappingDraft(mapping)));
    expect(draft.actionRows.at(-1)).toEqual({ key: 2, status: 'processing', subStatus: '', portalCode: '' });
    expect(draft.agencies.at(-1)).toEqual({ key: 3, unitCode: '', agencyId: '' });
    expect(draftProblems(draft)).toEqual([
      { field: fieldIds.action(2), where: 'Mã theo thao tác, dòng 2', message: 'Chọn thao tác dẫn tới trạng thái.' },
      { field: fieldIds.actionCode(2), where: 'Mã theo thao tác, dòng 2', message: 'Chọn mã trạng thái trên Cổng.' },
      { field: fieldIds.unit(3), where: 'Mã cơ quan, dòng 2', message: 'Chọn đơn vị.' },
      { field: fieldIds.agency(3), where: 'Mã cơ quan, dòng 2', message: 'Nhập mã cơ quan trên Cổng.' },
    ]);
    draft = {
      ...draft,
      actionRows: draft.actionRows.map((r) => (r.key === 2 ? { ...r, subStatus: 'transfer', portalCode: '4' } : r)),
      agencies: draft.agencies.map((a) => (a.key === 3 ? { ...a, unitCode: '000.00.31.H37', agencyId: `  ${'x'.repeat(41)}` } : a)),
    };
    expect(draftProblems(draft)).toEqual([
      { field: fieldIds.action(2), where: 'Mã theo thao tác, dòng 2', message: 'Đã có dòng cho trạng thái “Đang xử lý” với thao tác này.' },
      { field: fieldIds.unit(3), where: 'Mã cơ quan, dòng 2', message: 'Đơn vị 000.00.31.H37 đã có ở dòng khác.' },
      { field: fieldIds.agency(3), where: 'Mã cơ quan, dòng 2', message: 'Mã cơ quan dài tối đa 40 ký tự.' },
    ]);
  });

  it('trims agency ids and leaves unfinished action rows out of the body', () => {
    const draft = withActionRow(mappingDraft({ statuses: [], agencies: [{ unitCode: 'A', agencyId: ' G22 ' }] }));
    expect(draftBody(draft, 'v2')).toEqual({ statuses: [], agencies: [{ unitCode: 'A', agencyId: 'G22' }], version: 'v2' });
  });
});
