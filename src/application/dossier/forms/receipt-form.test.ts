import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from '../../../infrastructure/pdf/official-document.js';
import type { FormFeeLine } from './form-data.js';
import { feeBlocks } from './receipt-form.js';

const line = (over: Partial<FormFeeLine>): FormFeeLine => ({
  kind: 'charge',
  name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
  amount: 75000,
  moment: 'result',
  basis: 'Mức thu do Hội đồng nhân dân tỉnh quy định',
  ...over,
});

const rowsOf = (blocks: DocumentBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => ('cells' in r ? r.cells : [])) : []));
const totalOf = (blocks: DocumentBlock[]) => blocks.find((b) => b.kind === 'field' && b.label === 'Tổng số tiền phí, lệ phí');

describe('the fees on the receipt (01)', () => {
  it('says that no fee is collected when the dossier has no line, or only the catalogue line saying so', () => {
    const none = [{ kind: 'field', label: '7. Phí, lệ phí', value: 'Không thu phí, lệ phí' }];
    expect(feeBlocks([])).toEqual(none);
    expect(feeBlocks([line({ kind: 'fee', name: 'Không thu phí, lệ phí', amount: 0, moment: 'submission', basis: 'Thủ tục không thu phí, lệ phí' })])).toEqual(
      none,
    );
  });

  it('lists each line with its kind, amount, moment and basis; an exemption as "Miễn"; the total by moment', () => {
    const blocks = feeBlocks([
      line({ kind: 'fee', name: 'Phí thẩm định', amount: 0, moment: 'submission', basis: 'Miễn cho hộ nghèo' }),
      line({}),
      line({ kind: 'fee', name: 'Phí công bố', amount: 100000, moment: 'submission', basis: 'Phí công bố' }),
    ]);
    expect(rowsOf(blocks)).toEqual([
      ['1', 'Phí thẩm định\n(Miễn cho hộ nghèo)', 'Phí', 'Miễn', '—'],
      ['2', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ\n(Mức thu do Hội đồng nhân dân tỉnh quy định)', 'Lệ phí', '75.000 ₫', 'Thu khi nhận kết quả'],
      ['3', 'Phí công bố', 'Phí', '100.000 ₫', 'Thu khi nộp hồ sơ'],
    ]);
    expect(totalOf(blocks)).toMatchObject({ value: '175.000 ₫ (thu khi nhận kết quả: 75.000 ₫; thu khi nộp hồ sơ: 100.000 ₫)' });
  });

  it('a dossier exempt from every line owes nothing: "Miễn"', () => {
    const blocks = feeBlocks([line({ amount: 0, basis: 'Miễn cho người khuyết tật' })]);
    expect(rowsOf(blocks)).toHaveLength(1);
    expect(totalOf(blocks)).toMatchObject({ value: 'Miễn' });
  });
});
