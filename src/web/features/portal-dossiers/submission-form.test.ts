import { describe, expect, it } from 'vitest';
import type { ProcedureComponent, ProcedureRecord } from '../../../domain/catalogue/procedure.js';
import type { Unit } from '../../../domain/units/unit.js';
import {
  chosenUnit,
  draftStorageKey,
  errorSummary,
  expiredDrafts,
  initialDraft,
  isBlankDraft,
  isValidEmail,
  isValidPhone,
  normalizePhone,
  parseDraft,
  serializeDraft,
  serverIssues,
  toSubmission,
  unitChoice,
  validateDraft,
  type SubmissionDraft,
} from './submission-form.js';

const component = (code: string, name: string, required = true, quantity = 1): ProcedureComponent => ({
  code,
  name,
  form: 'original',
  quantity,
  required,
  template: null,
});

const BIRTH: Pick<ProcedureRecord, 'code' | 'level' | 'agency' | 'components'> = {
  code: '1.001193',
  level: 'commune',
  agency: { competentAuthority: 'Ủy ban nhân dân cấp xã', implementingUnitCodes: [], coordinatingUnitCodes: [] },
  components: [component('TK', 'Tờ khai đăng ký khai sinh'), component('CS', 'Giấy chứng sinh'), component('', 'Giấy tờ khác', false, 2)],
};

const unit = (code: string, name: string, level: Unit['level'], validTo: string | null = null): Unit => ({
  code,
  name,
  level,
  parentCode: level === 'province' ? null : '000.00.00.H37',
  validFrom: '2008-01-01',
  validTo,
  replacedBy: [],
});

const UNITS: Unit[] = [
  unit('000.00.00.H37', 'Ủy ban nhân dân tỉnh Lạng Sơn', 'province'),
  unit('000.00.03.H37', 'Sở Tư pháp', 'department'),
  unit('000.00.35.H37', 'Xã Cao Lộc', 'commune'),
  unit('000.00.31.H37', 'Phường Tam Thanh', 'commune'),
  unit('000.00.36.H37', 'Phường Đông Kinh', 'commune'),
  unit('000.00.99.H37', 'Xã đã sáp nhập', 'commune', '2025-06-30'),
];
const TODAY = '2026-11-22';

const filled = (): SubmissionDraft => ({
  unitCode: '000.00.31.H37',
  address: ' Số 25 đường Trần Đăng Ninh ',
  phone: '0912.345.678',
  email: '',
  components: { TK: { provided: true, copies: 1 }, CS: { provided: true, copies: 1 }, '#3': { provided: false, copies: 2 } },
});

describe('unitChoice', () => {
  it('asks for a commune in force for a commune procedure, in Vietnamese order', () => {
    const choice = unitChoice(BIRTH, UNITS, TODAY);
    expect(choice.kind).toBe('pick');
    if (choice.kind !== 'pick') return;
    expect(choice.label).toBe('Xã, phường giải quyết hồ sơ');
    expect(choice.options.map((o) => o.label)).toEqual(['Phường Đông Kinh', 'Phường Tam Thanh', 'Xã Cao Lộc']);
  });

  it('needs no choice when one unit implements the procedure', () => {
    const choice = unitChoice({ level: 'province', agency: { ...BIRTH.agency, implementingUnitCodes: ['000.00.03.H37'] } }, UNITS, TODAY);
    expect(choice).toEqual({ kind: 'fixed', unitCode: '000.00.03.H37', name: 'Sở Tư pháp' });
    expect(chosenUnit(choice, { unitCode: null })).toEqual({ code: '000.00.03.H37', name: 'Sở Tư pháp' });
  });

  it('offers the named units when several implement it, and nothing when none is named', () => {
    const several = unitChoice({ level: 'province', agency: { ...BIRTH.agency, implementingUnitCodes: ['000.00.35.H37', '000.00.03.H37'] } }, UNITS, TODAY);
    expect(several.kind === 'pick' && several.options.map((o) => o.value)).toEqual(['000.00.03.H37', '000.00.35.H37']);
    expect(unitChoice({ level: 'province', agency: BIRTH.agency }, UNITS, TODAY)).toEqual({ kind: 'none' });
  });

  it('only accepts a pick that is among the options', () => {
    const choice = unitChoice(BIRTH, UNITS, TODAY);
    expect(chosenUnit(choice, { unitCode: '000.00.31.H37' })).toEqual({ code: '000.00.31.H37', name: 'Phường Tam Thanh' });
    expect(chosenUnit(choice, { unitCode: '000.00.99.H37' })).toBeNull();
    expect(chosenUnit(choice, { unitCode: null })).toBeNull();
  });
});

describe('validateDraft', () => {
  const choice = unitChoice(BIRTH, UNITS, TODAY);

  it('passes a complete draft', () => {
    expect(validateDraft(filled(), BIRTH, choice)).toEqual({});
  });

  it('asks for the commune, the address, a phone number and every required paper, in the order of the form', () => {
    const errors = validateDraft(initialDraft(BIRTH), BIRTH, choice);
    expect(Object.keys(errors).sort()).toEqual(['address', 'component:CS', 'component:TK', 'phone', 'unitCode']);
    expect(errors.unitCode).toBe('Vui lòng chọn xã, phường giải quyết hồ sơ.');
    expect(errorSummary(errors, BIRTH).map((e) => e.field)).toEqual(['unitCode', 'address', 'phone', 'component:TK', 'component:CS']);
    expect(errorSummary(errors, BIRTH).at(-1)?.text).toBe('Giấy chứng sinh: giấy tờ bắt buộc, hãy chuẩn bị và đánh dấu đã có.');
  });

  it('checks the phone, the e-mail and the number of copies', () => {
    const draft = { ...filled(), phone: '12ab', email: 'khong-phai-email', components: { ...filled().components, TK: { provided: true, copies: 0 } } };
    const errors = validateDraft(draft, BIRTH, choice);
    expect(Object.keys(errors).sort()).toEqual(['component:TK', 'email', 'phone']);
  });

  it('refuses a procedure that names no unit', () => {
    expect(validateDraft(filled(), BIRTH, { kind: 'none' }).unitCode).toMatch(/chưa công bố cơ quan giải quyết/);
  });
});

