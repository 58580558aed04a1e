/**
 * What the reform-plan use cases share (issue 23 item 7): who reads which tasks (the province's plan for those who keep
 * it, their own unit's tasks for the units' officials), a task as stored and as listed, the plan of a year, and one
 * way to change a task: authorised on its owner unit, refused when stale (expected version), its history and audit
 * record written in the same transaction.
 */
import type { Transaction, Updateable } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import type { DB } from '../../infrastructure/db/schema.js';
import type { ReformTasksTable, ReformTaskEventType } from '../../infrastructure/db/schema-reform.js';
import type { FileStore } from '../../infrastructure/files/file-store.js';
import type { ReformTaskOutcome } from '../../contract/reform-plan.js';
import { authorize, provinceOf, scopeRootOf } from '../../domain/access/policy.js';
import { hasCapability, type Capability } from '../../domain/access/roles.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { isUnitInForce, type UnitTree } from '../../domain/units/unit.js';
import { foldVietnamese } from '../../domain/catalogue/search.js';
import { taskKey, type PlanRow } from '../../domain/reform-plan/plan-rows.js';
import { daysOverdue, REFORM_TASK_STANDING_LABELS, standingOf, type ReformTaskStatus } from '../../domain/reform-plan/reform-task.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';

export type ReformDeps = AppDeps & { files: FileStore };

export const todayIn = (deps: Pick<AppDeps, 'clock'>): string => vietnamDate(deps.clock());
export const defaultPlanTitle = (year: number): string => `Kế hoạch cải cách hành chính năm ${year}`;

/** Who reads the plan: its keepers see the province's tasks, a unit's officials those of their unit (and below it). */
export interface ReformReader {
  provinceCode: string;
  manage: boolean;
  /** The owner units whose tasks the reader sees; null: every unit of the province. */
  units: ReadonlySet<string> | null;
}

export function reformReader(deps: AppDeps, meta: RequestMeta): Result<ReformReader> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const tree = deps.units.tree();
  const province = actor.unitCode ? provinceOf(actor.unitCode, tree) : null;
  if (hasCapability(actor.role, 'reform.manage')) {
    if (!province) return fail('FORBIDDEN_UNIT');
    const decision = authorize(actor, 'reform.manage', { unitCode: province }, tree);
    return decision.ok ? ok({ provinceCode: province, manage: true, units: null }) : fail(decision.code);
  }
  if (!hasCapability(actor.role, 'reform.report')) return fail('FORBIDDEN_ROLE');
  if (!province || !actor.unitCode) return fail('FORBIDDEN_UNIT');
  return ok({ provinceCode: province, manage: false, units: new Set(tree.subtreeCodes(reportScope(actor.unitCode, province, tree))) });
}

/**
 * The owner unit a cell or a form names, by its code or its name (without regard to case or diacritics), among the
 * units of the province in force on `today`; or why there is none.
 */
export function ownerUnit(tree: UnitTree, provinceCode: string, text: string, today: string): { code: string } | { problem: string } {
  const inProvince = tree.all().filter((u) => provinceOf(u.code, tree) === provinceCode && isUnitInForce(u, today));
  const byCode = inProvince.find((u) => u.code === text.trim());
  if (byCode) return { code: byCode.code };
  const folded = foldVietnamese(text);
  const byName = inProvince.filter((u) => foldVietnamese(u.name) === folded);
  if (byName.length === 1) return { code: byName[0]!.code };
  if (byName.length > 1) return { problem: `có ${byName.length} đơn vị tên “${text}”: ghi mã đơn vị.` };
  return { problem: `không tìm thấy đơn vị “${text}” của tỉnh (ghi mã hoặc đúng tên đơn vị).` };
}

export const seesUnit = (reader: ReformReader, unitCode: string): boolean => reader.units === null || reader.units.has(unitCode);

/**
 * Where a reporting official reports: the unit they serve (a commune's centre reports for the commune), but never the
 * whole province because they sit in a provincial service centre: then their own unit and those below it.
 */
function reportScope(unitCode: string, province: string, tree: UnitTree): string {
  const root = scopeRootOf(unitCode, tree);
  return root === province ? unitCode : root;
}

/** Whether the actor may act with `capability` on a task of `unitCode` (within their subtree, in their province). */
export function mayOnUnit(deps: AppDeps, meta: RequestMeta, capability: Capability, unitCode: string): boolean {
  const tree = deps.units.tree();
  if (!authorize(meta.actor, capability, { unitCode }, tree).ok) return false;
  if (capability !== 'reform.report' || !meta.actor?.unitCode) return true;
  return tree.isWithin(unitCode, reportScope(meta.actor.unitCode, provinceOf(meta.actor.unitCode, tree) ?? '', tree));
}

