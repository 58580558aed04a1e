import { describe, expect, it } from 'vitest';
import { buildDecision, groupProblems, isCalendarDate, itemHeading, statusLabel, type DecisionDraft, type ItemDraft } from './decision-draft.js';
import { problemsFromDetails } from '../../shared/api.js';
import { recordToText, templateRecord } from './record-json.js';

const item = (change: Partial<ItemDraft> = {}): ItemDraft => ({
  key: 1,
  kind: 'abolished',
  procedureCode: '1.004873',
  replacesCode: '',
  effectiveFrom: '2030-01-01',
  legalDocumentNumber: '',
  recordText: '',
  ...change,
});

const draft = (change: Partial<DecisionDraft> = {}): DecisionDraft => ({
  number: ' 99/QĐ-UBND ',
  issuedOn: '2026-11-22',
  signer: 'Nông Quốc Hùng',
  unitCode: '000.00.00.H37',
  items: [item()],
  ...change,
});

describe('drafting a publication decision', () => {
  it('builds the request body of an abolition: no record, trimmed fields, nulls for what is absent', () => {
    const { input } = buildDecision(draft());
    expect(input).toEqual({
      number: '99/QĐ-UBND',
      issuedOn: '2026-11-22',
      signer: 'Nông Quốc Hùng',
      unitCode: '000.00.00.H37',
      items: [{ kind: 'abolished', procedureCode: '1.004873', replacesCode: null, effectiveFrom: '2030-01-01', legalDocumentNumber: null, record: null }],
    });
  });

  it('refuses to send an empty or malformed decision, with a Vietnamese message next to each field', () => {
    const { input, errors } = buildDecision(draft({ number: ' ', issuedOn: '2026-02-30', signer: '', unitCode: null, items: [] }));
    expect(input).toBeNull();
    expect(errors.fields).toEqual({
      number: 'Nhập số quyết định, ví dụ 1234/QĐ-UBND.',
      issuedOn: 'Ngày ban hành không hợp lệ.',
      signer: 'Nhập họ tên người ký.',
      unitCode: 'Chọn cơ quan ban hành.',
      items: 'Quyết định cần ít nhất một thủ tục.',
    });
  });

  it('checks each item: code format, duplicates, the replaced code, the date and the record’s code', () => {
    const newRecord = { ...templateRecord('2.999901'), fieldCode: 'G09-TP05' };
    const { input, errors } = buildDecision(
      draft({
        items: [
          item({ procedureCode: '1.23' }),
          item({ kind: 'replaced', procedureCode: '2.999902', replacesCode: '2.999902', effectiveFrom: '', recordText: recordToText(newRecord) }),
          item({ kind: 'new', procedureCode: '2.999903', recordText: recordToText(newRecord) }),
          item({ kind: 'new', procedureCode: '2.999903', recordText: '{' }),
        ],
      }),
    );
    expect(input).toBeNull();
    expect(errors.items.get(0)).toEqual({ procedureCode: 'Mã thủ tục có dạng 1.001234 hoặc 2.001234.' });
    expect(errors.items.get(1)).toEqual({
      replacesCode: 'Mã thủ tục bị thay thế phải khác mã thủ tục mới.',
      effectiveFrom: 'Chọn ngày có hiệu lực.',
      record: 'Mã trong nội dung (2.999901) khác mã thủ tục 2.999902.',
    });
    expect(errors.items.get(2)).toEqual({ record: 'Mã trong nội dung (2.999901) khác mã thủ tục 2.999903.' });
    expect(errors.items.get(3)?.procedureCode).toBe('Thủ tục 2.999903 đã có ở mục khác của quyết định.');
    expect(errors.items.get(3)?.record).toMatch(/^Nội dung không đúng cú pháp JSON/);
  });

  it('lets an incomplete but well-formed record through: the server lists what blocks publication', () => {
    const record = { ...templateRecord('2.999901'), fieldCode: 'G09-TP05' };
    const { input } = buildDecision(draft({ items: [item({ kind: 'new', procedureCode: '2.999901', recordText: recordToText(record) })] }));
    expect(input?.items[0]?.record).toEqual(record);
  });

  it('puts the server’s problems next to their item, whatever the path prefix', () => {
    const problems = problemsFromDetails([
      { path: 'items.1.record.components', message: 'd) Thành phần, số lượng hồ sơ: chưa có nội dung' },
      { path: 'body.items.0.legalDocumentNumber', message: 'Chưa có văn bản X' },
      { path: 'items', message: 'Quyết định chưa có thủ tục nào' },
      { path: 'items.1', message: 'Khác' },
      'noise',
      { path: 3, message: 'Không đường dẫn' },
    ]);
    expect(groupProblems(problems)).toEqual({
      general: ['Quyết định chưa có thủ tục nào', 'Không đường dẫn'],
      items: [
        { index: 0, messages: [{ field: 'legalDocumentNumber', message: 'Chưa có văn bản X' }] },
        {
          index: 1,
          messages: [
            { field: 'record.components', message: 'd) Thành phần, số lượng hồ sơ: chưa có nội dung' },
            { field: '', message: 'Khác' },
          ],
        },
      ],
    });
    expect(problemsFromDetails(undefined)).toEqual([]);
  });

  it('labels items and statuses in Vietnamese', () => {
    expect(itemHeading(1, { procedureCode: '1.004873', kind: 'abolished' })).toBe('Mục 2 – 1.004873 (Bãi bỏ)');
    expect(itemHeading(4, undefined)).toBe('Mục 5');
    expect(statusLabel('draft')).toBe('Bản nháp');
    expect(statusLabel('published')).toBe('Đã công bố');
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });
});
