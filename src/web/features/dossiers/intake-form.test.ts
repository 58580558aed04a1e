import { describe, expect, it } from 'vitest';
import type { ProcedureComponent, ProcedureMethod } from '../../../domain/catalogue/procedure.js';
import type { Attachment } from '../../shared/attachments.js';
import {
  buildIntakeBody,
  componentLines,
  defaultSupplementReason,
  firstErrorField,
  hasErrors,
  initialIntake,
  intakeChannels,
  missingRequired,
  scanJobs,
  scanStateLabel,
  scanStates,
  type IntakeValues,
} from './intake-form.js';

const methods: ProcedureMethod[] = [
  { channel: 'online', timeLimit: { amount: 1, unit: 'working_days' }, description: '' },
  { channel: 'postal', timeLimit: { amount: 1, unit: 'working_days' }, description: '' },
  { channel: 'counter', timeLimit: { amount: 1, unit: 'working_days' }, description: '' },
];
const components: ProcedureComponent[] = [
  { code: 'TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1, required: true, template: 'Mẫu' },
  { code: 'TP2', name: 'Giấy chứng sinh', form: 'original', quantity: 0, required: true, template: null },
  { code: 'TP3', name: 'Văn bản ủy quyền', form: 'certifiedCopy', quantity: 1, required: false, template: null },
];
const procedure = { code: '1.001193', methods, components };

function filled(overrides: Partial<IntakeValues> = {}): IntakeValues {
  return { ...initialIntake(procedure), fullName: ' Nguyễn Thị Hoa ', personalId: '020190001234', ...overrides };
}

describe('counter intake form', () => {
  it('offers the counter and postal channels of the procedure, the counter first', () => {
    expect(intakeChannels(procedure)).toEqual(['counter', 'postal']);
    expect(initialIntake(procedure).channel).toBe('counter');
    expect(initialIntake({ methods: [methods[1]!], components }).channel).toBe('postal');
  });

  it('ticks the required components with at least one copy', () => {
    expect(componentLines(components).map((c) => [c.code, c.checked, c.copies])).toEqual([
      ['TP1', true, '1'],
      ['TP2', true, '1'],
      ['TP3', false, '1'],
    ]);
  });

  it('builds the request with empty optional fields as null and only the ticked components', () => {
    const result = buildIntakeBody(procedure, filled({ channel: 'counter', address: '  ', phone: '0912 345 678', email: 'hoa@example.vn' }));
    expect(result).toEqual({
      ok: true,
      body: {
        procedureCode: '1.001193',
        channel: 'counter',
        unitCode: null,
        applicant: { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: null, phone: '0912 345 678', email: 'hoa@example.vn' },
        components: [
          { code: 'TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
          { code: 'TP2', name: 'Giấy chứng sinh', form: 'original', copies: 1 },
        ],
        accept: true,
      },
    });
  });

  it('reports every problem at once, in Vietnamese, and where to move focus', () => {
    const lines = initialIntake(procedure).components.map((c) => ({ ...c, checked: false }));
    const result = buildIntakeBody(procedure, filled({ fullName: '', personalId: '12345', phone: 'abc', email: 'hoa@', components: lines }));
    expect(result).toEqual({
      ok: false,
      errors: {
        fullName: 'Nhập họ và tên người nộp hồ sơ.',
        personalId: 'Số định danh cá nhân gồm đúng 12 chữ số.',
        phone: 'Số điện thoại gồm 8–15 chữ số (có thể có dấu + và khoảng trắng).',
        email: 'Địa chỉ email không hợp lệ.',
        components:
          'Thiếu thành phần bắt buộc: Tờ khai đăng ký khai sinh; Giấy chứng sinh. Nhận đủ giấy tờ hoặc lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).',
      },
    });
    if (!result.ok) expect(firstErrorField(result.errors)).toBe('fullName');
    expect(hasErrors({ procedure: undefined })).toBe(false);
    expect(hasErrors({ email: 'x' })).toBe(true);
  });

  it('accepts only with every mandatory component ticked; optional ones may be missing', () => {
    const withoutBirthCertificate = initialIntake(procedure).components.map((c) => (c.code === 'TP2' ? { ...c, checked: false } : c));
    expect(missingRequired(withoutBirthCertificate)).toEqual([{ code: 'TP2', name: 'Giấy chứng sinh' }]);
    expect(buildIntakeBody(procedure, filled({ components: withoutBirthCertificate }))).toMatchObject({
      ok: false,
      errors: { components: expect.stringContaining('Thiếu thành phần bắt buộc: Giấy chứng sinh.') },
    });
    const onlyOptional = { ...procedure, components: [components[2]!] };
    const unticked = initialIntake(onlyOptional).components;
    expect(buildIntakeBody(onlyOptional, filled({ components: unticked }))).toMatchObject({
      ok: false,
      errors: { components: 'Đánh dấu ít nhất một thành phần hồ sơ đã nhận.' },
    });
  });

  it('receives an incomplete dossier with a supplement request (form 02) listing what is missing, and needs its reason', () => {
    const withoutBirthCertificate = initialIntake(procedure).components.map((c) => (c.code === 'TP2' ? { ...c, checked: false } : c));
    const values = filled({ components: withoutBirthCertificate });
    const reason = defaultSupplementReason(missingRequired(withoutBirthCertificate));
    expect(reason).toBe('Hồ sơ chưa có đủ thành phần bắt buộc theo quy định của thủ tục.');
    expect(buildIntakeBody(procedure, values, { reason: ` ${reason} ` })).toMatchObject({
      ok: true,
      body: {
        components: [{ code: 'TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 }],
        accept: false,
        receptionSupplement: { reason, items: ['Giấy chứng sinh'] },
      },
    });
    const blank = buildIntakeBody(procedure, values, { reason: '  ' });
    expect(blank).toEqual({ ok: false, errors: { supplementReason: 'Nhập lý do yêu cầu bổ sung, hoàn thiện hồ sơ.' } });
    if (!blank.ok) expect(firstErrorField(blank.errors)).toBe('supplementReason');
    expect(defaultSupplementReason([])).toBe('');
  });

  it('needs a procedure, a channel it offers, valid copies and a unit when several settle it', () => {
    expect(buildIntakeBody(null, filled())).toMatchObject({ ok: false, errors: { procedure: 'Chọn thủ tục hành chính.' } });
    const onlineOnly = { ...procedure, methods: [methods[0]!] };
    expect(buildIntakeBody(onlineOnly, filled({ channel: 'counter' }))).toMatchObject({
      ok: false,
      errors: { channel: 'Thủ tục không nhận hồ sơ theo cách này.' },
    });
    const lines = initialIntake(procedure).components.map((c) => (c.code === 'TP1' ? { ...c, copies: '0' } : c));
    expect(buildIntakeBody(procedure, filled({ components: lines }))).toMatchObject({ ok: false, errors: { copies: { TP1: 'Số bản từ 1 đến 100.' } } });
    const shared = { ...procedure, implementingUnitCodes: ['A', 'B'] };
    expect(buildIntakeBody(shared, filled())).toMatchObject({ ok: false, errors: { unitCode: 'Chọn cơ quan giải quyết hồ sơ.' } });
    expect(buildIntakeBody(shared, filled({ unitCode: 'B' }))).toMatchObject({ ok: true, body: { unitCode: 'B' } });
  });
});

describe('scans of the paper components', () => {
  const scan = (id: string): Attachment => ({ id, file: new File(['%PDF'], `${id}.pdf`), contentType: 'application/pdf' });
  // TP1 and TP2 ticked (required), TP3 not.
  const lines = componentLines(components);

  it('sends the scans of the components received only, digitized, with the component’s form', () => {
    const jobs = scanJobs(lines, { TP1: [scan('a'), scan('b')], TP3: [scan('c')] });
    expect(jobs.map((j) => [j.componentCode, j.id, j.form, j.digitized])).toEqual([
      ['TP1', 'a', 'original', true],
      ['TP1', 'b', 'original', true],
    ]);
  });

  it('tells for each component received whether it is digitized, still sending, failed, or paper only', () => {
    const item = (componentCode: string, status: 'waiting' | 'uploading' | 'done' | 'failed') => ({ job: { componentCode }, status });
    const states = scanStates(lines, [item('TP1', 'done'), item('TP1', 'done'), item('TP2', 'failed')]);
    expect(states.map((s) => [s.code, s.state, s.stored])).toEqual([
      ['TP1', 'digitized', 2],
      ['TP2', 'failed', 0],
    ]);
    expect(states.map(scanStateLabel)).toEqual(['Đã số hóa (2 tệp)', 'Bản scan chưa gửi được']);
    expect(scanStates(lines, [item('TP1', 'uploading')]).map(scanStateLabel)).toEqual(['Đang gửi bản scan…', 'Chưa số hóa (chỉ có bản giấy)']);
    expect(scanStateLabel({ code: 'TP1', name: '', state: 'failed', stored: 1 })).toBe('Đã số hóa 1 tệp; có tệp chưa gửi được');
  });

  it('tells a component met from the citizen’s data vault instead of paper (issue 20)', () => {
    const states = scanStates(lines, [], new Set(['TP2']));
    expect(states.map((s) => [s.code, s.state])).toEqual([
      ['TP1', 'paper'],
      ['TP2', 'reused'],
    ]);
    expect(scanStateLabel(states[1]!)).toBe('Dùng giấy tờ trong kho dữ liệu, không nhận bản giấy');
  });
});