const TASK_COLUMNS = [
  't.id',
  't.plan_id',
  't.position',
  't.kind',
  't.content',
  't.unit_code',
  't.deadline',
  't.expected_output',
  't.status',
  't.progress_note',
  't.completed_on',
  't.evidence_url',
  't.evidence_name',
  't.evidence_type',
  't.evidence_sha256',
  't.evidence_size',
  't.reported_by',
  't.reported_at',
  't.version',
  'p.province_code',
  'p.year',
] as const;

export function tasksQuery(db: AppDeps['db']) {
  return db.selectFrom('reform_tasks as t').innerJoin('reform_plans as p', 'p.id', 't.plan_id').select(TASK_COLUMNS);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasksQuery>['executeTakeFirstOrThrow']>>;

export const loadTask = (db: AppDeps['db'], id: string): Promise<TaskRow | undefined> => tasksQuery(db).where('t.id', '=', id).executeTakeFirst();

/** A task as lists show it, judged on `today`. */
export function taskSummary(row: TaskRow, tree: UnitTree, today: string) {
  const progress = { status: row.status, deadline: row.deadline, completedOn: row.completed_on };
  const standing = standingOf(progress, today);
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    content: row.content,
    unitCode: row.unit_code,
    unitName: tree.find(row.unit_code)?.name ?? row.unit_code,
    deadline: row.deadline,
    expectedOutput: row.expected_output,
    status: row.status,
    standing,
    standingLabel: REFORM_TASK_STANDING_LABELS[standing],
    completedOn: row.completed_on,
    daysOverdue: daysOverdue(progress, today),
    version: row.version,
  };
}

/** The plan of a province's year, created with `title` (or the default) when it has none. */
export async function planOf(trx: Transaction<DB>, input: { provinceCode: string; year: number; title: string | null; meta: RequestMeta; at: Date }) {
  const existing = await trx
    .selectFrom('reform_plans')
    .select(['id', 'title'])
    .where('province_code', '=', input.provinceCode)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (existing) return existing;
  const title = input.title ?? defaultPlanTitle(input.year);
  const created = await trx
    .insertInto('reform_plans')
    .values({ province_code: input.provinceCode, year: input.year, title, created_by: input.meta.actor?.userId ?? null, created_at: input.at })
    .onConflict((oc) => oc.columns(['province_code', 'year']).doNothing())
    .returning(['id', 'title'])
    .executeTakeFirst();
  // Another request created it meanwhile.
  return (
    created ??
    (await trx
      .selectFrom('reform_plans')
      .select(['id', 'title'])
      .where('province_code', '=', input.provinceCode)
      .where('year', '=', input.year)
      .executeTakeFirstOrThrow())
  );
}

/** The tasks a plan has, as keys (taskKey) that tell a new task apart from them. */
export async function knownTasks(db: Transaction<DB> | AppDeps['db'], planId: string | null): Promise<Set<string>> {
  if (planId === null) return new Set();
  const rows = await db.selectFrom('reform_tasks').select(['content', 'unit_code', 'deadline']).where('plan_id', '=', planId).execute();
  return new Set(rows.map((r) => taskKey({ content: r.content, unitCode: r.unit_code, deadline: r.deadline })));
}

/**
 * Adds tasks at the end of a year's plan (created when it has none), the plan locked so that positions do not clash;
 * each with its line of history. Returns the plan, the new tasks' ids and the plan's size; the caller checks them first
 * (knownTasks) and audits.
 */
