/** The province's reform plans by year, newest first, each with the completion of the tasks the reader sees (issue 23). */
import type { AppDeps, RequestMeta } from '../context.js';
import type { z } from 'zod';
import type { ReformPlanList } from '../../contract/reform-plan.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { countCompletion } from '../../domain/reform-plan/completion.js';
import { reformReader, seesUnit, todayIn } from './reform-store.js';

export async function listReformPlans(deps: AppDeps, meta: RequestMeta): Promise<Result<z.infer<typeof ReformPlanList>>> {
  const reader = reformReader(deps, meta);
  if (!reader.ok) return reader;
  const [plans, tasks] = await Promise.all([
    deps.db.selectFrom('reform_plans').select(['id', 'year', 'title']).where('province_code', '=', reader.value.provinceCode).orderBy('year', 'desc').execute(),
    deps.db
      .selectFrom('reform_tasks as t')
      .innerJoin('reform_plans as p', 'p.id', 't.plan_id')
      .select(['t.plan_id', 't.unit_code', 't.status', 't.deadline', 't.completed_on'])
      .where('p.province_code', '=', reader.value.provinceCode)
      .execute(),
  ]);
  const today = todayIn(deps);
  const seen = tasks.filter((t) => seesUnit(reader.value, t.unit_code));
  return ok({
    canManage: reader.value.manage,
    items: plans.map((p) => ({
      year: p.year,
      title: p.title,
      completion: countCompletion(
        seen.filter((t) => t.plan_id === p.id).map((t) => ({ status: t.status, deadline: t.deadline, completedOn: t.completed_on })),
        today,
      ),
    })),
  });
}
