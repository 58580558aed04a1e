import { describe, expect, it } from 'vitest';
import type { DigitizationUnitRow, LookupReportRow } from './api/provide-once-api.js';
import {
  eidLevelText,
  fieldsText,
  fileOriginText,
  intakeTimeText,
  lookupGroups,
  minutesSeconds,
  mismatchText,
  outcomeTone,
  rateBars,
  rateSummary,
  unitTotals,
} from './provide-once-view.js';

const unit = (unitCode: string, unitName: string, digitizationRate: number | null, received = 4): DigitizationUnitRow => ({
  unitCode,
  unitName,
  received,
  digitized: 2,
  reused: 1,
  nationalVault: 0,
  registry: 3,
  digitizationRate,
  averageIntakeSeconds: 432,
});

describe('provide once, as officials read it', () => {
  it('says intake times in words and as m:ss', () => {
    expect(intakeTimeText(432)).toBe('7 phút 12 giây');
    expect(intakeTimeText(45)).toBe('45 giây');
    expect(intakeTimeText(3_905)).toBe('1 giờ 5 phút 5 giây');
    expect([minutesSeconds(432), minutesSeconds(65), minutesSeconds(4_325), minutesSeconds(null)]).toEqual(['7:12', '1:05', '72:05', '—']);
  });

  it('says the e-form’s fields, the mismatches with the registry and the VNeID level', () => {
    expect(fieldsText({ declared: 11, typed: 3, prefilled: ['Họ, chữ đệm và tên', 'Giới tính'] })).toBe('Tự nhập 3/11 trường; điền sẵn 2 trường');
    expect(mismatchText([{ label: 'Nơi thường trú' }, { label: 'Giới tính' }])).toBe('Khác với CSDL dân cư: Nơi thường trú, Giới tính');
    expect(mismatchText([])).toBeNull();
    expect([eidLevelText(2), eidLevelText(null)]).toEqual(['Mức độ 2', 'Không áp dụng (không nộp bằng tài khoản VNeID)']);
    expect([outcomeTone('found'), outcomeTone('notFound'), outcomeTone('refused')]).toEqual(['success', 'warning', 'danger']);
  });

  it('says where a file came from for officials: the vault, and until when it is valid', () => {
    expect(fileOriginText({ reused: true, fromNationalVault: true, validUntil: '2027-04-02' })).toBe(
      'lấy từ kho dữ liệu trên Cổng DVCQG · hiệu lực đến 02/04/2027',
    );
    expect(fileOriginText({ reused: true, fromNationalVault: false, validUntil: null })).toBe('lấy từ kho dữ liệu');
    expect(fileOriginText({ reused: false, fromNationalVault: false, validUntil: null })).toBeNull();
  });

  it('draws the units with a rate, highest first, and says the chart in words', () => {
    const units = [unit('B', 'Xã Cao Lộc', 20), unit('A', 'Phường Tam Thanh', 50), unit('C', 'Phường Đông Kinh', null, 0)];
    const bars = rateBars(units);
    expect(bars).toEqual([
      { unitName: 'Phường Tam Thanh', rate: 50 },
      { unitName: 'Xã Cao Lộc', rate: 20 },
    ]);
    expect(rateSummary(bars)).toBe('Tỷ lệ hồ sơ có thành phần được số hóa: Phường Tam Thanh 50,0%; Xã Cao Lộc 20,0%');
    expect(rateSummary([])).toBe('Chưa có đơn vị nào tiếp nhận hồ sơ trong kỳ.');
    expect(unitTotals(units)).toEqual({ received: 8, digitized: 6, reused: 3, nationalVault: 0, registry: 9 });
  });

  it('groups lookups by unit, each official in it, the citizens’ own named as such', () => {
    const row = (unitName: string | null, official: string | null, total: number): LookupReportRow => ({
      unitCode: unitName ? `code-${unitName}` : null,
      unitName,
      official,
      found: total,
      notFound: 0,
      refused: 0,
      unavailable: 0,
      total,
    });
    const groups = lookupGroups([row('Phường Tam Thanh', 'Đinh Thị Hương', 3), row(null, null, 2), row('Phường Tam Thanh', 'Hoàng Văn An', 1)]);
    expect(groups.map((g) => [g.unitName, g.total, g.rows.map((r) => r.officialName)])).toEqual([
      ['Công dân nộp trực tuyến', 2, ['Công dân tự tra cứu khi nộp trực tuyến']],
      ['Phường Tam Thanh', 4, ['Đinh Thị Hương', 'Hoàng Văn An']],
    ]);
  });
});
