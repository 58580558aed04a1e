import { describe, expect, it } from 'vitest';
import {
  actionFields,
  buildActionBody,
  defaultReturnMethod,
  defaultTransferStep,
  dossierTransferTargets,
  emptyActionValues,
  isSecondSupplement,
  SECOND_SUPPLEMENT_WARNING,
  isoToLocalInput,
  localInputToIso,
  needsForm,
  parseAmount,
  parseItems,
  type ActionContext,
} from './action-forms.js';
import { templatesFor } from './response-templates.js';

const context: ActionContext = { expectedSeq: 4, currentStepIndex: 1, stepCount: 4, appointmentAt: '2026-11-24T17:00:00+07:00' };

describe('action forms', () => {
  it('runs actions without fields on a click and opens a form for the others', () => {
    expect(needsForm('claim')).toBe(false);
    expect(needsForm('accept')).toBe(false);
    expect(needsForm('approve')).toBe(true);
    expect(actionFields('apologize')).toEqual(['reason', 'newAppointmentAt']);
  });

  it('always sends expectedSeq', () => {
    expect(buildActionBody('claim', emptyActionValues(), context)).toEqual({ ok: true, body: { type: 'claim', expectedSeq: 4 } });
    expect(buildActionBody('approve', emptyActionValues(), context)).toEqual({ ok: true, body: { type: 'approve', expectedSeq: 4, note: null } });
  });

  it('needs a reason and at least one document for a supplement request, trimmed, one per line', () => {
    expect(buildActionBody('requestSupplement', emptyActionValues({ reason: '  ' }), context)).toEqual({
      ok: false,
      errors: { reason: 'Nhập lý do.', items: 'Liệt kê ít nhất một giấy tờ cần bổ sung.' },
    });
    const result = buildActionBody(
      'requestSupplement',
      emptyActionValues({ reason: ' Thiếu giấy chứng sinh ', items: 'Giấy chứng sinh\n\n  Tờ khai  \n' }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      body: { type: 'requestSupplement', expectedSeq: 4, reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh', 'Tờ khai'] },
    });
    expect(parseItems('a\r\nb')).toEqual(['a', 'b']);
  });

  it('refuses over-long reasons and documents', () => {
    expect(buildActionBody('reject', emptyActionValues({ reason: 'x'.repeat(2001) }), context)).toMatchObject({
      ok: false,
      errors: { reason: 'Không quá 2.000 ký tự.' },
    });
    expect(buildActionBody('requestSupplement', emptyActionValues({ reason: 'r', items: 'y'.repeat(501) }), context)).toMatchObject({
      ok: false,
      errors: { items: 'Mỗi giấy tờ không quá 500 ký tự.' },
    });
  });

  it('transfers to another step of the template, by index', () => {
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '' }), context)).toMatchObject({
      ok: false,
      errors: { toStep: 'Chọn bước chuyển hồ sơ đến.' },
    });
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '1' }), context)).toMatchObject({
      ok: false,
      errors: { toStep: 'Hồ sơ đang ở bước này; chọn bước khác.' },
    });
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '9' }), context)).toMatchObject({ ok: false });
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '2', note: 'Đủ điều kiện' }), context)).toEqual({
      ok: true,
      body: { type: 'transfer', expectedSeq: 4, toStep: 2, note: 'Đủ điều kiện' },
    });
    expect(defaultTransferStep([2])).toBe('2');
    expect(defaultTransferStep([2, 3])).toBe('2');
    expect(defaultTransferStep([])).toBe('');
  });

  it('offers and accepts only the next steps of the workflow, as the server does, with an optional recipient', () => {
    const template = [
      { index: 0, name: 'Tiếp nhận', role: 'desk_officer', unitCode: 'D', interAgency: false, budgetMinutes: 240 },
      { index: 1, name: 'Thẩm định', role: 'specialist', unitCode: 'U', interAgency: false, budgetMinutes: 960 },
      { index: 2, name: 'Xác minh', role: 'specialist', unitCode: 'P', interAgency: true, budgetMinutes: 480 },
      { index: 3, name: 'Ký duyệt', role: 'leader', unitCode: 'U', interAgency: false, budgetMinutes: 480 },
      { index: 4, name: 'Trả kết quả', role: 'desk_officer', unitCode: 'D', interAgency: false, budgetMinutes: 120 },
    ] as const;
    const at = (index: number | null) =>
      dossierTransferTargets({ template: [...template], currentStep: index === null ? null : { index, name: '', unitCode: '', unitName: '' } });
    expect(at(0)).toEqual([1]); // not straight to the last step
    expect(at(1)).toEqual([2, 3]);
    expect(at(3)).toEqual([]);
    const graph: ActionContext = { ...context, currentStepIndex: 0, stepCount: 5, transferTargets: at(0) };
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '4' }), graph)).toEqual({
      ok: false,
      errors: { toStep: 'Chỉ chuyển được đến bước tiếp theo của quy trình.' },
    });
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '1' }), graph)).toEqual({
      ok: true,
      body: { type: 'transfer', expectedSeq: 4, toStep: 1, note: null },
    });
    expect(buildActionBody('transfer', emptyActionValues({ toStep: '1', toOfficialId: 'u-1' }), graph)).toEqual({
      ok: true,
      body: { type: 'transfer', expectedSeq: 4, toStep: 1, note: null, toOfficialId: 'u-1' },
    });
  });

  it('asks for an acknowledgement before a second supplement request', () => {
    const values = emptyActionValues({ reason: 'Thiếu bản sao', items: 'Bản sao' });
    expect(isSecondSupplement({ history: [{ seq: 3, type: 'requestSupplement', at: '', actorRole: 'specialist', note: null, items: [] }] })).toBe(true);
    expect(isSecondSupplement({ history: [{ seq: 3, type: 'requestSupplementAtReception', at: '', actorRole: 'desk_officer', note: null, items: [] }] })).toBe(
      false,
    );
    const second = { ...context, secondSupplement: true };
    expect(buildActionBody('requestSupplement', values, second)).toEqual({
      ok: false,
      errors: { acknowledgeLate: 'Xác nhận đã biết hồ sơ sẽ bị tính là quá hạn.' },
    });
    expect(buildActionBody('requestSupplement', { ...values, acknowledgeLate: true }, second)).toEqual({
      ok: true,
      body: { type: 'requestSupplement', expectedSeq: 4, reason: 'Thiếu bản sao', items: ['Bản sao'], acknowledgeLate: true },
    });
    expect(SECOND_SUPPLEMENT_WARNING).toMatch(/^Yêu cầu bổ sung lần thứ hai: hồ sơ sẽ bị tính là quá hạn/);
  });

  it('reads fee amounts with Vietnamese thousands separators', () => {
    expect(parseAmount('1.500.000')).toBe(1_500_000);
    expect(parseAmount('50 000')).toBe(50_000);
    expect(parseAmount('12a')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(buildActionBody('requestFee', emptyActionValues({ amount: '20.000' }), context)).toEqual({
      ok: true,
      body: { type: 'requestFee', expectedSeq: 4, amount: 20_000, note: null },
    });
    expect(buildActionBody('requestFee', emptyActionValues({ amount: '99999999999' }), context)).toMatchObject({
      ok: false,
      errors: { amount: 'Số tiền quá lớn.' },
    });
  });

  it('needs a return method, proposing the way the dossier came in', () => {
    expect(buildActionBody('returnResult', emptyActionValues(), context)).toMatchObject({ ok: false, errors: { method: 'Chọn hình thức trả kết quả.' } });
    expect(buildActionBody('returnResult', emptyActionValues({ method: 'postal' }), context)).toEqual({
      ok: true,
      body: { type: 'returnResult', expectedSeq: 4, method: 'postal' },
    });
    expect(defaultReturnMethod('online')).toBe('online');
    expect(defaultReturnMethod('fax')).toBe('');
  });

  it('sends an apology’s new appointment as an instant with +07:00, later than the current one', () => {
    expect(localInputToIso('2026-11-26T10:00')).toBe('2026-11-26T10:00:00+07:00');
    expect(localInputToIso('2026-02-31T10:00')).toBeNull();
    expect(localInputToIso('26/11/2026')).toBeNull();
    expect(isoToLocalInput('2026-11-24T17:00:00+07:00')).toBe('2026-11-24T17:00');
    expect(isoToLocalInput('2026-11-24T10:00:00Z')).toBe('2026-11-24T17:00');
    expect(buildActionBody('apologize', emptyActionValues({ reason: 'Cần xác minh', newAppointmentAt: '2026-11-24T17:00' }), context)).toMatchObject({
      ok: false,
      errors: { newAppointmentAt: 'Ngày hẹn mới phải sau ngày hẹn hiện tại (24/11/2026 17:00).' },
    });
    expect(buildActionBody('apologize', emptyActionValues({ reason: 'Cần xác minh', newAppointmentAt: '' }), context)).toMatchObject({
      ok: false,
      errors: { newAppointmentAt: 'Nhập ngày và giờ hẹn trả mới.' },
    });
    expect(buildActionBody('apologize', emptyActionValues({ reason: 'Cần xác minh', newAppointmentAt: '2026-11-26T10:00' }), context)).toEqual({
      ok: true,
      body: { type: 'apologize', expectedSeq: 4, reason: 'Cần xác minh', newAppointmentAt: '2026-11-26T10:00:00+07:00' },
    });
  });

  it('offers canned reasons where a reason is asked for', () => {
    expect(templatesFor('requestSupplement').map((t) => t.reason)).toContain('Thiếu bản sao giấy tờ tùy thân');
    expect(templatesFor('requestSupplement').every((t) => (t.items?.length ?? 0) > 0)).toBe(true);
    expect(templatesFor('refuse').length).toBeGreaterThan(0);
    expect(templatesFor('claim')).toEqual([]);
    for (const type of ['refuse', 'reject', 'withdraw', 'stop', 'apologize', 'recomputeDue'] as const) {
      for (const template of templatesFor(type)) {
        expect(buildActionBody(type, emptyActionValues({ reason: template.reason, newAppointmentAt: '2026-12-01T09:00' }), context).ok).toBe(true);
      }
    }
  });
});
