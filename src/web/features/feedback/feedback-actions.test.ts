import { describe, expect, it } from 'vitest';
import { ALLOWED } from '../../../domain/feedback/feedback.js';
import { actionFieldErrors, buildCommand, EMPTY_ACTION, initialActionValues, offeredActions, validateAction } from './feedback-actions.js';

describe('the actions offered', () => {
  it('are the known ones the server lists, in its order, with whether they need a form', () => {
    expect(offeredActions(['classify', 'accept', 'supplement', 'transfer'])).toEqual([
      { type: 'classify', label: 'Phân loại', needsForm: true },
      { type: 'accept', label: 'Tiếp nhận xử lý', needsForm: false },
      { type: 'transfer', label: 'Chuyển đơn vị xử lý', needsForm: true },
    ]);
  });

  it('cover every officials’ action the domain allows', () => {
    const officials = new Set(Object.values(ALLOWED).flat());
    for (const reporterOnly of ['supplement', 'reraise', 'receive'] as const) officials.delete(reporterOnly);
    expect(
      offeredActions([...officials])
        .map((a) => a.type)
        .sort(),
    ).toEqual([...officials].sort());
  });
});

describe('an action’s form', () => {
  it('asks for what each action needs', () => {
    expect(validateAction('classify', EMPTY_ACTION)).toEqual({ kind: 'Chọn loại phản ánh.' });
    expect(validateAction('transfer', EMPTY_ACTION)).toEqual({ toUnitCode: 'Chọn đơn vị nhận.', reason: 'Nhập lý do.' });
    expect(validateAction('refuse', { ...EMPTY_ACTION, reason: 'ab' })).toEqual({ reason: 'Lý do cần ít nhất 3 ký tự.' });
    expect(validateAction('draftAnswer', { ...EMPTY_ACTION, answer: 'ngắn' })).toEqual({ answer: 'Trả lời cần ít nhất 20 ký tự.' });
    expect(validateAction('publish', EMPTY_ACTION)).toEqual({});
  });

  it('starts from the draft answer and the kind already chosen', () => {
    const item = { answerDraft: 'Phường đã niêm yết lại hướng dẫn.', kind: 'conduct' as const, procedureCode: '1.001193' };
    expect(initialActionValues('draftAnswer', item).answer).toBe('Phường đã niêm yết lại hướng dẫn.');
    expect(initialActionValues('classify', item)).toMatchObject({ kind: 'conduct', procedureCode: '1.001193' });
  });
});

describe('the command sent', () => {
  it('carries the version read and only the action’s fields, trimmed', () => {
    expect(buildCommand('classify', { ...EMPTY_ACTION, kind: 'regulation', procedureCode: ' 1.001193 ' }, 4)).toEqual({
      ok: true,
      command: { type: 'classify', expectedSeq: 4, kind: 'regulation', procedureCode: '1.001193', fieldCode: null },
    });
    expect(buildCommand('transfer', { ...EMPTY_ACTION, toUnitCode: '000.00.31.H37', reason: ' Thuộc thẩm quyền phường ', answer: 'x' }, 2)).toEqual({
      ok: true,
      command: { type: 'transfer', expectedSeq: 2, toUnitCode: '000.00.31.H37', reason: 'Thuộc thẩm quyền phường' },
    });
    expect(buildCommand('approveAnswer', EMPTY_ACTION, 7)).toEqual({ ok: true, command: { type: 'approveAnswer', expectedSeq: 7 } });
    expect(buildCommand('refuse', EMPTY_ACTION, 1)).toEqual({ ok: false, errors: { reason: 'Nhập lý do.' } });
  });

  it("puts the server's problems back on the form's fields", () => {
    expect(
      actionFieldErrors([
        { path: 'body.toUnitCode', message: 'Không có đơn vị X' },
        { path: '', message: 'Chung' },
      ]),
    ).toEqual({
      fields: { toUnitCode: 'Không có đơn vị X' },
      other: ['Chung'],
    });
  });
});
