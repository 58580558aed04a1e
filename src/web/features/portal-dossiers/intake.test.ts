import { describe, expect, it } from 'vitest';
import { eFormOf } from '../../../domain/data-vault/e-form.js';
import type { IntakeForm } from '../data-vault/api/data-vault-api.js';
import {
  compactPhone,
  eFormErrors,
  eidLevelProblem,
  formValues,
  intakeLayout,
  registryNotice,
  reviewedFormFields,
  selectOptions,
  typedFieldsInOrder,
} from './intake.js';

/** Đăng ký kết hôn: the applicant's block, then the partner's name and personal id. */
const FIELDS = eFormOf({
  eForm: [
    { key: 'partnerName', label: 'Họ, chữ đệm và tên của bên kia', type: 'text', required: true, maxLength: 200 },
    { key: 'partnerPersonalId', label: 'Số định danh cá nhân của bên kia', type: 'personalId', required: true },
  ],
});

const FOUND: IntakeForm = {
  procedureCode: '1.000894',
  fields: FIELDS,
  lookup: {
    lookupId: '7d0c3c9e-1111-4222-8333-444455556666',
    outcome: 'found',
    message: 'Đã tìm thấy thông tin công dân',
    prefilled: {
      fullName: 'Lương Thị Hoa',
      personalId: '020192006852',
      birthDate: '1992-09-03',
      gender: 'Nữ',
      ethnicity: 'Kinh',
      permanentAddress: 'Số 118 đường Bà Triệu, phường Đông Kinh',
      currentAddress: 'Số 118 đường Bà Triệu, phường Đông Kinh',
      phone: '0983456712',
      email: 'luongthihoa@example.com',
    },
  },
  eidLevel: 2,
  eidLevel2Required: false,
};

/** The registry unreachable: only what the account knows. */
const UNAVAILABLE: IntakeForm = {
  ...FOUND,
  lookup: {
    lookupId: null,
    outcome: 'unavailable',
    message: 'Cơ sở dữ liệu quốc gia về dân cư không phản hồi; nhập thông tin còn thiếu.',
    prefilled: { fullName: 'Lương Thị Hoa', personalId: '020192006852', birthDate: '1992-09-03', phone: '0983456712' },
  },
};

describe('intakeLayout', () => {
  it('shows what the registry gave as confirmed data, dates dd/MM/yyyy, and asks only the procedure’s own fields', () => {
    const layout = intakeLayout(FOUND);
    expect(layout.confirmed.map((c) => [c.key, c.display, c.origin])).toEqual([
      ['fullName', 'Lương Thị Hoa', 'registry'],
      ['personalId', '020192006852', 'registry'],
      ['birthDate', '03/09/1992', 'registry'],
      ['gender', 'Nữ', 'registry'],
      ['ethnicity', 'Kinh', 'registry'],
      ['permanentAddress', 'Số 118 đường Bà Triệu, phường Đông Kinh', 'registry'],
      ['currentAddress', 'Số 118 đường Bà Triệu, phường Đông Kinh', 'registry'],
    ]);
    expect(layout.confirmed.find((c) => c.key === 'birthDate')!.value).toBe('1992-09-03');
    expect(layout.applicantInputs).toEqual([]);
    expect(layout.requestInputs.map((f) => f.key)).toEqual(['partnerName', 'partnerPersonalId']);
    expect(layout.contact).toEqual({ address: 'Số 118 đường Bà Triệu, phường Đông Kinh', phone: '0983456712', email: 'luongthihoa@example.com' });
    expect(typedFieldsInOrder(layout).map((f) => f.key)).toEqual(['partnerName', 'partnerPersonalId']);
  });

  it('without the registry, labels the account’s data as the account’s and asks the rest', () => {
    const layout = intakeLayout(UNAVAILABLE);
    expect(layout.confirmed.map((c) => [c.key, c.origin])).toEqual([
      ['fullName', 'account'],
      ['personalId', 'account'],
      ['birthDate', 'account'],
    ]);
    expect(layout.applicantInputs.map((f) => f.key)).toEqual(['gender', 'ethnicity', 'permanentAddress', 'currentAddress']);
    expect(layout.contact).toEqual({ address: '', phone: '0983456712', email: '' });
    expect(registryNotice(UNAVAILABLE.lookup)).toBe(UNAVAILABLE.lookup.message);
    expect(registryNotice(FOUND.lookup)).toBeNull();
  });

  it('asks again for a prefilled value the form would refuse', () => {
    const odd = { ...FOUND, lookup: { ...FOUND.lookup, prefilled: { ...FOUND.lookup.prefilled, gender: 'Khác' } } };
    expect(intakeLayout(odd).applicantInputs.map((f) => f.key)).toEqual(['gender']);
    expect(selectOptions(FIELDS.find((f) => f.key === 'gender')!)).toEqual([
      { value: '', label: '— Chọn —' },
      { value: 'Nam', label: 'Nam' },
      { value: 'Nữ', label: 'Nữ' },
    ]);
  });
});

