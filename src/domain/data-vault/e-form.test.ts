import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELDS, checkEForm, displayDate, eFormOf, mismatches, prefill, typedCount } from './e-form.js';
import type { RegistryCitizen } from './exchange.js';

const citizen: RegistryCitizen = {
  personalId: '020085003417',
  oldId: null,
  fullName: 'Hoàng Văn Minh',
  gender: 'Nam',
  birthDate: '1985-04-12',
  nationality: 'Việt Nam',
  ethnicity: 'Tày',
  permanentAddress: { provinceCode: '20', districtCode: null, communeCode: null, detail: 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh' },
  currentAddress: null,
  hometown: null,
  householdHead: null,
};
const own = [{ key: 'purpose', label: 'Mục đích sử dụng', type: 'text' as const, required: true }];

describe('e-forms that ask only what is unknown', () => {
  it('starts with the applicant block and appends the procedure’s own fields (or a free request)', () => {
    expect(eFormOf({ eForm: own }).map((f) => f.key)).toEqual([...APPLICANT_FIELDS.map((f) => f.key), 'purpose']);
    expect(eFormOf({}).at(-1)!.key).toBe('request');
  });
  it('prefills identity and addresses from the registry, contact from the account; the current address falls back to the permanent one', () => {
    const values = prefill(eFormOf({ eForm: own }), { citizen, account: { email: 'minh@example.com', phone: null } });
    expect(values).toEqual({
      fullName: 'Hoàng Văn Minh',
      personalId: '020085003417',
      birthDate: '1985-04-12',
      gender: 'Nam',
      ethnicity: 'Tày',
      permanentAddress: 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh',
      currentAddress: 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh',
      email: 'minh@example.com',
    });
    expect(prefill(eFormOf({}), { citizen: null, account: null })).toEqual({});
  });
  it('counts as typed only what no source gave as it is, and shows where the applicant differs', () => {
    const fields = eFormOf({ eForm: own });
    const given = prefill(fields, { citizen, account: null });
    const sent = { ...given, fullName: 'HOÀNG  VĂN MINH', permanentAddress: 'Số 9 phố khác', phone: '0912345678', purpose: 'Kết hôn' };
    expect(typedCount(fields, given, sent)).toBe(3);
    expect(mismatches(fields, given, sent).map((m) => m.key)).toEqual(['permanentAddress']);
  });
  it('checks types and required fields, in Vietnamese, and refuses fields the form does not have', () => {
    const fields = eFormOf({ eForm: own });
    const problems = checkEForm(fields, {
      fullName: 'A',
      personalId: '12',
      birthDate: '12/04/1985',
      gender: 'Khác',
      permanentAddress: 'x',
      phone: '12',
      email: 'x@',
      extra: '1',
    });
    expect(Object.fromEntries(problems.map((p) => [p.key, p.message]))).toEqual({
      personalId: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
      birthDate: 'Ngày phải có dạng năm-tháng-ngày',
      gender: 'Chọn một trong: Nam, Nữ',
      phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0',
      email: 'Thư điện tử không đúng định dạng',
      purpose: 'Cần nhập mục đích sử dụng',
      extra: 'Biểu mẫu không có trường này',
    });
    expect(displayDate('1985-04-12')).toBe('12/04/1985');
    expect(displayDate('1985')).toBe('1985');
  });
});
