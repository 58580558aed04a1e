import { describe, expect, it } from 'vitest';
import { compareWithNational, nationalProcedureFrom, nationalProcedureOf, timeLimitsFrom } from './national-procedure.js';
import { monthlyRatingItems, portalMonth, satisfactionOf, wholePercentages } from './rating-summary.js';
import type { ProcedureRecord } from '../catalogue/procedure.js';

const record: ProcedureRecord = {
  code: '1.001193',
  onlineServiceCode: null,
  name: 'Đăng ký khai sinh',
  fieldCode: 'HT',
  level: 'commune',
  sequence: ['Nộp hồ sơ', 'Trả kết quả'],
  methods: [
    { channel: 'counter', timeLimit: { amount: 1, unit: 'working_days' }, description: 'Nộp trực tiếp' },
    { channel: 'online', timeLimit: { amount: 1, unit: 'working_days' }, description: 'Nộp trực tuyến' },
  ],
  components: [
    { code: 'TK', name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1, required: true, template: null },
    { code: 'GCS', name: 'Giấy chứng sinh', form: 'original', quantity: 1, required: true, template: null },
  ],
  subjects: ['citizen'],
  agency: { competentAuthority: 'Ủy ban nhân dân cấp xã', implementingUnitCodes: [], coordinatingUnitCodes: [] },
  results: [{ code: 'KQ', name: 'Giấy khai sinh', template: null }],
  requirements: null,
  fees: [],
  legalBases: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', effectiveFrom: '2016-01-01' }],
  onlineLevel: 'full',
  fullOnlineEligible: true,
  paperResultRequired: true,
  locationIndependent: false,
  processTemplate: [],
};

describe('a procedure against the national catalogue', () => {
  it('finds nothing when the national record is the province’s, whatever the spacing, and ignores parts the portal leaves out', () => {
    const national = nationalProcedureOf(record, '20261201000000');
    expect(compareWithNational(record, { ...national, TenTTHC: '  Đăng ký   khai sinh ', PhiLePhi: '', ThanhPhanHoSo: [] }).changes).toEqual([]);
    expect(nationalProcedureFrom({ MaTTHC: '1.001193', ThanhPhanHoSo: 'x', NgayCapNhat: 20261201000000 })).toMatchObject({
      TenTTHC: '',
      ThanhPhanHoSo: [],
      NgayCapNhat: '20261201000000',
    });
  });

  it('carries the name, a time limit it can read and renamed components into the draft, and only tells the rest', () => {
    const national = {
      ...nationalProcedureOf(record, '20261201000000'),
      TenTTHC: 'Đăng ký khai sinh lưu động',
      ThoiHanGiaiQuyet: 'Trực tiếp: 3 ngày làm việc; Trực tuyến: 2 ngày làm việc',
      ThanhPhanHoSo: [
        { Ten: 'Tờ khai', MaThanhPhanHoSo: 'TK' },
        { Ten: 'Giấy chứng sinh', MaThanhPhanHoSo: 'GCS' },
      ],
      CanCuPhapLy: 'Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP',
    };
    const { changes, draft } = compareWithNational(record, national);
    expect(changes.map((c) => [c.field, c.appliedToDraft])).toEqual([
      ['TenTTHC', true],
      ['ThanhPhanHoSo', true],
      ['ThoiHanGiaiQuyet', true],
      ['CanCuPhapLy', false],
    ]);
    expect(changes[1]!.summary).toBe('Thành phần hồ sơ: đổi tên "Tờ khai đăng ký khai sinh" thành "Tờ khai"');
    expect(draft.name).toBe('Đăng ký khai sinh lưu động');
    expect(draft.components.map((c) => c.name)).toEqual(['Tờ khai', 'Giấy chứng sinh']);
    expect(draft.methods.map((m) => m.timeLimit.amount)).toEqual([3, 2]);
    expect(draft.legalBases).toEqual(record.legalBases);
  });

  it('tells added and removed components without guessing them into the draft, and leaves a time limit it cannot read', () => {
    const national = {
      ...nationalProcedureOf(record, '20261201000000'),
      ThoiHanGiaiQuyet: 'Trong ngày',
      ThanhPhanHoSo: [
        { Ten: 'Tờ khai đăng ký khai sinh', MaThanhPhanHoSo: 'TK' },
        { Ten: 'Văn bản ủy quyền', MaThanhPhanHoSo: 'UQ' },
      ],
    };
    const { changes, draft } = compareWithNational(record, national);
    expect(changes.map((c) => [c.field, c.appliedToDraft])).toEqual([
      ['ThanhPhanHoSo', false],
      ['ThoiHanGiaiQuyet', false],
    ]);
    expect(changes[0]!.summary).toBe('Thành phần hồ sơ: thêm "Văn bản ủy quyền" (mã UQ); bỏ "Giấy chứng sinh" (mã GCS)');
    expect(draft).toEqual(record);
  });

  it('reads time limits as motcua writes them', () => {
    expect(timeLimitsFrom('15 ngày làm việc', ['counter'])?.get('counter')).toEqual({ amount: 15, unit: 'working_days' });
    expect(timeLimitsFrom('Giải quyết ngay', ['online'])?.get('online')).toEqual({ amount: 0, unit: null });
    expect(timeLimitsFrom('0,5 ngày làm việc', ['counter'])?.get('counter')).toEqual({ amount: 0.5, unit: 'working_days' });
    expect(timeLimitsFrom('Trực tiếp: 3 tháng', ['counter', 'online'])).toBeNull();
  });
});

