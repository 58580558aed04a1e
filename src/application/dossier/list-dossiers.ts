/** An official's work queues (contract/dossier-queue.ts): reception, results, their own, unassigned, and all in scope. */
import type { Queue } from '../../domain/dossier/vocabulary.js';
import { sql } from 'kysely';
import type { RequestMeta } from '../context.js';
import { ok } from '../../domain/errors/error-codes.js';
import type { DossierHeader } from '../../domain/dossier/fold.js';
import { coveredUnits } from '../../domain/access/policy.js';
import type { DossierQueue } from '../../contract/dossier-queue.js';
import { officialOf, queueItem, type DossierReadDeps } from './dossier-listing.js';

/**
 * An official's work queue, most urgent first: overdue, then by the nearest step deadline or due date. Each row
 * carries its `seq` and the actions the official may take on it now, so that a queue can act on several
 * dossiers at once (POST /dossiers/bulk-actions) offering only what every selected one allows.
 */
export async function listDossiers(deps: DossierReadDeps, input: { queue: Queue; limit: number; meta: RequestMeta }) {
  const official = officialOf(input.meta);
  if (!official.ok) return official;
  const actor = official.value;
  const tree = deps.units.tree();
  // A desk's queues hold its own local government's dossiers, as its actions do (relationOf).
  const inScope = coveredUnits(actor, tree);
  let q = deps.db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_code',
      'status',
      'national_code',
      'current_unit_code',
      'assignee_id',
      'due_at',
      'appointment_at',
      'step_due_at',
      'step_index',
      'submitted_at',
      'channel',
      'header',
      'state',
      'last_seq',
    ]);
  switch (input.queue) {
    case 'reception':
      q = q.where('receiving_unit_code', 'in', inScope).where('status', 'in', ['submitted', 'receptionSupplement', 'supplementRequested']);
      break;
    case 'result':
      q = q.where('receiving_unit_code', 'in', inScope).where('status', '=', 'resultReady');
      break;
    case 'mine':
      q = q.where('assignee_id', '=', actor.userId);
      break;
    case 'unassigned':
      // Only the steps this role acts at, filtered in SQL so the limit never cuts them off.
      q = q
        .where('current_unit_code', 'in', inScope)
        .where('assignee_id', 'is', null)
        .where('status', 'in', ['accepted', 'processing'])
        .where(sql<string>`header -> 'steps' -> step_index ->> 'role'`, '=', actor.role);
      break;
    case 'all':
      q = q.where((eb) => eb.or([eb('current_unit_code', 'in', inScope), eb('unit_code', 'in', inScope), eb('receiving_unit_code', 'in', inScope)]));
      break;
  }
  const rows = await q
    .orderBy(sql`coalesce(step_due_at, due_at, submitted_at)`)
    .limit(input.limit)
    .execute();
  const now = deps.clock().getTime();
  const items = rows
    .map((r) => {
      const header = r.header as DossierHeader;
      const step = r.step_index === null ? null : header.steps[r.step_index];
      if (input.queue === 'unassigned' && step && step.role !== actor.role) return null;
      return queueItem(deps, r, actor, now);
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return ok<DossierQueue>({ queue: input.queue, items });
}
