import { describe, expect, it } from 'vitest';
import { jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { formLine } from './form-basis.js';

const local = (iso: string, hour = 9) => jdnFromIso(iso) * 1440 + hour * 60;

describe('the form line cites the circular in force on the form’s date, with that circular’s number', () => {
  it('a receipt of 30/6/2025 follows Circular 01/2018, one of 1/7/2025 Circular 03/2025', () => {
    expect(formLine('01', local('2025-06-30', 16))).toBe('Mẫu số 01 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
    expect(formLine('01', local('2025-07-01', 7))).toBe('Mẫu số 01 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
  });

  it('the control slip and the register are Mẫu 05 and 06 under 01/2018, 06 and 07 under 03/2025', () => {
    expect(formLine('06', local('2025-03-03'))).toBe('Mẫu số 05 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
    expect(formLine('06', local('2026-11-23'))).toBe('Mẫu số 06 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(formLine('07', local('2025-03-03'))).toBe('Mẫu số 06 – ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
    expect(formLine('07', local('2026-11-23'))).toBe('Mẫu số 07 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
  });

  it('a stop notice before 1/7/2025 cites the decree and circular (01/2018 has no form for it)', () => {
    expect(formLine('05', local('2025-03-03'))).toBe('Theo Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP');
  });
});
