import { describe, expect, it } from 'vitest';
import { authorize, coveredUnits, coversUnit, deskMayReceive, deskServes, scopeRootOf, type Actor } from './policy.js';
import { UnitTree, type Unit } from '../units/unit.js';
import { ROLES, ROLE_CAPABILITIES } from './roles.js';

const u = (code: string, parentCode: string | null): Unit => ({
  code,
  name: code,
  level: 'commune',
  parentCode,
  validFrom: '2025-07-01',
  validTo: null,
  replacedBy: [],
});
const tree = new UnitTree([u('000.00.00.H37', null), u('000.00.31.H37', '000.00.00.H37'), u('000.00.35.H37', '000.00.00.H37')]);
const actor = (role: Actor['role'], unitCode: string | null): Actor => ({ userId: 'u1', role, unitCode });

describe('authorize', () => {
  it('requires an actor', () => {
    expect(authorize(null, 'units.view')).toEqual({ ok: false, code: 'AUTH_REQUIRED' });
  });

  it('checks the role’s capability before the unit', () => {
    expect(authorize(actor('desk_officer', '000.00.31.H37'), 'audit.view', { unitCode: '000.00.31.H37' }, tree)).toEqual({ ok: false, code: 'FORBIDDEN_ROLE' });
  });

  it('scopes officials to their subtree', () => {
    const specialist = actor('specialist', '000.00.31.H37');
    expect(authorize(specialist, 'officials.view', { unitCode: '000.00.31.H37' }, tree)).toEqual({ ok: true });
    expect(authorize(specialist, 'officials.view', { unitCode: '000.00.35.H37' }, tree)).toEqual({ ok: false, code: 'FORBIDDEN_UNIT' });
    expect(authorize(specialist, 'officials.view', { unitCode: '000.00.00.H37' }, tree)).toEqual({ ok: false, code: 'FORBIDDEN_UNIT' });
    expect(authorize(actor('monitor', '000.00.00.H37'), 'officials.view', { unitCode: '000.00.35.H37' }, tree)).toEqual({ ok: true });
  });

  it('lets a centre’s officials act for the unit the centre serves', () => {
    const withCentres = new UnitTree([
      u('000.00.00.H37', null),
      { ...u('000.00.20.H37', '000.00.00.H37'), level: 'service_center' },
      { ...u('000.01.20.H37', '000.00.20.H37'), level: 'one_stop_desk' },
      u('000.00.35.H37', '000.00.00.H37'),
      { ...u('000.01.35.H37', '000.00.35.H37'), level: 'service_center' },
      u('000.00.31.H37', '000.00.00.H37'),
    ]);
    expect(scopeRootOf('000.01.35.H37', withCentres)).toBe('000.00.35.H37');
    expect(scopeRootOf('000.01.20.H37', withCentres)).toBe('000.00.00.H37');
    expect(scopeRootOf('000.00.31.H37', withCentres)).toBe('000.00.31.H37');
    const desk = actor('desk_officer', '000.01.35.H37');
    expect(authorize(desk, 'officials.view', { unitCode: '000.00.35.H37' }, withCentres)).toEqual({ ok: true });
    expect(authorize(desk, 'officials.view', { unitCode: '000.00.31.H37' }, withCentres)).toEqual({ ok: false, code: 'FORBIDDEN_UNIT' });
  });

  it('never lets citizens into unit data', () => {
    expect(authorize(actor('citizen', null), 'officials.view', { unitCode: '000.00.31.H37' }, tree).ok).toBe(false);
  });

  it('gives every role a capability list and citizens only the portal', () => {
    for (const role of ROLES) expect(ROLE_CAPABILITIES[role].length).toBeGreaterThan(0);
    expect(ROLE_CAPABILITIES.citizen).toEqual(['portal.use']);
  });
});

describe('desk jurisdiction (ADR 7)', () => {
  const PROVINCE = '000.00.00.H37';
  const CENTRE_DESK = '000.01.20.H37';
  const JUSTICE = '000.00.03.H37';
  const WARD = '000.00.31.H37';
  const WARD_CENTRE = '000.01.31.H37';
  const COMMUNE = '000.00.35.H37';
  const OTHER = '000.00.00.H11';
  const OTHER_WARD = '000.00.31.H11';
  const level = (code: string, parentCode: string | null, l: Unit['level']): Unit => ({ ...u(code, parentCode), level: l });
  const tree = new UnitTree([
    level(PROVINCE, null, 'province'),
    level(JUSTICE, PROVINCE, 'department'),
    level('000.00.20.H37', PROVINCE, 'service_center'),
    level(CENTRE_DESK, '000.00.20.H37', 'one_stop_desk'),
    level(WARD, PROVINCE, 'commune'),
    level(WARD_CENTRE, WARD, 'service_center'),
    level(COMMUNE, PROVINCE, 'commune'),
    level(OTHER, null, 'province'),
    level(OTHER_WARD, OTHER, 'commune'),
  ]);

  it('a desk serves its own local government: the provincial centre the province and its departments, a commune’s centre its commune', () => {
    expect(deskServes(CENTRE_DESK, JUSTICE, tree)).toBe(true);
    expect(deskServes(CENTRE_DESK, PROVINCE, tree)).toBe(true);
    expect(deskServes(CENTRE_DESK, WARD, tree)).toBe(false);
    expect(deskServes(WARD_CENTRE, WARD, tree)).toBe(true);
    expect(deskServes(WARD_CENTRE, COMMUNE, tree)).toBe(false);
    expect(deskServes(WARD_CENTRE, JUSTICE, tree)).toBe(false);
  });

  it('a desk covers its local government, other officials their subtree', () => {
    const provincialDesk = actor('desk_officer', CENTRE_DESK);
    expect(coversUnit(provincialDesk, JUSTICE, tree)).toBe(true);
    expect(coversUnit(provincialDesk, WARD, tree)).toBe(false);
    expect(coversUnit(provincialDesk, WARD_CENTRE, tree)).toBe(false);
    expect(coversUnit(actor('monitor', PROVINCE), WARD_CENTRE, tree)).toBe(true);
    expect(coversUnit(actor('monitor', PROVINCE), OTHER_WARD, tree)).toBe(false);
    expect(coversUnit(actor('leader', WARD), WARD_CENTRE, tree)).toBe(true);
    expect(coversUnit(actor('citizen', null), WARD, tree)).toBe(false);
    expect(coveredUnits(provincialDesk, tree).sort()).toEqual([PROVINCE, JUSTICE, '000.00.20.H37', CENTRE_DESK].sort());
    expect(coveredUnits(actor('desk_officer', WARD_CENTRE), tree, WARD_CENTRE)).toEqual([WARD_CENTRE]);
  });

  it('a desk receives for another unit of its province only where the procedure allows location-independent reception', () => {
    expect(deskMayReceive(CENTRE_DESK, JUSTICE, false, tree)).toBe(true);
    expect(deskMayReceive(CENTRE_DESK, WARD, false, tree)).toBe(false);
    expect(deskMayReceive(CENTRE_DESK, WARD, true, tree)).toBe(true);
    expect(deskMayReceive(WARD_CENTRE, COMMUNE, true, tree)).toBe(true);
    expect(deskMayReceive(WARD_CENTRE, OTHER_WARD, true, tree)).toBe(false);
  });
});