describe('the month’s ratings for DongBoDanhGia', () => {
  const scores = (a: number, p: number, o: number, r: number, f: number | null = null) => ({ access: a, procedure: p, official: o, result: r, feedback: f });

  it('classifies a rating by its average as the statistics do: below 3 dissatisfied, from 4.5 very satisfied', () => {
    expect(satisfactionOf(scores(3, 3, 3, 2))).toBe('dissatisfied');
    expect(satisfactionOf(scores(3, 3, 3, 3))).toBe('satisfied');
    expect(satisfactionOf(scores(4, 5, 5, 4))).toBe('veryHigh');
    expect(satisfactionOf(scores(4, 5, 5, 4, 3))).toBe('satisfied');
  });

  it('gives whole percentages adding up to 100, and the month as M-YYYY', () => {
    expect(wholePercentages([1, 1, 1])).toEqual(['34%', '33%', '33%']);
    expect(wholePercentages([2, 1, 0])).toEqual(['67%', '33%', '0%']);
    expect(wholePercentages([0, 0, 0])).toEqual(['0%', '0%', '0%']);
    expect(portalMonth('2026-03')).toBe('3-2026');
  });

  it('makes one item per unit and procedure', () => {
    const items = monthlyRatingItems(
      '2026-11',
      [
        { unitCode: 'B', procedureCode: 'P', scores: scores(5, 5, 5, 5), comment: ' Tốt ' },
        { unitCode: 'A', procedureCode: 'P', scores: scores(1, 1, 1, 1), comment: null },
        { unitCode: 'B', procedureCode: 'P', scores: scores(2, 2, 2, 2), comment: '' },
      ],
      (code) => ({ agencyId: `ID-${code}`, name: `Đơn vị ${code}` }),
    );
    expect(items.map((i) => [i.Madonvi, i.TongSoNguoiDanhGia, i.PhanTramDanhGiaRatHaiLong, i.PhanTramDanhGiaChuaHaiLong, i.DanhSachNoiDungYKien])).toEqual([
      ['ID-A', '1', '0%', '100%', []],
      ['ID-B', '2', '50%', '50%', ['Tốt']],
    ]);
    expect(items[0]).toMatchObject({ NgayTongHop: '11-2026', TenDonVi: 'Đơn vị A', MaThuTuc: 'P' });
  });
});
