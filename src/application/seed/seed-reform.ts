/**
 * Seeds the demo province's 2026 reform plan and its register of legal documents (issue 23), in the demo's seeding
 * transaction, after the catalogue (whose legal bases the register takes in).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { DEMO_PROVINCE_CODE } from '../../infrastructure/seed/demo-province.js';
import { DEMO_REFORM_PLAN, DEMO_REFORM_TASKS, DEMO_REGISTER } from '../../infrastructure/seed/demo-reform.js';

const at = (day: string) => new Date(`${day}T16:00:00+07:00`);

export async function seedDemoReform(trx: Transaction<DB>): Promise<{ reformTasks: number; legalDocuments: number }> {
  const plan = await trx
    .insertInto('reform_plans')
    .values({ province_code: DEMO_PROVINCE_CODE, year: DEMO_REFORM_PLAN.year, title: DEMO_REFORM_PLAN.title, created_by: null, created_at: at('2026-01-10') })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, t] of DEMO_REFORM_TASKS.entries()) {
    const task = await trx
      .insertInto('reform_tasks')
      .values({
        plan_id: plan.id,
        position: i + 1,
        kind: t.kind,
        content: t.content,
        unit_code: t.unitCode,
        deadline: t.deadline,
        expected_output: t.expectedOutput,
        status: t.done ? 'done' : t.progress ? 'inProgress' : 'notStarted',
        progress_note: t.progress ?? null,
        completed_on: t.done?.on ?? null,
        evidence_url: t.done?.evidence ?? null,
        reported_at: t.done ? at(t.done.on) : null,
        created_by: null,
        created_at: at('2026-01-10'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events = [
      { type: 'imported' as const, note: null, on: '2026-01-10' },
      ...(t.progress ? [{ type: 'progress' as const, note: t.progress, on: '2026-12-01' }] : []),
      ...(t.done ? [{ type: 'completed' as const, note: null, on: t.done.on }] : []),
    ];
    await trx
      .insertInto('reform_task_events')
      .values(events.map((e) => ({ task_id: task.id, type: e.type, note: e.note, actor_id: null, actor_name: null, at: at(e.on) })))
      .execute();
    if (t.findings)
      await trx
        .insertInto('reform_task_findings')
        .values(t.findings.map((f, j) => ({ task_id: task.id, position: j + 1, content: f.content, remedy: f.remedy, updated_at: at('2026-11-15') })))
        .execute();
  }

  const ids = new Map<string, string>();
  for (const d of DEMO_REGISTER) {
    const row = {
      title: d.title,
      issuer: d.issuer,
      issued_on: d.issuedOn,
      effective_from: d.effectiveFrom,
      in_register: true,
      doc_type: d.type,
      province_code: DEMO_PROVINCE_CODE,
      expires_on: d.expiresOn ?? null,
      marked_status: d.markedStatus ?? 'inForce',
      review_due_on: d.reviewDueOn,
    };
    // The catalogue's legal basis of the same number becomes the register's document.
    const adopted = await trx.updateTable('legal_documents').set(row).where('number', '=', d.number).returning('id').executeTakeFirst();
    const saved =
      adopted ??
      (await trx
        .insertInto('legal_documents')
        .values({ number: d.number, ...row })
        .returning('id')
        .executeTakeFirstOrThrow());
    ids.set(d.number, saved.id);
    if (d.reviews)
      await trx
        .insertInto('legal_document_reviews')
        .values(
          d.reviews.map((r) => ({
            document_id: saved.id,
            kind: 'review' as const,
            reviewed_on: r.reviewedOn,
            due_on: r.dueOn,
            result: r.result,
            note: null,
            reviewer: 'Sở Tư pháp',
            next_due_on: r.nextDueOn,
            recorded_by: null,
            recorded_at: at(r.reviewedOn),
          })),
        )
        .execute();
  }
  for (const d of DEMO_REGISTER)
    if (d.changes)
      await trx
        .insertInto('legal_document_links')
        .values({
          document_id: ids.get(d.changes.number)!,
          by_document_id: ids.get(d.number)!,
          relation: d.changes.relation,
          note: null,
          created_by: null,
          created_at: at(d.issuedOn),
        })
        .execute();
  return { reformTasks: DEMO_REFORM_TASKS.length, legalDocuments: DEMO_REGISTER.length };
}
