/**
 * Acting on several dossiers of a work queue at once: which rows can take part, the actions every selected
 * row allows, the requests (at most BULK_MAX_ITEMS dossiers each) and the summary of what happened.
 * Pure: no React, no network.
 */
import { BULK_ACTION_TYPES, BULK_ACTION_TYPES as BULK_ACTIONS, BULK_MAX_ITEMS } from '../../../domain/dossier/vocabulary.js';
import type { ActionType } from '../../../domain/dossier/dossier.js';
import type { BulkCommand, BulkItem, BulkOutcome } from './api/dossiers-api.js';
import { buildActionBody, defaultReturnMethod, type ActionErrors, type ActionFormValues } from './action-forms.js';

/**
 * The command types the server takes in bulk: those that need no judgement of each dossier (the others stay on
 * the dossier page), and the server's largest request. One list for both sides, in the domain.
 */
export { BULK_ACTION_TYPES as BULK_ACTIONS, BULK_MAX_ITEMS };
export type BulkAction = (typeof BULK_ACTION_TYPES)[number];

interface Row {
  id: string;
  seq: number;
  availableActions: readonly ActionType[];
}

/** Whether a row may be selected: some bulk action is open to it. */
export function canSelect(row: Pick<Row, 'availableActions'>): boolean {
  return BULK_ACTIONS.some((a) => row.availableActions.includes(a));
}

/** The bulk actions that every selected row allows (none for an empty selection). */
export function commonBulkActions(rows: readonly Pick<Row, 'availableActions'>[]): BulkAction[] {
  if (rows.length === 0) return [];
  return BULK_ACTIONS.filter((a) => rows.every((r) => r.availableActions.includes(a)));
}

export type SelectionState = 'none' | 'some' | 'all';

/** How much of `ids` (the selectable rows shown) is selected, for the "select all" box. */
export function selectionState(selected: ReadonlySet<string>, ids: readonly string[]): SelectionState {
  const count = ids.filter((id) => selected.has(id)).length;
  return count === 0 ? 'none' : count === ids.length ? 'all' : 'some';
}

/** "Select all": everything shown when not all are, else nothing. */
export function toggleAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return selectionState(selected, ids) === 'all' ? new Set() : new Set(ids);
}

export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The items to send, each with the `seq` read in the queue, in requests of at most BULK_MAX_ITEMS. */
export function bulkBatches(rows: readonly Pick<Row, 'id' | 'seq'>[]): BulkItem[][] {
  const items = rows.map((r) => ({ id: r.id, expectedSeq: r.seq }));
  const batches: BulkItem[][] = [];
  for (let i = 0; i < items.length; i += BULK_MAX_ITEMS) batches.push(items.slice(i, i + BULK_MAX_ITEMS));
  return batches;
}

const DONE = {
  claim: 'Đã nhận xử lý',
  approve: 'Đã phê duyệt',
  returnResult: 'Đã trả kết quả',
} as const satisfies Record<BulkAction, string>;

/** Why a dossier was not done, as the summary says it. */
const FAILURES: Record<string, string> = {
  DOSSIER_CHANGED: 'đã có người khác thay đổi',
  ACTION_NOT_AVAILABLE: 'không còn thực hiện được thao tác này',
  DOSSIER_NOT_FOUND: 'không còn trong phạm vi bạn xử lý',
};

export function failureText(code: string): string {
  return FAILURES[code] ?? 'không thực hiện được';
}

/** "Đã nhận xử lý 5/6 hồ sơ; 1 hồ sơ đã có người khác thay đổi". */
export function bulkSummary(type: BulkAction, outcomes: readonly BulkOutcome[]): string {
  const done = outcomes.filter((o) => o.ok).length;
  const reasons = new Map<string, number>();
  for (const o of outcomes) if (!o.ok) reasons.set(failureText(o.code), (reasons.get(failureText(o.code)) ?? 0) + 1);
  return [`${DONE[type]} ${done}/${outcomes.length} hồ sơ`, ...[...reasons].map(([reason, n]) => `${n} hồ sơ ${reason}`)].join('; ');
}

/** The command's one set of fields, checked as on the dossier page (the same note or method for every dossier). */
export function buildBulkCommand(type: BulkAction, values: ActionFormValues): { ok: true; command: BulkCommand } | { ok: false; errors: ActionErrors } {
  const built = buildActionBody(type, values, { expectedSeq: 0, currentStepIndex: null, stepCount: 0, appointmentAt: null });
  if (!built.ok) return built;
  const { expectedSeq: _perDossier, ...command } = built.body;
  return { ok: true, command: command as BulkCommand };
}

/** The return method proposed: the channel the selected dossiers all came by, if they agree. */
export function defaultBulkReturnMethod(rows: readonly { channel: string }[]): ActionFormValues['method'] {
  const channels = new Set(rows.map((r) => r.channel));
  return channels.size === 1 ? defaultReturnMethod([...channels][0]!) : '';
}
