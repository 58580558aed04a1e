/**
 * The completion of a reform plan (issue 23 item 7): the share of its tasks done, per owner unit and for the province,
 * and the overdue tasks, most overdue first. The rate is a percentage with two decimals (662 done of 1,315 tasks:
 * 50.34, shown 50,34%); a plan without tasks has no rate (null).
 */
import { daysOverdue, standingOf, type ReformTaskStanding, type TaskProgress } from './reform-task.js';

/** done / total as a percentage rounded to two decimals; null without tasks. */
export function completionRate(done: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((done * 10_000) / total) / 100;
}

export interface CompletionCounts {
  total: number;
  /** Done on time and done late. */
  done: number;
  doneOnTime: number;
  doneLate: number;
  inProgress: number;
  notStarted: number;
  /** Not done, the deadline passed. */
  overdue: number;
  rate: number | null;
}

/** The tasks counted by how they stand on `today`. */
export function countCompletion(tasks: readonly TaskProgress[], today: string): CompletionCounts {
  const by: Record<ReformTaskStanding, number> = { notStarted: 0, inProgress: 0, overdue: 0, doneOnTime: 0, doneLate: 0 };
  for (const task of tasks) by[standingOf(task, today)] += 1;
  const done = by.doneOnTime + by.doneLate;
  return { total: tasks.length, done, ...by, rate: completionRate(done, tasks.length) };
}

/** Per owner unit, the highest rate first (then the most tasks, then the unit's code). */
export function completionByUnit(tasks: readonly (TaskProgress & { unitCode: string })[], today: string): (CompletionCounts & { unitCode: string })[] {
  const byUnit = new Map<string, TaskProgress[]>();
  for (const task of tasks) byUnit.set(task.unitCode, [...(byUnit.get(task.unitCode) ?? []), task]);
  return [...byUnit]
    .map(([unitCode, list]) => ({ unitCode, ...countCompletion(list, today) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.total - a.total || a.unitCode.localeCompare(b.unitCode));
}

/** The tasks overdue on `today`, the most days past their deadline first (then the earliest deadline, then `position`). */
export function overdueTasks<T extends TaskProgress & { position: number }>(tasks: readonly T[], today: string): (T & { daysOverdue: number })[] {
  return tasks
    .filter((t) => standingOf(t, today) === 'overdue')
    .map((t) => ({ ...t, daysOverdue: daysOverdue(t, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline) || a.position - b.position);
}
