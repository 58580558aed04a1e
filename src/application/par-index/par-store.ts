/**
 * What the reform-index use cases share (issue 23): their dependencies, who may do what (the home-affairs department
 * keeps schemes and appraises with `par.manage`; a unit's officials score their own unit with `par.assess`, its leader
 * submits with `par.submit`), reading a scheme, a round and an assessment, and the refusals they end with.
 */
import type { Transaction } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { ErrorCode } from '../../domain/errors/error-codes.js';
import type { Capability } from '../../domain/access/roles.js';
import { authorize, scopeRootOf } from '../../domain/access/policy.js';
import type { SchemeDefinition, SchemeLevel } from '../../domain/par-index/scheme.js';
import type { AssessmentState, AssessmentStatus } from '../../domain/par-index/assessment.js';

export type ParDeps = AppDeps & { calendars: CalendarDirectory; catalogue: CatalogueDirectory; files: FileStore };

/** A refusal thrown inside a transaction and returned as a Result by the use case. */
export class ParRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/** The actor has the capability (for `unitCode`'s subtree, when given); else the refusal. */
export function allow(deps: AppDeps, meta: RequestMeta, capability: Capability, unitCode?: string): ErrorCode | null {
  const decision = unitCode === undefined ? authorize(meta.actor, capability) : authorize(meta.actor, capability, { unitCode }, deps.units.tree());
  return decision.ok ? null : decision.code;
}

/**
 * The actor acts for this unit itself with the capability: a unit's officials assess their own unit (a service
 * centre's, the unit it serves), never another one below them.
 */
export function ownUnit(deps: AppDeps, meta: RequestMeta, capability: Capability, unitCode: string): boolean {
  const actor = meta.actor;
  if (!actor?.unitCode || allow(deps, meta, capability, unitCode) !== null) return false;
  return scopeRootOf(actor.unitCode, deps.units.tree()) === unitCode;
}

/** The actor manages reform indices for this unit's subtree (a scheme's or round's owner, an assessed unit). */
export const manages = (deps: AppDeps, meta: RequestMeta, unitCode: string) => allow(deps, meta, 'par.manage', unitCode) === null;

export interface StoredScheme {
  id: string;
  year: number;
  level: SchemeLevel;
  name: string;
  definition: SchemeDefinition;
  version: number;
  copiedFrom: string | null;
  ownerUnit: string;
}

const asJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function loadScheme(db: AppDeps['db'] | Transaction<DB>, id: string): Promise<StoredScheme | null> {
  const row = await db
    .selectFrom('par_schemes')
    .select(['id', 'year', 'level', 'name', 'definition', 'version', 'copied_from', 'owner_unit'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        year: row.year,
        level: row.level,
        name: row.name,
        definition: asJson(row.definition),
        version: row.version,
        copiedFrom: row.copied_from,
        ownerUnit: row.owner_unit,
      }
    : null;
}

export interface StoredRound {
  id: string;
  schemeId: string;
  name: string;
  year: number;
  deadline: string;
  status: 'open' | 'closed';
  ownerUnit: string;
}

export async function loadRound(db: AppDeps['db'] | Transaction<DB>, id: string): Promise<StoredRound | null> {
  const row = await db
    .selectFrom('par_rounds')
    .select(['id', 'scheme_id', 'name', 'year', 'deadline', 'status', 'owner_unit'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, schemeId: row.scheme_id, name: row.name, year: row.year, deadline: row.deadline, status: row.status, ownerUnit: row.owner_unit }
    : null;
}

export interface StoredAssessment extends AssessmentState {
  roundId: string;
  unitCode: string;
  status: AssessmentStatus;
  seq: number;
  evidenceNote: string | null;
}

/** The assessment, locked for the caller's transaction, with its round's state. */
export async function lockAssessment(trx: Transaction<DB>, roundId: string, unitCode: string): Promise<StoredAssessment | null> {
  const row = await trx
    .selectFrom('par_assessments as a')
    .innerJoin('par_rounds as r', 'r.id', 'a.round_id')
    .select(['a.round_id', 'a.unit_code', 'a.status', 'a.seq', 'a.evidence_requested', 'a.evidence_note', 'r.status as round_status'])
    .where('a.round_id', '=', roundId)
    .where('a.unit_code', '=', unitCode)
    .forUpdate()
    .executeTakeFirst();
  return row
    ? {
        roundId: row.round_id,
        unitCode: row.unit_code,
        status: row.status,
        seq: row.seq,
        evidenceRequested: row.evidence_requested,
        evidenceNote: row.evidence_note,
        roundClosed: row.round_status === 'closed',
      }
    : null;
}

/** Raise an assessment's version after a change. */
export const bumpAssessment = (trx: Transaction<DB>, a: Pick<StoredAssessment, 'roundId' | 'unitCode'>, set: Partial<Record<string, unknown>> = {}) =>
  trx
    .updateTable('par_assessments')
    .set((eb) => ({ ...set, seq: eb('seq', '+', 1) }))
    .where('round_id', '=', a.roundId)
    .where('unit_code', '=', a.unitCode)
    .execute();
