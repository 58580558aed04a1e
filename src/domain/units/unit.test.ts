import { describe, expect, it } from 'vitest';
import { UnitTree, isUnitInForce, isValidUnitCode, validateUnitTree, type Unit } from './unit.js';

const unit = (code: string, parentCode: string | null, extra: Partial<Unit> = {}): Unit => ({
  code,
  name: code,
  level: 'commune',
  parentCode,
  validFrom: '2025-07-01',
  validTo: null,
  replacedBy: [],
  ...extra,
});

const P = '000.00.00.H37';
const A = '000.00.31.H37';
const A1 = '000.01.31.H37';
const B = '000.00.35.H37';

describe('unit codes', () => {
  it('accepts the electronic identifier format and rejects others', () => {
    expect(isValidUnitCode('000.00.31.H37')).toBe(true);
    expect(isValidUnitCode('000.00.31.h37')).toBe(false);
    expect(isValidUnitCode('000.0.31.H37')).toBe(false);
    expect(isValidUnitCode('000.00.31.H37-250101')).toBe(false);
  });
});

describe('UnitTree', () => {
  const tree = new UnitTree([unit(P, null, { level: 'province' }), unit(A, P), unit(A1, A, { level: 'service_center' }), unit(B, P)]);

  it('answers subtree membership', () => {
    expect(tree.isWithin(A1, A)).toBe(true);
    expect(tree.isWithin(A1, P)).toBe(true);
    expect(tree.isWithin(A, A)).toBe(true);
    expect(tree.isWithin(B, A)).toBe(false);
    expect(tree.isWithin(A, A1)).toBe(false);
    expect(tree.isWithin('000.00.99.H37', P)).toBe(false);
  });

  it('lists ancestry nearest first and survives a cycle', () => {
    expect(tree.ancestry(A1).map((u) => u.code)).toEqual([A1, A, P]);
    const cyclic = new UnitTree([unit(A, B), unit(B, A)]);
    expect(cyclic.ancestry(A).map((u) => u.code)).toEqual([A, B]);
  });

  it('lists children in code order', () => {
    expect(tree.children(P).map((u) => u.code)).toEqual([A, B]);
  });
});

describe('validity', () => {
  it('treats validFrom and validTo as inclusive', () => {
    const district = { validFrom: '2008-01-01', validTo: '2025-06-30' };
    expect(isUnitInForce(district, '2025-06-30')).toBe(true);
    expect(isUnitInForce(district, '2025-07-01')).toBe(false);
    expect(isUnitInForce({ validFrom: '2025-07-01', validTo: null }, '2026-11-22')).toBe(true);
  });
});

describe('validateUnitTree', () => {
  it('reports duplicates, bad codes, missing parents, bad dates and dangling replacedBy', () => {
    const problems = validateUnitTree([
      unit(P, null),
      unit(P, null),
      unit('bad', P),
      unit(A, '000.00.77.H37'),
      unit(B, P, { validFrom: '2025-07-01', validTo: '2025-01-01', replacedBy: ['000.00.88.H37'] }),
    ]);
    expect(problems.join('\n')).toMatch(/trùng/);
    expect(problems.join('\n')).toMatch(/bad: mã định danh/);
    expect(problems.join('\n')).toMatch(/000\.00\.77\.H37 không tồn tại/);
    expect(problems.join('\n')).toMatch(/validTo trước validFrom/);
    expect(problems.join('\n')).toMatch(/replacedBy 000\.00\.88\.H37/);
  });

  it('detects a cycle', () => {
    expect(validateUnitTree([unit(A, B), unit(B, A)]).join('\n')).toMatch(/vòng lặp/);
  });
});
