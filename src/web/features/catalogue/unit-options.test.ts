import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../domain/units/unit.js';
import { filterUnitOptions, implementingUnitsText, unitOptionGroups } from './unit-options.js';

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
  unit('000.00.07.H37', 'Sở Xây dựng', 'department'),
  unit('000.00.03.H37', 'Sở Tư pháp', 'department'),
  unit('000.00.35.H37', 'Xã Cao Lộc', 'commune'),
  unit('000.00.31.H37', 'Phường Tam Thanh', 'commune'),
  unit('000.00.20.H37', 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn', 'service_center'),
  unit('001.00.00.H37', 'Huyện Cao Lộc', 'district', '2025-06-30'),
  unit('000.00.99.H37', 'Sở cũ', 'department', '2025-02-28'),
];

describe('unitOptionGroups', () => {
  it('offers the departments and the communes in force, each group in Vietnamese order', () => {
    expect(unitOptionGroups(UNITS, '2026-11-22')).toEqual([
      {
        group: 'Sở, ban, ngành',
        items: [
          { value: '000.00.03.H37', label: 'Sở Tư pháp' },
          { value: '000.00.07.H37', label: 'Sở Xây dựng' },
        ],
      },
      {
        group: 'Xã, phường',
        items: [
          { value: '000.00.31.H37', label: 'Phường Tam Thanh' },
          { value: '000.00.35.H37', label: 'Xã Cao Lộc' },
        ],
      },
    ]);
  });

  it('finds a unit typed without diacritics', () => {
    const groups = unitOptionGroups(UNITS, '2026-11-22');
    expect(filterUnitOptions(groups, 'cao loc')).toEqual([{ group: 'Xã, phường', items: [{ value: '000.00.35.H37', label: 'Xã Cao Lộc' }] }]);
    expect(filterUnitOptions(groups, '00.07')[0]?.items).toEqual([{ value: '000.00.07.H37', label: 'Sở Xây dựng' }]);
    expect(filterUnitOptions(groups, '')).toEqual(groups);
    expect(filterUnitOptions(groups, 'khong co')).toEqual([]);
  });
});

describe('implementingUnitsText', () => {
  const nameOf = (code: string) => UNITS.find((u) => u.code === code)?.name;

  it('names the units, or every commune for a commune procedure without named units', () => {
    expect(implementingUnitsText(['000.00.07.H37'], 'province', nameOf)).toBe('Sở Xây dựng');
    expect(implementingUnitsText(['000.00.07.H37', '000.00.98.H37'], 'province', nameOf)).toBe('Sở Xây dựng; 000.00.98.H37');
    expect(implementingUnitsText([], 'commune', nameOf)).toBe('Ủy ban nhân dân các xã, phường trong tỉnh');
  });
});
