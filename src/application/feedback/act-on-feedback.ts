/**
 * The officials' actions on feedback (issue 22 §2–3): classify (5.1), accept, route to another unit of the province
 * or hand over to another agency, return to the sender, refuse with a reason, ask the citizen once for more, draft an
 * answer, and (the unit's leader) send the draft back or approve it; then publish it on the portal. Each action is
 * allowed by the item's state (domain/feedback/feedback.ts), checked against the version the official saw, recorded
 * as an event and audited. Only officials of the unit that must answer (or above it) act on an item.
 */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { allowed, type FeedbackEvent } from '../../domain/feedback/feedback.js';
import type { FeedbackCommand } from '../../contract/feedback.js';
import { toLocal } from '../dossier/dossier-store.js';
import { lockItem, recordEvent, searchText, type FeedbackDeps } from './feedback-store.js';
import { noticeToReporter } from './reporter-notices.js';

class Refused extends Error {
  constructor(
    readonly code: 'FEEDBACK_NOT_FOUND' | 'FEEDBACK_CHANGED' | 'FEEDBACK_ACTION_NOT_ALLOWED' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_UNIT' | 'VALIDATION_FAILED',
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export async function actOnFeedback(
  deps: FeedbackDeps,
  input: { id: string; command: FeedbackCommand; meta: RequestMeta },
): Promise<Result<{ id: string; seq: number; status: string }>> {
  const { command, meta } = input;
  const tree = deps.units.tree();
  const capability = command.type === 'approveAnswer' || command.type === 'rejectDraft' ? 'feedback.approve' : 'feedback.handle';
  const role = authorize(meta.actor, capability);
  if (!role.ok) return fail(role.code);
  if (command.type === 'transfer' && !tree.find(command.toUnitCode))
    return fail('VALIDATION_FAILED', [{ path: 'body.toUnitCode', message: `Không có đơn vị ${command.toUnitCode}` }]);
  if (command.type === 'classify' && command.procedureCode !== null && deps.catalogue.history(command.procedureCode).length === 0)
    return fail('VALIDATION_FAILED', [{ path: 'body.procedureCode', message: `Không có thủ tục ${command.procedureCode}` }]);
  try {
    return ok(
      await deps.db.transaction().execute(async (trx) => {
        const item = await lockItem(trx, input.id);
        if (!item) throw new Refused('FEEDBACK_NOT_FOUND');
        const scope = authorize(meta.actor, capability, { unitCode: item.unit_code }, tree);
        if (!scope.ok) throw new Refused('FEEDBACK_NOT_FOUND'); // another unit's item is not shown to exist
        if (item.seq !== command.expectedSeq) throw new Refused('FEEDBACK_CHANGED');
        if (!allowed(item.state, command.type)) throw new Refused('FEEDBACK_ACTION_NOT_ALLOWED');
        const now = deps.clock();
        const at = toLocal(now);
        let event: FeedbackEvent;
        let extra: Parameters<typeof recordEvent>[5] = {};
        let note: string | null = null;
        switch (command.type) {
          case 'classify':
            event = { type: 'classify', at, kind: command.kind, procedureCode: command.procedureCode, fieldCode: command.fieldCode };
            extra = {
              kind: command.kind,
              procedure_code: command.procedureCode,
              field_code:
                command.fieldCode ?? (command.procedureCode ? (deps.catalogue.history(command.procedureCode).at(-1)?.record.fieldCode ?? null) : null),
            };
            break;
          case 'accept':
          case 'approveAnswer':
            event = { type: command.type, at };
            break;
          case 'publish': {
            event = { type: 'publish', at };
            const row = await trx.selectFrom('feedback_items').select(['title', 'content', 'answer_draft']).where('id', '=', item.id).executeTakeFirstOrThrow();
            extra = { answer: row.answer_draft, published_at: now, search_text: searchText(row.title, row.content, row.answer_draft) };
            break;
          }
          case 'transfer':
            event = { type: 'transfer', at, toUnitCode: command.toUnitCode, reason: command.reason };
            extra = { unit_code: command.toUnitCode };
            note = command.reason;
            break;
          case 'transferOut':
            event = { type: 'transferOut', at, to: command.to, reason: command.reason };
            note = `${command.to}: ${command.reason}`;
            break;
          case 'returnToSender':
          case 'refuse':
          case 'requestSupplement':
          case 'rejectDraft':
            event = { type: command.type, at, reason: command.reason };
            note = command.reason;
            break;
          case 'draftAnswer':
            event = { type: 'draftAnswer', at };
            extra = { answer_draft: command.answer };
            break;
          default: {
            const never: never = command;
            return never;
          }
        }
        const next = await recordEvent(trx, item, event, meta, now, extra, note ? { note } : {});
        await noticeToReporter(trx, deps, item, command.type, command.type === 'transferOut' ? command.to : note, now);
        return { id: item.id, seq: item.seq + 1, status: next.status };
      }),
    );
  } catch (error) {
    if (error instanceof Refused) return fail(error.code, error.details);
    throw error;
  }
}
