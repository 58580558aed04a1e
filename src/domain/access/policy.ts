/**
 * Declarative access policy. An official acts inside the subtree of their unit; a monitor or admin at the
 * province sees the whole province. Decisions are values, never thrown.
 */
import type { UnitTree } from '../units/unit.js';
import { hasCapability, isOfficialRole, type Capability, type Role } from './roles.js';
import type { ErrorCode } from '../errors/error-codes.js';

export interface Actor {
  userId: string;
  role: Role;
  /** Unit the official belongs to; null for citizens and organisations. */
  unitCode: string | null;
}

export type Decision = { ok: true } | { ok: false; code: ErrorCode };

const ALLOW: Decision = { ok: true };

export function authorize(
  actor: Actor | null,
  capability: Capability,
  target: { unitCode?: string } = {},
  tree?: UnitTree,
): Decision {
  if (!actor) return { ok: false, code: 'AUTH_REQUIRED' };
  if (!hasCapability(actor.role, capability)) return { ok: false, code: 'FORBIDDEN_ROLE' };
  if (target.unitCode === undefined) return ALLOW;
  if (!isOfficialRole(actor.role) || actor.unitCode === null || !tree) return { ok: false, code: 'FORBIDDEN_UNIT' };
  if (!tree.find(target.unitCode)) return { ok: false, code: 'UNIT_NOT_FOUND' };
  return tree.isWithin(target.unitCode, actor.unitCode) ? ALLOW : { ok: false, code: 'FORBIDDEN_UNIT' };
}
