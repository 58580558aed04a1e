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
  reuseRequests,
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
  fields: {},
  components: {
    TK: { provided: true, copies: 1, vaultDocumentId: null },
    CS: { provided: true, copies: 1, vaultDocumentId: null },
    '#3': { provided: false, copies: 2, vaultDocumentId: null },
  },
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
    const draft = {
      ...filled(),
      phone: '12ab',
      email: 'khong-phai-email',
      components: { ...filled().components, TK: { provided: true, copies: 0, vaultDocumentId: null } },
    };
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
    expect(parseDraft(saved, initialDraft(BIRTH))).toEqual({ draft: filled(), savedAt: '2026-11-22T03:00:00.000Z' });
  });

  it('drop papers no longer asked for, fill in new ones, and ignore junk', () => {
    const old = JSON.stringify({
      v: 1,
      savedAt: 'x',
      draft: { unitCode: 42, address: 'Thôn Nà Chuông', phone: 7, components: { GONE: { provided: true, copies: 1 }, TK: { provided: true, copies: 999 } } },
    });
    const parsed = parseDraft(old, initialDraft(BIRTH))!;
    expect(parsed.draft.unitCode).toBeNull();
    expect(parsed.draft.address).toBe('Thôn Nà Chuông');
    expect(parsed.draft.phone).toBe('');
    expect(Object.keys(parsed.draft.components)).toEqual(['TK', 'CS', '#3']);
    expect(parsed.draft.components.TK).toEqual({ provided: true, copies: 1, vaultDocumentId: null });
    expect(parsed.draft.components['#3']).toEqual({ provided: false, copies: 2, vaultDocumentId: null });
    for (const junk of [null, '', '{', '[]', '"x"', JSON.stringify({ v: 2, draft: {} }), JSON.stringify({ v: 1 })])
      expect(parseDraft(junk, initialDraft(BIRTH))).toBeNull();
  });

  it('tell a blank form from one worth keeping', () => {
    const blank = initialDraft(BIRTH);
    expect(isBlankDraft(initialDraft(BIRTH), blank)).toBe(true);
    expect(isBlankDraft({ ...initialDraft(BIRTH), phone: '0' }, blank)).toBe(false);
    expect(isBlankDraft({ ...initialDraft(BIRTH), fields: { request: 'Cấp lại' } }, blank)).toBe(false);
    expect(isBlankDraft(filled(), blank)).toBe(false);
  });
});

describe('papers met from the data vault', () => {
  const REREGISTER: Pick<ProcedureRecord, 'code' | 'components'> = {
    code: '1.004884',
    components: [component('1.004884.TP1', 'Tờ khai đăng ký lại khai sinh'), component('1.004884.TP2', 'Bản sao Giấy khai sinh', true, 2)],
  };
  const offers = { '1.004884.TP2': ['doc-1', 'doc-2'] };
  const known = { contact: { address: 'Số 25 đường Trần Đăng Ninh', phone: '0912345678', email: 'minh@example.com' }, offers };

  it('start from what is known: the contact details, and the first document offered for each paper', () => {
    const blank = initialDraft(REREGISTER, known);
    expect(blank).toMatchObject({ address: 'Số 25 đường Trần Đăng Ninh', phone: '0912345678', email: 'minh@example.com', fields: {} });
    expect(blank.components['1.004884.TP1']).toEqual({ provided: false, copies: 1, vaultDocumentId: null });
    expect(blank.components['1.004884.TP2']).toEqual({ provided: true, copies: 2, vaultDocumentId: 'doc-1' });
    // Nothing typed beyond what was known: nothing to keep on the device.
    expect(isBlankDraft(blank, blank)).toBe(true);
    expect(isBlankDraft({ ...blank, components: { ...blank.components, '1.004884.TP2': { provided: true, copies: 2, vaultDocumentId: null } } }, blank)).toBe(
      false,
    );
  });

  it('are declared as one electronic copy, and asked for once the dossier exists; a paper of their own keeps its copies', () => {
    const draft = initialDraft(REREGISTER, known);
    draft.components['1.004884.TP1'] = { provided: true, copies: 1, vaultDocumentId: null };
    expect(toSubmission(draft, REREGISTER, '000.00.31.H37', 'Hoàng Văn Minh').components).toEqual([
      { code: '1.004884.TP1', name: 'Tờ khai đăng ký lại khai sinh', form: 'original', copies: 1 },
      { code: '1.004884.TP2', name: 'Bản sao Giấy khai sinh', form: 'electronic', copies: 1 },
    ]);
    expect(reuseRequests(draft, REREGISTER)).toEqual([{ componentCode: '1.004884.TP2', componentName: 'Bản sao Giấy khai sinh', vaultDocumentId: 'doc-1' }]);
    const own = { ...draft, components: { ...draft.components, '1.004884.TP2': { provided: true, copies: 0, vaultDocumentId: null } } };
    expect(reuseRequests(own, REREGISTER)).toEqual([]);
    // A vault document needs no number of copies; a paper of one's own does.
    expect(validateDraft({ ...draft, unitCode: null }, REREGISTER, { kind: 'fixed', unitCode: 'x', name: 'x' })).toEqual({});
    expect(Object.keys(validateDraft(own, REREGISTER, { kind: 'fixed', unitCode: 'x', name: 'x' }))).toEqual(['component:1.004884.TP2']);
  });

  it('send the e-form and the lookup that prefilled it with the dossier', () => {
    const body = toSubmission(initialDraft(REREGISTER, known), REREGISTER, '000.00.31.H37', 'Hoàng Văn Minh', {
      formData: { fullName: 'Hoàng Văn Minh', request: 'Mất bản chính' },
      populationLookupId: '7d0c3c9e-1111-4222-8333-444455556666',
    });
    expect(body).toMatchObject({
      formData: { fullName: 'Hoàng Văn Minh', request: 'Mất bản chính' },
      populationLookupId: '7d0c3c9e-1111-4222-8333-444455556666',
      applicant: { address: 'Số 25 đường Trần Đăng Ninh', phone: '0912345678', email: 'minh@example.com' },
    });
  });

  it('come back from a stored draft only while still offered; a paper of one’s own stays so', () => {
    const blank = initialDraft(REREGISTER, known);
    const stored = (vaultDocumentId: string | null, provided = true) =>
      serializeDraft({
        ...blank,
        fields: { request: 'Mất bản chính' },
        components: { ...blank.components, '1.004884.TP2': { provided, copies: 2, vaultDocumentId } },
      });
    expect(parseDraft(stored('doc-2'), blank, offers)!.draft.components['1.004884.TP2']!.vaultDocumentId).toBe('doc-2');
    expect(parseDraft(stored('gone'), blank, offers)!.draft.components['1.004884.TP2']!.vaultDocumentId).toBe('doc-1');
    expect(parseDraft(stored('doc-2'), blank, {})!.draft.components['1.004884.TP2']!.vaultDocumentId).toBe('doc-1');
    expect(parseDraft(stored(null), blank, offers)!.draft.components['1.004884.TP2']).toEqual({ provided: true, copies: 2, vaultDocumentId: null });
    expect(parseDraft(stored('doc-2'), blank, offers)!.draft.fields).toEqual({ request: 'Mất bản chính' });
    // A draft from before the vault: a ticked paper is the citizen's own.
    const before = JSON.stringify({ v: 1, savedAt: 'x', draft: { components: { '1.004884.TP2': { provided: true, copies: 1 } } } });
    expect(parseDraft(before, blank, offers)!.draft.components['1.004884.TP2']).toEqual({ provided: true, copies: 1, vaultDocumentId: null });
    // Contact details not stored stay as known.
    expect(parseDraft(before, blank, offers)!.draft.phone).toBe('0912345678');
  });
});

