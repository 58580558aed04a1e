/**
 * The access matrix's cast (test/access/matrix.ts): the units and identities of the demo province and a second
 * one, the dossiers in their states, the unit targets, and the classes of answer a cell expects.
 */
import type { Role } from '../../src/domain/access/roles.js';
import type { Unit } from '../../src/domain/units/unit.js';

export const UNITS = {
  province: '000.00.00.H37',
  provincialDesk: '000.01.20.H37',
  justice: '000.00.03.H37',
  construction: '000.00.07.H37',
  ward: '000.00.31.H37',
  wardCentre: '000.01.31.H37',
  commune: '000.00.35.H37',
  communeCentre: '000.01.35.H37',
  otherProvince: '000.00.00.H11',
  otherDesk: '000.01.20.H11',
  otherWard: '000.00.31.H11',
} as const;

/** A second province, for the "other province" cells (codes illustrative, as the demo's). */
export const OTHER_PROVINCE: readonly Unit[] = [
  {
    code: UNITS.otherProvince,
    name: 'Ủy ban nhân dân tỉnh Cao Bằng',
    level: 'province',
    parentCode: null,
    validFrom: '2008-01-01',
    validTo: null,
    replacedBy: [],
  },
  {
    code: '000.00.20.H11',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Cao Bằng',
    level: 'service_center',
    parentCode: UNITS.otherProvince,
    validFrom: '2025-07-01',
    validTo: null,
    replacedBy: [],
  },
  {
    code: UNITS.otherDesk,
    name: 'Bộ phận Một cửa - Trung tâm Phục vụ hành chính công tỉnh Cao Bằng',
    level: 'one_stop_desk',
    parentCode: '000.00.20.H11',
    validFrom: '2025-07-01',
    validTo: null,
    replacedBy: [],
  },
  {
    code: UNITS.otherWard,
    name: 'Phường Thục Phán',
    level: 'commune',
    parentCode: UNITS.otherProvince,
    validFrom: '2025-07-01',
    validTo: null,
    replacedBy: [],
  },
];

export interface IdentitySpec {
  /** An official's username, `citizen:<personal id>` for a citizen logged in through eID, null for anonymous. */
  login: string | null;
  role: Role | null;
  unit: string | null;
}

export const IDENTITIES = {
  anonymous: { login: null, role: null, unit: null },
  citizenOwner: { login: 'citizen:020085003417', role: 'citizen', unit: null },
  citizenOther: { login: 'citizen:020192006852', role: 'citizen', unit: null },
  deskOwn: { login: 'motcua.tamthanh', role: 'desk_officer', unit: UNITS.wardCentre },
  specialistOwn: { login: 'chuyenvien.tamthanh', role: 'specialist', unit: UNITS.ward },
  leaderOwn: { login: 'lanhdao.tamthanh', role: 'leader', unit: UNITS.ward },
  deskSibling: { login: 'motcua.caoloc', role: 'desk_officer', unit: UNITS.communeCentre },
  specialistSibling: { login: 'chuyenvien.caoloc', role: 'specialist', unit: UNITS.commune },
  deskProvince: { login: 'motcua.tinh', role: 'desk_officer', unit: UNITS.provincialDesk },
  specialistDepartment: { login: 'chuyenvien.tuphap', role: 'specialist', unit: UNITS.justice },
  leaderDepartment: { login: 'lanhdao.tuphap', role: 'leader', unit: UNITS.justice },
  specialistOtherDepartment: { login: 'chuyenvien.xaydung', role: 'specialist', unit: UNITS.construction },
  monitor: { login: 'giamsat', role: 'monitor', unit: UNITS.province },
  admin: { login: 'admin', role: 'admin', unit: UNITS.province },
  deskOtherProvince: { login: 'motcua.caobang', role: 'desk_officer', unit: UNITS.otherDesk },
  specialistOtherProvince: { login: 'chuyenvien.thucphan', role: 'specialist', unit: UNITS.otherWard },
  monitorOtherProvince: { login: 'giamsat.caobang', role: 'monitor', unit: UNITS.otherProvince },
  adminOtherProvince: { login: 'admin.caobang', role: 'admin', unit: UNITS.otherProvince },
} as const satisfies Record<string, IdentitySpec>;
export type Identity = keyof typeof IDENTITIES;
export const ALL = Object.keys(IDENTITIES) as Identity[];

/**
 * The dossiers the cells are tried on, each in the state named. Procedures: 1.001193 (birth registration, a
 * commune's), 2.000488 (Sở Tư pháp's), 2.000635 (a commune's, location-independent).
 */
export const DOSSIERS = {
  ward: { unit: UNITS.ward, what: 'received at Phường Tam Thanh’s desk and accepted: at the reception step' },
  online: { unit: UNITS.ward, what: 'submitted online to Phường Tam Thanh by citizenOwner: waiting at reception' },
  processing: { unit: UNITS.ward, what: 'received at Phường Tam Thanh and routed to the specialist’s step, not claimed' },
  returned: { unit: UNITS.ward, what: 'submitted online by citizenOwner, settled, its electronic result issued and returned' },
  sibling: { unit: UNITS.commune, what: 'received at Xã Cao Lộc’s desk and accepted' },
  department: { unit: UNITS.justice, what: 'received at the provincial centre for Sở Tư pháp and accepted' },
  remote: { unit: UNITS.ward, what: 'a Phường Tam Thanh procedure received at the provincial centre (location-independent) and accepted' },
  remoteProcessing: { unit: UNITS.ward, what: 'the same, routed by the provincial centre to Phường Tam Thanh’s specialist step' },
} as const;
export type DossierKind = keyof typeof DOSSIERS;

/** Units named in a path or query: `unit` cells. */
export const UNIT_TARGETS = { ward: UNITS.ward, justice: UNITS.justice, province: UNITS.province, otherProvince: UNITS.otherProvince } as const;
export type UnitTarget = keyof typeof UNIT_TARGETS;

export type Target = { dossier: DossierKind } | { unit: UnitTarget } | 'none';

/**
 * The classes of answer. ok: 2xx or a redirect; invalid: 400 or 422, the probe's deliberately incomplete input
 * refused after the guard let it through; login: 401; forbidden: 403; hidden: 404 for something that exists but
 * is not the caller's to see; missing: 404 for a probe that names nothing (after the guard); refused: 409, seen
 * but not the caller's to do (now).
 */
export type Expected = 'ok' | 'invalid' | 'login' | 'forbidden' | 'hidden' | 'missing' | 'refused';

export function classOf(status: number): Expected | `other ${number}` {
  if (status >= 200 && status < 400) return 'ok';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  if (status === 409) return 'refused';
  return `other ${status}`;
}

/** Whether a status is the expected class ('missing' and 'hidden' are both 404, told apart for the reader). */
export const matches = (expected: Expected, status: number) => classOf(status) === (expected === 'missing' ? 'hidden' : expected);