describe('phone and e-mail', () => {
  it('normalises what people type into what the server accepts', () => {
    expect(normalizePhone('0912.345.678')).toBe('0912 345 678');
    expect(normalizePhone('(+84) 912-345-678')).toBe('+84 912 345 678');
    expect(isValidPhone(normalizePhone('0912.345.678'))).toBe(true);
    expect(isValidPhone('+84 912 345 678')).toBe(true);
    expect(isValidPhone('0912')).toBe(false);
    expect(isValidPhone('0912 345 678 999 000')).toBe(false);
  });

  it('checks the shape of an e-mail address', () => {
    expect(isValidEmail('hoangvanminh@example.com')).toBe(true);
    expect(isValidEmail('a@b')).toBe(false);
    expect(isValidEmail('a b@c.vn')).toBe(false);
  });
});

describe('toSubmission', () => {
  it('sends the contact fields and only the papers declared, accept false', () => {
    expect(toSubmission(filled(), BIRTH, '000.00.31.H37', 'Hoàng Văn Minh')).toEqual({
      procedureCode: '1.001193',
      channel: 'online',
      unitCode: '000.00.31.H37',
      applicant: { fullName: 'Hoàng Văn Minh', personalId: null, address: 'Số 25 đường Trần Đăng Ninh', phone: '0912 345 678', email: null },
      components: [
        { code: 'TK', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
        { code: 'CS', name: 'Giấy chứng sinh', form: 'original', copies: 1 },
      ],
      accept: false,
    });
  });
});

describe('drafts on the device', () => {
  it('are deleted once never sent for longer than the retention period, or unreadable; other keys are left alone', () => {
    const now = new Date('2026-12-06T03:00:00Z');
    const entries: [string, string | null][] = [
      [draftStorageKey('u1', '1.001193'), serializeDraft(filled(), new Date('2026-11-07T03:00:00Z'))], // 29 days
      [draftStorageKey('u1', '1.000656'), serializeDraft(filled(), new Date('2026-11-05T03:00:00Z'))], // 31 days
      [draftStorageKey('u2', '1.001193'), '{not json'],
      [draftStorageKey('u3', '1.001193'), JSON.stringify({ v: 1, draft: {} })],
      ['motcua.theme', 'dark'],
    ];
    expect(expiredDrafts(entries, now, 30)).toEqual([draftStorageKey('u1', '1.000656'), draftStorageKey('u2', '1.001193'), draftStorageKey('u3', '1.001193')]);
    expect(expiredDrafts(entries, now, 60)).toEqual([draftStorageKey('u2', '1.001193'), draftStorageKey('u3', '1.001193')]);
  });

  it('are kept per person and per procedure', () => {
    expect(draftStorageKey('u1', '1.001193')).not.toBe(draftStorageKey('u2', '1.001193'));
    expect(draftStorageKey('u1', '1.001193')).not.toBe(draftStorageKey('u1', '1.000656'));
  });

  it('come back as they were saved', () => {
    const saved = serializeDraft(filled(), new Date('2026-11-22T03:00:00Z'));
    expect(parseDraft(saved, BIRTH)).toEqual({ draft: filled(), savedAt: '2026-11-22T03:00:00.000Z' });
  });

  it('drop papers no longer asked for, fill in new ones, and ignore junk', () => {
    const old = JSON.stringify({
      v: 1,
      savedAt: 'x',
      draft: { unitCode: 42, address: 'Thôn Nà Chuông', phone: 7, components: { GONE: { provided: true, copies: 1 }, TK: { provided: true, copies: 999 } } },
    });
    const parsed = parseDraft(old, BIRTH)!;
    expect(parsed.draft.unitCode).toBeNull();
    expect(parsed.draft.address).toBe('Thôn Nà Chuông');
    expect(parsed.draft.phone).toBe('');
    expect(Object.keys(parsed.draft.components)).toEqual(['TK', 'CS', '#3']);
    expect(parsed.draft.components.TK).toEqual({ provided: true, copies: 1 });
    expect(parsed.draft.components['#3']).toEqual({ provided: false, copies: 2 });
    for (const junk of [null, '', '{', '[]', '"x"', JSON.stringify({ v: 2, draft: {} }), JSON.stringify({ v: 1 })]) expect(parseDraft(junk, BIRTH)).toBeNull();
  });

  it('tell a blank form from one worth keeping', () => {
    expect(isBlankDraft(initialDraft(BIRTH), BIRTH)).toBe(true);
    expect(isBlankDraft({ ...initialDraft(BIRTH), phone: '0' }, BIRTH)).toBe(false);
    expect(isBlankDraft(filled(), BIRTH)).toBe(false);
  });
});

describe('serverIssues', () => {
  it('names the field of each validation detail', () => {
    expect(serverIssues([{ path: 'body.applicant.phone', message: 'số điện thoại không hợp lệ' }, { path: 'body', message: 'Cần thông tin' }, 'junk'])).toEqual(
      ['Số điện thoại: số điện thoại không hợp lệ', 'Cần thông tin'],
    );
    expect(serverIssues(undefined)).toEqual([]);
  });
});
