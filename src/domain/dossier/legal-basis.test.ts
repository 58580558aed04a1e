import { describe, expect, it } from 'vitest';
import { jdnFromIso } from '../calendar/civil-date.js';
import { DECREE_118_2025, DECREE_61_2018, basisLine, legalBasisAt, legalBasisOn } from './legal-basis.js';

const day = jdnFromIso;

describe('the legal basis in force on a day (REFERENCE §2.1)', () => {
  it('is Decree 61/2018 with Circular 01/2018 up to 30/6/2025 and Decree 118/2025 with Circular 03/2025 from 1/7/2025', () => {
    expect(legalBasisOn(day('2024-12-31'))).toBe(DECREE_61_2018);
    expect(legalBasisOn(day('2025-06-30'))).toBe(DECREE_61_2018);
    expect(legalBasisOn(day('2025-07-01'))).toBe(DECREE_118_2025);
    expect(legalBasisOn(day('2026-12-31'))).toBe(DECREE_118_2025);
    expect(DECREE_61_2018).toMatchObject({ decree: '61/2018/NĐ-CP', circular: '01/2018/TT-VPCP' });
    expect(DECREE_118_2025).toMatchObject({ decree: '118/2025/NĐ-CP', circular: '03/2025/TT-VPCP' });
  });

  it('switches at local midnight: 30/6/2025 23:59 and 1/7/2025 00:00 (UTC+7 minutes)', () => {
    const midnight = day('2025-07-01') * 1440;
    expect(legalBasisAt(midnight - 1)).toBe(DECREE_61_2018);
    expect(legalBasisAt(midnight)).toBe(DECREE_118_2025);
  });

  it('cites the settlement report by the basis of its date', () => {
    expect(basisLine('settlementReport', day('2025-06-30'))).toBe('Biểu tổng hợp theo Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP');
    expect(basisLine('settlementReport', day('2026-12-31'))).toBe('Biểu tổng hợp theo Nghị định số 118/2025/NĐ-CP và Thông tư số 03/2025/TT-VPCP');
  });

  it("numbers each form as its circular's appendix does", () => {
    expect(basisLine('controlSlip', day('2025-03-01'))).toBe('Mẫu số 05 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
    expect(basisLine('controlSlip', day('2025-09-01'))).toBe('Mẫu số 06 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(basisLine('register', day('2025-03-01'))).toBe('Mẫu số 06 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
    expect(basisLine('register', day('2025-09-01'))).toBe('Mẫu số 07 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(basisLine('receipt', day('2025-03-01'))).toBe('Mẫu số 01 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
  });

  it('cites the decree and circular for a document its circular has no form for (a stop notice before 1/7/2025)', () => {
    expect(basisLine('stop', day('2025-03-01'))).toBe('Theo Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP');
    expect(basisLine('stop', day('2025-09-01'))).toBe('Mẫu số 05 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
  });
});
