import { describe, expect, it } from 'vitest';
import type { EFormField } from '../../../domain/data-vault/e-form.js';
import {
  applyLookup,
  checkCounterEForm,
  CHANGED_MARK,
  counterEFormFields,
  eFormBegun,
  eFormInputId,
  fieldMark,
  formDataOf,
  lookupApplies,
  lookupRequest,
  markText,
  parseFormDate,
  REGISTRY_MARK,
  type ApplicantBlock,
  type RegistryLookup,
} from './counter-eform.js';

const MARRIAGE_FIELDS: EFormField[] = [
  { key: 'partnerName', label: 'Họ, chữ đệm và tên của bên kia', type: 'text', required: true, maxLength: 200 },
  { key: 'partnerPersonalId', label: 'Số định danh cá nhân của bên kia', type: 'personalId', required: true },
];
const marriage = { code: '1.000894', eForm: MARRIAGE_FIELDS };
const empty: ApplicantBlock = { fullName: '', personalId: '', address: '', phone: '', email: '' };
const typed: ApplicantBlock = { ...empty, fullName: 'luong thi hoa', personalId: '020 192 006 852' };

const found: RegistryLookup = {
  lookupId: '6b1f9c1e-0a4e-4d55-9a55-4d6f3b0e1a01',
  outcome: 'found',
  message: 'Đã tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư; thông tin được điền sẵn.',
  prefilled: {
    fullName: 'Lương Thị Hoa',
    personalId: '020192006852',
    birthDate: '1992-09-03',
    gender: 'Nữ',
    ethnicity: 'Tày',
    permanentAddress: 'Số 118 đường Bà Triệu, phường Đông Kinh',
    currentAddress: 'Số 118 đường Bà Triệu, phường Đông Kinh',
  },
  personalId: '020192006852',
  procedureCode: '1.000894',
};

describe('the registry lookup at the counter', () => {
  it('reads dates as dd/MM/yyyy, a year alone, or yyyy-MM-dd, and refuses days that do not exist', () => {
    expect(parseFormDate('03/09/1992')).toBe('1992-09-03');
    expect(parseFormDate(' 3/9/1992 ')).toBe('1992-09-03');
    expect(parseFormDate('1992')).toBe('1992');
    expect(parseFormDate('1992-09-03')).toBe('1992-09-03');
    expect(parseFormDate('')).toBe('');
    expect(parseFormDate('31/02/1992')).toBeNull();
    expect(parseFormDate('1992/09/03')).toBeNull();
  });

  it('asks for the number, name and date of birth, all problems at once', () => {
    expect(lookupRequest(empty, '', '1.000894')).toEqual({
      ok: false,
      errors: {
        personalId: 'Nhập số định danh cá nhân để tra cứu.',
        fullName: 'Nhập họ và tên để tra cứu.',
        birthDate: 'Nhập ngày sinh (hoặc năm sinh) để tra cứu.',
      },
    });
    const bad = lookupRequest({ ...typed, personalId: '999123456789' }, '31/02/1992', '1.000894');
    expect(bad).toMatchObject({ ok: false, errors: { personalId: expect.stringContaining('mã tỉnh'), birthDate: expect.stringContaining('03/09/1992') } });
    expect(lookupRequest(typed, '03/09/1992', '1.000894')).toEqual({
      ok: true,
      body: { personalId: '020192006852', fullName: 'luong thi hoa', birthDate: '1992-09-03', procedureCode: '1.000894' },
    });
  });

  it('fills the block and the e-form with what the registry found, the address given being the permanent one', () => {
    const { block, extras } = applyLookup({ ...typed, phone: '0912000111' }, { birthDate: '1992', partnerName: 'Nguyễn Văn Bình' }, found);
    expect(block).toEqual({
      fullName: 'Lương Thị Hoa',
      personalId: '020192006852',
      address: 'Số 118 đường Bà Triệu, phường Đông Kinh',
      phone: '0912000111',
      email: '',
    });
    expect(extras).toEqual({
      birthDate: '03/09/1992',
      gender: 'Nữ',
      ethnicity: 'Tày',
      currentAddress: 'Số 118 đường Bà Triệu, phường Đông Kinh',
      partnerName: 'Nguyễn Văn Bình',
    });
  });

  it('changes nothing when the registry could not answer: intake goes on by hand', () => {
    const refused: RegistryLookup = { ...found, outcome: 'refused', message: 'Nền tảng chia sẻ dữ liệu từ chối tra cứu', prefilled: {} };
    expect(applyLookup(typed, { birthDate: '03/09/1992' }, refused)).toEqual({ block: typed, extras: { birthDate: '03/09/1992' } });
    expect(fieldMark('fullName', 'Lương Thị Hoa', refused)).toBeNull();
    expect(eFormBegun(counterEFormFields(marriage), { birthDate: '03/09/1992' }, refused)).toBe(false);
  });

  it('marks the values the registry gave, and those the desk changed since', () => {
    expect(fieldMark('fullName', ' LƯƠNG  THỊ HOA ', found)).toBe('registry');
    expect(fieldMark('personalId', '020 192 006 852', found)).toBe('registry');
    expect(fieldMark('birthDate', '03/09/1992', found)).toBe('registry');
    expect(fieldMark('permanentAddress', 'Số 9 phố khác', found)).toBe('changed');
    expect(fieldMark('partnerName', 'Nguyễn Văn Bình', found)).toBeNull();
    expect(fieldMark('fullName', 'Lương Thị Hoa', null)).toBeNull();
    expect([markText('registry'), markText('changed'), markText(null)]).toEqual([REGISTRY_MARK, CHANGED_MARK, undefined]);
  });

  it('ties the lookup to the number and procedure it was made for', () => {
    expect(lookupApplies(found, '020192006852', '1.000894')).toBe(true);
    expect(lookupApplies(found, '020192006853', '1.000894')).toBe(false);
    expect(lookupApplies(found, '020192006852', '1.004873')).toBe(false);
    expect(lookupApplies({ ...found, lookupId: null }, '020192006852', '1.000894')).toBe(false);
    expect(lookupApplies(null, '020192006852', '1.000894')).toBe(false);
  });
});

