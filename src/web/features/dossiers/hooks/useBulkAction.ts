import { useCallback } from 'react';
import { useAction } from '../../calendar/hooks/useAction.js';
import { actOnDossiersInBulk, type BulkCommand, type BulkOutcome, type QueueItem } from '../api/dossiers-api.js';
import { bulkBatches, bulkSummary, type BulkAction } from '../bulk-actions.js';

/** What a run did: the summary sentence and the dossiers not done, by code, with the server's reason. */
export interface BulkRun {
  type: BulkAction;
  summary: string;
  failures: { id: string; code: string; reason: string }[];
  allDone: boolean;
}

/** One command on the selected rows of a queue, in requests the server accepts, one after the other. */
export function useBulkAction() {
  const action = useAction();
  const { run } = action;

  const perform = useCallback(
    async (command: BulkCommand, rows: readonly QueueItem[]): Promise<BulkRun | null> => {
      const outcome = await run(async () => {
        const outcomes: BulkOutcome[] = [];
        for (const batch of bulkBatches(rows)) outcomes.push(...(await actOnDossiersInBulk(command, batch)).items);
        return outcomes;
      });
      if (!outcome?.ok) return null;
      const codes = new Map(rows.map((r) => [r.id, r.code]));
      const failures = outcome.value.flatMap((o) => (o.ok ? [] : [{ id: o.id, code: codes.get(o.id) ?? o.id, reason: o.message }]));
      return { type: command.type, summary: bulkSummary(command.type, outcome.value), failures, allDone: failures.length === 0 };
    },
    [run],
  );

  return { perform, pending: action.pending, error: action.error, clearError: action.clearError };
}
