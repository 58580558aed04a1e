import { useCallback, useState } from 'react';
import { toApiError } from '../../../shared/api.js';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import {
  assessmentPath,
  resultsPath,
  ROUNDS_PATH,
  roundPath,
  SCHEMES_PATH,
  schemePath,
  type ParAssessment,
  type ParResults,
  type ParRound,
  type ParScheme,
  type ParSchemeSummary,
} from '../api/par-api.js';
import { problemLines } from '../par-view.js';

export const useSchemes = (enabled: boolean): ApiQuery<ParSchemeSummary[]> => useApiQuery<ParSchemeSummary[]>(enabled ? SCHEMES_PATH : null);
export const useScheme = (id: string | null): ApiQuery<ParScheme> => useApiQuery<ParScheme>(id ? schemePath(id) : null);
export const useRounds = (): ApiQuery<ParRound[]> => useApiQuery<ParRound[]>(ROUNDS_PATH);
export const useRound = (id: string): ApiQuery<ParRound> => useApiQuery<ParRound>(id ? roundPath(id) : null);
export const useResults = (id: string | null): ApiQuery<ParResults> => useApiQuery<ParResults>(id ? resultsPath(id) : null);
export const useAssessment = (id: string, unit: string): ApiQuery<ParAssessment> => useApiQuery<ParAssessment>(id && unit ? assessmentPath(id, unit) : null);

/**
 * The last answer a query gave, kept on screen while the same thing is asked again (after an action), so that forms
 * keep their place; `key` (the page's address) tells another thing apart, which is not shown in the meantime.
 */
export function useKept<T>(data: T | undefined, key = ''): T | undefined {
  const [kept, setKept] = useState<{ key: string; data: T } | null>(data === undefined ? null : { key, data });
  if (data !== undefined && (kept?.data !== data || kept.key !== key)) setKept({ key, data });
  return data ?? (kept?.key === key ? kept.data : undefined);
}

/** What the last action said: done (a notice) or refused (the server's message and its problems), by the form it came from. */
export interface ActionOutcome {
  key: string;
  ok: boolean;
  message: string;
  problems: string[];
}

export interface ParActions {
  /** The action under way (its key), or null. */
  pending: string | null;
  outcome: ActionOutcome | null;
  /** Runs `work`; on success says `done` and reads the page again; a stale version (409) also reads it again. */
  run: <T>(key: string, work: () => Promise<T>, done: string | ((result: T) => string)) => Promise<boolean>;
  clear: () => void;
}

const STALE = new Set(['PAR_ASSESSMENT_CHANGED', 'PAR_ACTION_NOT_ALLOWED', 'PAR_SCHEME_CHANGED']);
const STALE_MESSAGE = 'Nội dung đã được tải lại với dữ liệu mới nhất; vui lòng kiểm tra rồi thực hiện lại.';

/** The actions of a page, one at a time, each answered next to the form it came from. */
export function useParActions(reload: () => void): ParActions {
  const [pending, setPending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const run = useCallback(
    async <T>(key: string, work: () => Promise<T>, done: string | ((result: T) => string)) => {
      setPending(key);
      setOutcome(null);
      try {
        const result = await work();
        setOutcome({ key, ok: true, message: typeof done === 'string' ? done : done(result), problems: [] });
        reload();
        return true;
      } catch (cause) {
        const error = toApiError(cause);
        const stale = STALE.has(error.code);
        setOutcome({ key, ok: false, message: error.message, problems: [...problemLines(error.details), ...(stale ? [STALE_MESSAGE] : [])] });
        if (stale) reload();
        return false;
      } finally {
        setPending(null);
      }
    },
    [reload],
  );
  const clear = useCallback(() => setOutcome(null), []);
  return { pending, outcome, run, clear };
}