describe('formValues and eFormErrors', () => {
  const typed = { phone: '0983 456 712', email: ' luongthihoa@example.com ', fields: { partnerName: ' Nguyễn Văn Bình ', partnerPersonalId: '020090001234' } };

  it('send the confirmed values, the contact as typed (phone without separators) and the typed fields, nothing else', () => {
    expect(formValues(FOUND, { ...typed, fields: { ...typed.fields, fullName: 'Tên khác', stray: 'x' } })).toEqual({
      ...FOUND.lookup.prefilled,
      phone: '0983456712',
      email: 'luongthihoa@example.com',
      partnerName: 'Nguyễn Văn Bình',
      partnerPersonalId: '020090001234',
    });
    expect(compactPhone('+84 (912) 345.678')).toBe('+84912345678');
    expect(eFormErrors(FOUND, typed)).toEqual({});
  });

  it('put each problem on its input: the contact fields by name, the others as field:{key}', () => {
    const errors = eFormErrors(UNAVAILABLE, { phone: '12', email: 'x@', fields: { partnerPersonalId: '12', currentAddress: '' } });
    expect(errors).toEqual({
      'field:gender': 'Cần nhập giới tính',
      'field:permanentAddress': 'Cần nhập nơi thường trú',
      phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0',
      email: 'Thư điện tử không đúng định dạng',
      'field:partnerName': 'Cần nhập họ, chữ đệm và tên của bên kia',
      'field:partnerPersonalId': 'Số định danh cá nhân phải gồm đúng 12 chữ số',
    });
  });

  it('show the declared values for review, beyond the name and the contact', () => {
    expect(reviewedFormFields(FOUND, typed).map((f) => `${f.label}: ${f.display}`)).toEqual([
      'Số định danh cá nhân: 020192006852',
      'Ngày, tháng, năm sinh: 03/09/1992',
      'Giới tính: Nữ',
      'Dân tộc: Kinh',
      'Nơi thường trú: Số 118 đường Bà Triệu, phường Đông Kinh',
      'Nơi ở hiện tại: Số 118 đường Bà Triệu, phường Đông Kinh',
      'Họ, chữ đệm và tên của bên kia: Nguyễn Văn Bình',
      'Số định danh cá nhân của bên kia: 020090001234',
    ]);
  });
});

describe('eidLevelProblem', () => {
  it('stops a level 1 account where the procedure needs level 2, and says how to go on', () => {
    expect(eidLevelProblem({ eidLevel: 2, eidLevel2Required: true })).toBeNull();
    expect(eidLevelProblem({ eidLevel: 1, eidLevel2Required: false })).toBeNull();
    expect(eidLevelProblem({ eidLevel: 1, eidLevel2Required: true })).toMatch(/VNeID mức độ 2; tài khoản bạn đang dùng mức độ 1\./);
    expect(eidLevelProblem({ eidLevel: null, eidLevel2Required: true })).toContain('chưa xác định được mức độ');
  });
});
