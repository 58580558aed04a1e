import { describe, it, expect } from 'vitest';
import { validateUnitTree, isValidUnitCode } from '../../domain/units/unit.js';
import { DEMO_CITIZENS, DEMO_OFFICIALS, DEMO_PROVINCE_CODE, DEMO_UNITS } from './demo-province.js';

const byCode = new Map(DEMO_UNITS.map((u) => [u.code, u]));
const ofLevel = (level: string) => DEMO_UNITS.filter((u) => u.level === level);

describe('demo province (Lạng Sơn)', () => {
  it('is a valid unit tree rooted at the province', () => {
    expect(validateUnitTree(DEMO_UNITS)).toEqual([]);
    expect(DEMO_UNITS.every((u) => isValidUnitCode(u.code))).toBe(true);
    const roots = DEMO_UNITS.filter((u) => u.parentCode === null);
    expect(roots.map((u) => u.code)).toEqual([DEMO_PROVINCE_CODE]);
    expect(byCode.get(DEMO_PROVINCE_CODE)?.level).toBe('province');
  });

  it('has enough departments and communes under the province', () => {
    const departments = ofLevel('department');
    const communes = ofLevel('commune');
    expect(departments.length).toBeGreaterThanOrEqual(15);
    expect(communes.length).toBeGreaterThanOrEqual(25);
    for (const u of [...departments, ...communes]) expect(u.parentCode).toBe(DEMO_PROVINCE_CODE);
    for (const c of communes) expect(c.validFrom).toBe('2025-07-01');
  });

  it('keeps historical districts ending 30/6/2025, replaced by communes', () => {
    const districts = ofLevel('district');
    expect(districts.length).toBeGreaterThanOrEqual(3);
    for (const d of districts) {
      expect(d.validTo).toBe('2025-06-30');
      expect(d.replacedBy.length).toBeGreaterThan(0);
      for (const r of d.replacedBy) expect(byCode.get(r)?.level).toBe('commune');
    }
  });

  it('gives each commune exactly one service centre', () => {
    for (const c of ofLevel('commune')) {
      const centres = DEMO_UNITS.filter((u) => u.parentCode === c.code && u.level === 'service_center');
      expect(centres, c.name).toHaveLength(1);
    }
  });

  it('places every official in an existing unit', () => {
    const usernames = new Set(DEMO_OFFICIALS.map((o) => o.username));
    expect(usernames.size).toBe(DEMO_OFFICIALS.length);
    for (const o of DEMO_OFFICIALS) expect(byCode.has(o.unitCode), o.username).toBe(true);
  });

  it('gives citizens CCCD numbers consistent with birth date and gender', () => {
    for (const c of DEMO_CITIZENS) {
      expect(c.personalId).toMatch(/^\d{12}$/);
      const year = Number(c.birthDate.slice(0, 4));
      const centuryGender = (year >= 2000 ? 2 : 0) + (c.gender === 'Nữ' ? 1 : 0);
      expect(c.personalId[3], c.fullName).toBe(String(centuryGender));
      expect(c.personalId.slice(4, 6), c.fullName).toBe(c.birthDate.slice(2, 4));
    }
  });
});
