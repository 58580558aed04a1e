/** The file given as evidence of a task's completion, for those who see the task (issue 23 item 7). */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { EvidenceType } from '../../domain/reform-plan/reform-task.js';
import { visibleTask } from './read-reform-task.js';
import type { ReformDeps } from './reform-store.js';

export async function readReformEvidence(
  deps: ReformDeps,
  input: { id: string; meta: RequestMeta },
): Promise<Result<{ fileName: string; contentType: EvidenceType; bytes: Buffer }>> {
  const found = await visibleTask(deps, input.id, input.meta);
  if (!found.ok) return found;
  const task = found.value;
  const bytes = task.evidence_sha256 ? await deps.files.read(task.evidence_sha256) : null;
  if (!bytes || !task.evidence_type) return fail('FILE_NOT_FOUND');
  return ok({ fileName: task.evidence_name ?? 'minh-chung', contentType: task.evidence_type, bytes });
}
