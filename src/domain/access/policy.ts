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

/** Reception bodies serve the unit above them: a commune's centre serves the commune, the province's the province. */
const SERVING_LEVELS: ReadonlySet<string> = new Set(['service_center', 'one_stop_desk']);

/**
 * The root of the subtree an official may act in: their own unit, or — for officials of a service centre
 * or one-stop desk — the unit that centre serves (the nearest ancestor that is not itself a centre or desk).
 */
export function scopeRootOf(unitCode: string, tree: UnitTree): string {
  const chain = tree.ancestry(unitCode);
  return (chain.find((u) => !SERVING_LEVELS.has(u.level)) ?? chain[0])?.code ?? unitCode;
}

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
  return tree.isWithin(target.unitCode, scopeRootOf(actor.unitCode, tree)) ? ALLOW : { ok: false, code: 'FORBIDDEN_UNIT' };
}
