/**
 * One command applied to many dossiers from a work queue. Each dossier goes through `actOnDossier` in its own
 * transaction, so every guard (role, unit, state, the caller's `expectedSeq`), the audit record and the
 * notification outbox apply to it exactly as to a single action; one refusal never undoes the others, and
 * the answer tells, dossier by dossier, what happened (partial success is the normal case).
 *
 * Only the commands that need no judgement of the dossier itself are allowed in bulk:
 * - `claim`: taking the dossiers waiting at one's step; it carries no data and changes no deadline.
 * - `approve` (a leader, at a leader step, with one optional note): the decision was prepared dossier by
 *   dossier by the specialist and is the leader's signature, commonly given to a batch ("ký duyệt").
 * - `returnResult` with one method: the desk hands over results already decided, at the counter or by post.
 * Not `transfer`: the target step is chosen per dossier (templates differ, inter-agency steps, going back),
 * and "the next step" is a judgement that the dossier is ready for it. Not the refusals, supplement or fee
 * requests, stops, withdrawals or apologies: each needs its own reason, amount or date and sends the
 * applicant a form of its own. Not `accept`: an online dossier's components are checked one by one.
 */
import { BULK_ACTION_TYPES, BULK_MAX_ITEMS } from '../../domain/dossier/vocabulary.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { fail, ok, type ErrorCode, type Result } from '../../domain/errors/error-codes.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import type { Command, DossierStatus } from '../../domain/dossier/dossier.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { actOnDossier } from './act-on-dossier.js';
import type { PersonalDataCipher } from '../personal-data.js';

type Deps = AppDeps & { calendars: CalendarDirectory; personalData: PersonalDataCipher };

/** The command types a work queue may apply to many dossiers at once (see above for why these). */
export { BULK_ACTION_TYPES, BULK_MAX_ITEMS };
export type BulkActionType = (typeof BULK_ACTION_TYPES)[number];
export type BulkCommand = Extract<Command, { type: BulkActionType }>;

/** Most dossiers in one request: a queue page's worth, and a bounded time holding the request. */

export interface BulkItem {
  id: string;
  /** The dossier's `seq` as the caller saw it in the queue. */
  expectedSeq: number;
}

export type BulkOutcome = { id: string; ok: true; seq: number; status: DossierStatus } | { id: string; ok: false; code: ErrorCode; message: string };

export async function actOnDossiersInBulk(
  deps: Deps,
  input: { command: BulkCommand; items: readonly BulkItem[]; meta: RequestMeta },
): Promise<Result<{ items: BulkOutcome[] }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!isOfficialRole(actor.role)) return fail('FORBIDDEN_ROLE');
  if (!(BULK_ACTION_TYPES as readonly string[]).includes(input.command.type)) {
    return fail('VALIDATION_FAILED', [{ path: 'body.command.type', message: `Thao tác hàng loạt chỉ gồm: ${BULK_ACTION_TYPES.join(', ')}` }]);
  }
  if (input.items.length === 0 || input.items.length > BULK_MAX_ITEMS) {
    return fail('VALIDATION_FAILED', [{ path: 'body.items', message: `Từ 1 đến ${BULK_MAX_ITEMS} hồ sơ mỗi lần` }]);
  }
  if (new Set(input.items.map((i) => i.id)).size !== input.items.length) {
    return fail('VALIDATION_FAILED', [{ path: 'body.items', message: 'Mỗi hồ sơ chỉ được nêu một lần' }]);
  }
  const outcomes: BulkOutcome[] = [];
  // One after the other: each holds its dossier's row lock and the audit chain's head only for its own commit.
  for (const item of input.items) {
    const result = await actOnDossier(deps, { id: item.id, command: input.command, expectedSeq: item.expectedSeq, meta: input.meta });
    outcomes.push(
      result.ok
        ? { id: item.id, ok: true, seq: result.value.seq, status: result.value.status as DossierStatus }
        : { id: item.id, ok: false, code: result.error.code, message: result.error.message },
    );
  }
  return ok({ items: outcomes });
}