describe('the e-form at the counter', () => {
  const fields = counterEFormFields(marriage);

  it('asks only what the applicant block does not: the date of birth first, then the rest and the procedure’s own fields', () => {
    expect(fields.map((f) => f.key)).toEqual(['birthDate', 'gender', 'ethnicity', 'currentAddress', 'partnerName', 'partnerPersonalId']);
    expect(counterEFormFields({}).map((f) => f.key)).toEqual(['birthDate', 'gender', 'ethnicity', 'currentAddress', 'request']);
    expect([eFormInputId('birthDate'), eFormInputId('partnerName')]).toEqual(['nguoi-nop-ngay-sinh', 'to-khai-partnerName']);
  });

  it('is begun once the registry filled it or the desk typed one of its fields (not the date typed for a lookup)', () => {
    expect(eFormBegun(fields, {}, null)).toBe(false);
    expect(eFormBegun(fields, { birthDate: '03/09/1992' }, null)).toBe(false);
    expect(eFormBegun(fields, { partnerName: 'Nguyễn Văn Bình' }, null)).toBe(true);
    expect(eFormBegun(fields, {}, found)).toBe(true);
  });

  it('sends values by e-form key, dates as yyyy-MM-dd, numbers without spaces, empty values left out', () => {
    const block = { ...typed, address: ' Số 9 phố khác ', phone: '0912 000 111' };
    expect(formDataOf(fields, block, { birthDate: '03/09/1992', gender: 'Nữ', ethnicity: '', partnerPersonalId: '020 090 001 234' })).toEqual({
      fullName: 'luong thi hoa',
      personalId: '020192006852',
      permanentAddress: 'Số 9 phố khác',
      phone: '0912 000 111',
      birthDate: '1992-09-03',
      gender: 'Nữ',
      partnerPersonalId: '020090001234',
    });
  });

  it('puts each problem on the input where the desk fixes it', () => {
    const check = checkCounterEForm(marriage, { ...typed, phone: '12' }, { birthDate: '31/02/1992', gender: 'Nữ' });
    expect(check.block).toEqual({ address: 'Cần nhập nơi thường trú.', phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.' });
    expect(Object.keys(check.extras)).toEqual(['birthDate', 'partnerName', 'partnerPersonalId']);
    expect(check.extras.birthDate).toContain('ngày/tháng/năm');
    expect(check.extras.partnerName).toBe('Cần nhập họ, chữ đệm và tên của bên kia.');
  });

  it('finds nothing wrong with a complete form', () => {
    const block = { ...typed, address: 'Số 9 phố khác', phone: '0912000111' };
    const check = checkCounterEForm(marriage, block, {
      birthDate: '03/09/1992',
      gender: 'Nữ',
      partnerName: 'Nguyễn Văn Bình',
      partnerPersonalId: '020090001234',
    });
    expect(check).toEqual({ block: {}, extras: {} });
  });
});
