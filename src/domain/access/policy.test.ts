import { describe, expect, it } from 'vitest';
import { authorize, scopeRootOf, type Actor } from './policy.js';
import { UnitTree, type Unit } from '../units/unit.js';
import { ROLES, ROLE_CAPABILITIES } from './roles.js';

const u = (code: string, parentCode: string | null): Unit => ({
  code, name: code, level: 'commune', parentCode, validFrom: '2025-07-01', validTo: null, replacedBy: [],
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