describe('errorSummary with the e-form', () => {
  it('lists the applicant’s typed fields before the contact, the procedure’s own after it, each named', () => {
    const errors = {
      phone: 'Vui lòng nhập số điện thoại để cơ quan giải quyết liên hệ khi cần.',
      'field:gender': 'Cần nhập giới tính',
      'field:birthDate': 'Ngày phải có dạng năm-tháng-ngày',
      'field:purpose': 'Cần nhập mục đích sử dụng',
    };
    const typed = [
      { key: 'birthDate', label: 'Ngày, tháng, năm sinh', applicant: true },
      { key: 'gender', label: 'Giới tính', applicant: true },
      { key: 'purpose', label: 'Mục đích sử dụng' },
    ];
    expect(errorSummary(errors, { components: [] }, typed)).toEqual([
      { field: 'field:birthDate', text: 'Ngày, tháng, năm sinh: ngày phải có dạng năm-tháng-ngày' },
      { field: 'field:gender', text: 'Cần nhập giới tính' },
      { field: 'phone', text: 'Vui lòng nhập số điện thoại để cơ quan giải quyết liên hệ khi cần.' },
      { field: 'field:purpose', text: 'Cần nhập mục đích sử dụng' },
    ]);
  });

  it('keeps the e-form’s problems beside the form’s own checks', () => {
    const errors = validateDraft(filled(), BIRTH, unitChoice(BIRTH, UNITS, TODAY), { 'field:request': 'Nội dung đề nghị dài tối đa 2000 ký tự' });
    expect(errors).toEqual({ 'field:request': 'Nội dung đề nghị dài tối đa 2000 ký tự' });
  });
});

describe('serverIssues', () => {
  it('names the e-form field of a detail by its label, and the lookup', () => {
    expect(
      serverIssues(
        [
          { path: 'body.formData.partnerPersonalId', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số' },
          { path: 'body.formData.unknown', message: 'Biểu mẫu không có trường này' },
          { path: 'body.populationLookupId', message: 'Lượt tra cứu dân cư không dùng được' },
        ],
        { partnerPersonalId: 'Số định danh cá nhân của bên kia' },
      ),
    ).toEqual([
      'Số định danh cá nhân của bên kia: Số định danh cá nhân phải gồm đúng 12 chữ số',
      'Tờ khai: Biểu mẫu không có trường này',
      'Thông tin dân cư: Lượt tra cứu dân cư không dùng được',
    ]);
  });

  it('names the field of each validation detail', () => {
    expect(serverIssues([{ path: 'body.applicant.phone', message: 'số điện thoại không hợp lệ' }, { path: 'body', message: 'Cần thông tin' }, 'junk'])).toEqual(
      ['Số điện thoại: số điện thoại không hợp lệ', 'Cần thông tin'],
    );
    expect(serverIssues(undefined)).toEqual([]);
  });
});
