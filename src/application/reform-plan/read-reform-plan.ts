/**
 * A year's reform plan as its reader sees it (issue 23 item 7): the completion rate of the tasks they see (the
 * province's, or their own unit's), per owner unit, the overdue tasks most overdue first, and the tasks in the plan's
 * order, filtered by unit, standing or kind.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import type { ReformPlanView } from '../../contract/reform-plan.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { completionByUnit, countCompletion, overdueTasks } from '../../domain/reform-plan/completion.js';
import type { ReformTaskKind, ReformTaskStanding } from '../../domain/reform-plan/reform-task.js';
import { defaultPlanTitle, reformReader, taskSummary, tasksQuery, todayIn } from './reform-store.js';

export interface PlanFilter {
  unitCode?: string | undefined;
  standing?: ReformTaskStanding | undefined;
  kind?: ReformTaskKind | undefined;
}

export async function readReformPlan(deps: AppDeps, input: { year: number; query: PlanFilter; meta: RequestMeta }): Promise<Result<ReformPlanView>> {
  const reader = reformReader(deps, input.meta);
  if (!reader.ok) return reader;
  const { provinceCode, units, manage } = reader.value;
  const plan = await deps.db
    .selectFrom('reform_plans')
    .select(['id', 'title'])
    .where('province_code', '=', provinceCode)
    .where('year', '=', input.year)
    .executeTakeFirst();
  const rows = plan
    ? await tasksQuery(deps.db)
        .where('t.plan_id', '=', plan.id)
        .$if(units !== null, (q) => q.where('t.unit_code', 'in', units!.size === 0 ? [''] : [...units!]))
        .orderBy('t.position')
        .execute()
    : [];
  const today = todayIn(deps);
  const tree = deps.units.tree();
  const tasks = rows.map((r) => taskSummary(r, tree, today));
  const { query } = input;
  return ok({
    year: input.year,
    title: plan?.title ?? defaultPlanTitle(input.year),
    exists: plan !== undefined,
    today,
    scope: manage ? 'province' : 'units',
    canManage: manage,
    completion: countCompletion(tasks, today),
    units: completionByUnit(tasks, today).map((u) => ({ ...u, unitName: tree.find(u.unitCode)?.name ?? u.unitCode })),
    overdue: overdueTasks(tasks, today),
    tasks: tasks.filter(
      (t) =>
        (query.unitCode === undefined || t.unitCode === query.unitCode) &&
        (query.standing === undefined || t.standing === query.standing) &&
        (query.kind === undefined || t.kind === query.kind),
    ),
  });
}
