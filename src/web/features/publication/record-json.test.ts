import { describe, expect, it } from 'vitest';
import { completeness, parseRecordText, recordFromDetail, recordToText, templateRecord } from './record-json.js';

describe('the procedure record edited as JSON', () => {
  it('starts a new procedure from a template whose process steps already add up to the time limit', () => {
    const record = templateRecord('2.999901');
    const parsed = parseRecordText(recordToText(record));
    // The template's only shape gap is the field code, which the server requires.
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([{ path: 'fieldCode', message: 'không được để trống' }]);
    const report = completeness(record);
    expect(report.process).toEqual([]);
    const missing = report.parts.filter((p) => p.problems.length > 0).map((p) => p.part);
    expect(missing).toEqual(['a', 'b', 'd', 'g', 'h']);
    expect(report.parts.find((p) => p.part === 'd')?.problems).toEqual(['d) Thành phần, số lượng hồ sơ: chưa có nội dung']);
    expect(report.complete).toBe(false);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const parsed = parseRecordText('{\n  "code": "1.000001",\n  "name" "x"\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.syntaxError).toMatch(/^Nội dung không đúng cú pháp JSON/);
    const empty = parseRecordText('  ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.syntaxError).toBe('Chưa có nội dung thủ tục.');
  });

  it('names wrong types, missing and unknown fields in Vietnamese, with their path', () => {
    const record = { ...templateRecord('1.000001'), fieldCode: 'G09-TP05' } as Record<string, unknown>;
    record.methods = [{ channel: 'fax', timeLimit: { amount: 1.5, unit: 'working_days' }, description: 'x' }];
    record.fieldName = 'Hộ tịch';
    delete record.subjects;
    const parsed = parseRecordText(JSON.stringify(record));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems).toEqual([
        { path: 'methods.0.channel', message: 'phải là một trong: counter, online, postal' },
        { path: 'methods.0.timeLimit.amount', message: 'phải là số nguyên' },
        { path: 'subjects', message: 'thiếu trường này' },
        { path: 'fieldName', message: 'trường không được phép, cần xóa' },
      ]);
    }
    const notObject = parseRecordText('[1, 2]');
    expect(notObject.ok).toBe(false);
    if (!notObject.ok) expect(notObject.problems).toEqual([{ path: '(gốc)', message: 'phải là một đối tượng { … }' }]);
  });

  it('takes the record out of a procedure page answer, and finds a complete record complete', () => {
    const record = {
      ...templateRecord('1.000001'),
      name: 'Đăng ký khai sinh',
      fieldCode: 'G09-TP05',
      sequence: ['Nộp hồ sơ', 'Nhận kết quả'],
      components: [{ code: 'TP1', name: 'Tờ khai', form: 'original' as const, quantity: 1, required: true, template: null }],
      agency: { competentAuthority: 'Sở Tư pháp', implementingUnitCodes: ['000.00.04.H37'], coordinatingUnitCodes: [] },
      results: [{ code: 'KQ1', name: 'Giấy khai sinh', template: null }],
    };
    const extracted = recordFromDetail({ ...record, fieldName: 'Hộ tịch', versionInfo: { version: 1 } });
    expect(extracted).toEqual(record);
    expect(Object.keys(extracted)).not.toContain('versionInfo');
    const parsed = parseRecordText(recordToText(extracted));
    expect(parsed.ok).toBe(true);
    expect(completeness(extracted).complete).toBe(true);
  });

  it('checks the budget-sum rule: the steps must add up to the counter channel’s time limit', () => {
    const record = templateRecord('1.000001');
    record.methods = [{ channel: 'counter', timeLimit: { amount: 12, unit: 'working_days' }, description: 'x' }];
    expect(completeness(record).process).toEqual(['Tổng thời gian các bước (10 ngày làm việc) phải bằng thời hạn giải quyết (12 ngày làm việc)']);
  });
});
