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

/** Levels of local government: each has its own one-stop reception (REFERENCE §8: province and commune). */
const JURISDICTION_LEVELS: ReadonlySet<string> = new Set(['province', 'district', 'commune']);

/**
 * The local government a unit belongs to: itself or its nearest ancestor that is a province, district or
 * commune. A department belongs to its province; a commune's centre to its commune.
 */
export function jurisdictionOf(unitCode: string, tree: UnitTree): string {
  const chain = tree.ancestry(unitCode);
  return (chain.find((u) => JURISDICTION_LEVELS.has(u.level)) ?? chain.at(-1))?.code ?? unitCode;
}

/**
 * Whether a desk officer's one-stop desk serves a unit (docs/adr/0007-desk-jurisdiction.md): the unit belongs to
 * the same local government as the desk. The provincial centre serves the province's departments and the
 * dossiers it received itself, not the dossiers a commune's desk received or a commune settles; a commune's desk
 * serves its commune. Location-independent reception is the desk receiving where it is: it may accept and route
 * what it received, not act for the commune that settles it.
 */
export function deskServes(deskUnitCode: string, unitCode: string, tree: UnitTree): boolean {
  return tree.find(unitCode) !== undefined && tree.find(deskUnitCode) !== undefined && jurisdictionOf(unitCode, tree) === jurisdictionOf(deskUnitCode, tree);
}

/**
 * Whether a desk may receive at its counter (or by post) a dossier that `unitCode` settles: one of its own local
 * government's (deskServes), or, when the procedure allows location-independent reception (tiếp nhận không phụ
 * thuộc địa giới), one of any unit of the same province. The desk then routes it; it does not process it.
 */
export function deskMayReceive(deskUnitCode: string, unitCode: string, locationIndependent: boolean, tree: UnitTree): boolean {
  if (deskServes(deskUnitCode, unitCode, tree)) return true;
  return locationIndependent && tree.find(unitCode) !== undefined && provinceOf(deskUnitCode, tree) === provinceOf(unitCode, tree);
}

/** The province a unit belongs to: the root of its tree (one deployment may hold several). */
export function provinceOf(unitCode: string, tree: UnitTree): string | null {
  return tree.ancestry(unitCode).at(-1)?.code ?? null;
}

/**
 * Whether an official acts for a unit, and reads its dossiers in queues and registers: the unit lies in the
 * official's subtree (scopeRootOf) and, for a desk officer, in the desk's own local government (deskServes).
 * Monitors and administrators cover their subtree for reading; they never act (decide.ts `permits` and
 * `mayAttach` ask for an acting role).
 */
export function coversUnit(actor: Actor, unitCode: string, tree: UnitTree): boolean {
  if (!isOfficialRole(actor.role) || actor.unitCode === null || tree.find(unitCode) === undefined) return false;
  if (!tree.isWithin(unitCode, scopeRootOf(actor.unitCode, tree))) return false;
  return actor.role !== 'desk_officer' || deskServes(actor.unitCode, unitCode, tree);
}

/** The units an official covers (coversUnit), inside `within` when given: the scope of queues and registers. */
export function coveredUnits(actor: Actor, tree: UnitTree, within?: string): string[] {
  return tree
    .all()
    .filter((u) => (within === undefined || tree.isWithin(u.code, within)) && coversUnit(actor, u.code, tree))
    .map((u) => u.code);
}

export function authorize(actor: Actor | null, capability: Capability, target: { unitCode?: string } = {}, tree?: UnitTree): Decision {
  if (!actor) return { ok: false, code: 'AUTH_REQUIRED' };
  if (!hasCapability(actor.role, capability)) return { ok: false, code: 'FORBIDDEN_ROLE' };
  if (target.unitCode === undefined) return ALLOW;
  if (!isOfficialRole(actor.role) || actor.unitCode === null || !tree) return { ok: false, code: 'FORBIDDEN_UNIT' };
  if (!tree.find(target.unitCode)) return { ok: false, code: 'UNIT_NOT_FOUND' };
  return tree.isWithin(target.unitCode, scopeRootOf(actor.unitCode, tree)) ? ALLOW : { ok: false, code: 'FORBIDDEN_UNIT' };
}