export async function appendTasks(
  trx: Transaction<DB>,
  input: {
    provinceCode: string;
    year: number;
    title: string | null;
    tasks: readonly Omit<PlanRow, 'row'>[];
    type: 'created' | 'imported';
    meta: RequestMeta;
    at: Date;
  },
): Promise<{ planId: string; ids: string[]; total: number }> {
  const plan = await planOf(trx, input);
  await trx.selectFrom('reform_plans').select('id').where('id', '=', plan.id).forUpdate().execute();
  const last = await trx
    .selectFrom('reform_tasks')
    .select((eb) => eb.fn.max('position').as('n'))
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  const start = Number(last?.n ?? 0);
  const ids: string[] = [];
  const name = await actorName(trx, input.meta);
  // In batches: a plan of a thousand tasks is a few statements.
  for (let i = 0; i < input.tasks.length; i += 500) {
    const batch = input.tasks.slice(i, i + 500);
    const rows = await trx
      .insertInto('reform_tasks')
      .values(
        batch.map((t, j) => ({
          plan_id: plan.id,
          position: start + i + j + 1,
          kind: t.kind,
          content: t.content,
          unit_code: t.unitCode,
          deadline: t.deadline,
          expected_output: t.expectedOutput,
          created_by: input.meta.actor?.userId ?? null,
          created_at: input.at,
        })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('reform_task_events')
      .values(rows.map((r) => ({ task_id: r.id, type: input.type, note: null, actor_id: input.meta.actor?.userId ?? null, actor_name: name, at: input.at })))
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return { planId: plan.id, ids, total: start + ids.length };
}

export async function actorName(trx: Transaction<DB> | AppDeps['db'], meta: RequestMeta): Promise<string | null> {
  if (!meta.actor) return null;
  const user = await trx.selectFrom('users').select('full_name').where('id', '=', meta.actor.userId).executeTakeFirst();
  return user?.full_name ?? null;
}

/** One line of a task's history and its audit record, in the caller's transaction. */
export async function recordTaskChange(
  trx: Transaction<DB>,
  input: { taskId: string; type: ReformTaskEventType; note: string | null; action: string; details: Record<string, unknown>; meta: RequestMeta; at: Date },
): Promise<void> {
  await trx
    .insertInto('reform_task_events')
    .values({
      task_id: input.taskId,
      type: input.type,
      note: input.note,
      actor_id: input.meta.actor?.userId ?? null,
      actor_name: await actorName(trx, input.meta),
      at: input.at,
    })
    .execute();
  await appendAudit(trx, {
    ...auditActor(input.meta),
    action: input.action,
    targetType: 'reform_task',
    targetId: input.taskId,
    details: input.details,
    at: input.at,
  });
}

/**
 * One transaction that takes a row of `table` at the version the actor saw (its columns `set`, its version counted on)
 * and then writes the rest of the change; false, with nothing written, when another change took it first.
 */
export function writeAtVersion<T extends 'reform_tasks' | 'legal_documents'>(
  db: AppDeps['db'],
  row: { table: T; id: string; expectedVersion: number; set: Updateable<DB[T]> },
  rest: (trx: Transaction<DB>) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Both tables are keyed by id and count their versions alike: typed as one of them for the query builder.
    const taken = await trx
      .updateTable(row.table as 'reform_tasks')
      .set({ ...(row.set as Updateable<DB['reform_tasks']>), version: row.expectedVersion + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.expectedVersion)
      .executeTakeFirst();
    if (taken.numUpdatedRows === 0n) return false;
    await rest(trx);
    return true;
  });
}

/** What a change does to a task: its columns, its line of history and its audit record, and more rows to write. */
export interface TaskChange {
  set: Omit<Updateable<ReformTasksTable>, 'version'>;
  event: { type: ReformTaskEventType; note: string | null };
  audit: { action: string; details: Record<string, unknown> };
  also?: (trx: Transaction<DB>) => Promise<void>;
}

/**
 * Changes a task: found and seen (else REFORM_TASK_NOT_FOUND), `who` may act on its owner unit (the plan's keepers,
 * the owner unit's officials, or either), at the version the actor saw (else REFORM_TASK_CHANGED), as `decide` says.
 */
export async function changeTask(
  deps: AppDeps,
  input: { id: string; expectedVersion: number; who: 'manage' | 'report' | 'either'; meta: RequestMeta },
  decide: (task: TaskRow, today: string) => Promise<Result<TaskChange>>,
): Promise<Result<ReformTaskOutcome>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const wanted: Capability[] = input.who === 'manage' ? ['reform.manage'] : input.who === 'report' ? ['reform.report'] : ['reform.manage', 'reform.report'];
  if (!wanted.some((c) => hasCapability(actor.role, c))) return fail('FORBIDDEN_ROLE');
  const task = await loadTask(deps.db, input.id);
  if (!task || !wanted.some((c) => mayOnUnit(deps, input.meta, c, task.unit_code))) return fail('REFORM_TASK_NOT_FOUND');
  if (task.version !== input.expectedVersion) return fail('REFORM_TASK_CHANGED', { version: task.version });
  const today = todayIn(deps);
  const decided = await decide(task, today);
  if (!decided.ok) return decided;
  const change = decided.value;
  const at = deps.clock();
  const version = input.expectedVersion + 1;
  const written = await writeAtVersion(
    deps.db,
    { table: 'reform_tasks', id: task.id, expectedVersion: input.expectedVersion, set: change.set },
    async (trx) => {
      await change.also?.(trx);
      await recordTaskChange(trx, { taskId: task.id, ...change.event, ...change.audit, meta: input.meta, at });
    },
  );
  if (!written) return fail('REFORM_TASK_CHANGED');
  const status = (change.set.status as ReformTaskStatus | undefined) ?? task.status;
  const completedOn = change.set.completed_on === undefined ? task.completed_on : (change.set.completed_on as string | null);
  const deadline = (change.set.deadline as string | undefined) ?? task.deadline;
  return ok({ id: task.id, version, status, standing: standingOf({ status, deadline, completedOn }, today) });
}
