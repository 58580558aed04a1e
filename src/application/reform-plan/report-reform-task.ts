/**
 * The owner unit's officials report on a task (issue 23 item 7): progress with a note, or completion with evidence —
 * a file (PDF, PNG, JPEG, DOCX or XLSX, judged by its content and kept in the file store) or a link — at the version
 * they saw. Who reported and when is kept with the task.
 */
import type { z } from 'zod';
import type { RequestMeta } from '../context.js';
import type { ReformTaskOutcome, ReportReformTaskBody } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { applyReport, EVIDENCE_TYPE_LABELS, type EvidenceType } from '../../domain/reform-plan/reform-task.js';
import { sniffEvidenceType, type EvidenceKind } from '../../infrastructure/files/evidence-type.js';
import { changeTask, type ReformDeps } from './reform-store.js';

const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const SNIFFED: Record<EvidenceKind, EvidenceType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function reportReformTask(
  deps: ReformDeps,
  input: { id: string; body: z.output<typeof ReportReformTaskBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const { body, meta } = input;
  return changeTask(deps, { id: input.id, expectedVersion: body.expectedVersion, who: 'report', meta }, async (task, today) => {
    const outcome = applyReport(task, { type: body.type }, today);
    if (!outcome.ok) return fail('REFORM_TASK_STATE', { reason: outcome.reason });
    const reported = { reported_by: meta.actor?.userId ?? null, reported_at: deps.clock() };
    if (body.type === 'progress')
      return ok({
        set: { status: outcome.status, progress_note: body.note, ...reported },
        event: { type: 'progress', note: body.note },
        audit: { action: 'reform.task_progress', details: { unit: task.unit_code } },
      });
    const { evidence } = body;
    let stored = {
      evidence_url: null as string | null,
      evidence_name: null as string | null,
      evidence_type: null as EvidenceType | null,
      evidence_sha256: null as string | null,
      evidence_size: null as number | null,
    };
    if (evidence.kind === 'link') stored = { ...stored, evidence_url: evidence.url };
    else {
      const bytes = Buffer.from(evidence.data, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_EVIDENCE_BYTES)
        return fail('VALIDATION_FAILED', [{ path: 'body.evidence.data', message: 'Tệp minh chứng rỗng hoặc lớn hơn 10 MB' }]);
      // Judged by its content: a file named .pdf that is not a PDF is refused.
      const sniffed = sniffEvidenceType(bytes);
      if (!sniffed || SNIFFED[sniffed] !== evidence.contentType)
        return fail('VALIDATION_FAILED', [
          {
            path: 'body.evidence.data',
            message: `Nội dung tệp không phải ${EVIDENCE_TYPE_LABELS[evidence.contentType]} (chỉ nhận PDF, PNG, JPEG, DOCX, XLSX)`,
          },
        ]);
      const put = await deps.files.put(bytes);
      stored = { ...stored, evidence_name: evidence.name, evidence_type: evidence.contentType, evidence_sha256: put.sha256, evidence_size: bytes.length };
    }
    return ok({
      set: { status: outcome.status, completed_on: outcome.completedOn, ...(body.note ? { progress_note: body.note } : {}), ...stored, ...reported },
      event: { type: 'completed', note: body.note },
      audit: {
        action: 'reform.task_completed',
        details: {
          unit: task.unit_code,
          completedOn: outcome.completedOn,
          late: outcome.completedOn! > task.deadline,
          evidence: evidence.kind,
          sha256: stored.evidence_sha256,
        },
      },
    });
  });
}
