import { useCallback, useState } from 'react';
import type { ActionType } from '../../../../domain/dossier/dossier.js';
import type { ApiError } from '../../../shared/api.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { actOnDossier, type ActionBody } from '../api/dossiers-api.js';
import { actionLabel } from '../dossier-format.js';

export const CHANGED_MESSAGE = 'Hồ sơ vừa được người khác cập nhật. Trang đã tải lại thông tin mới nhất; vui lòng kiểm tra lại trước khi thao tác.';

export interface Notice {
  kind: 'success' | 'conflict' | 'error';
  text: string;
}

/** What became of an attempt: done, stale (reloaded, the form is closed), or refused (the form shows why). */
export type Attempt = 'done' | 'stale' | 'refused' | 'busy';

/** Whether a refusal means the page was out of date: the dossier is reloaded and the form closed. */
export function isStale(error: ApiError): boolean {
  return error.code === 'DOSSIER_CHANGED' || error.code === 'ACTION_NOT_AVAILABLE' || error.code === 'DOSSIER_NOT_FOUND';
}

/** Posting an action on the dossier page, with the notice it leaves and the reload it needs. */
export function useDossierAction(id: string, reload: () => void) {
  const action = useAction();
  const { run, clearError } = action;
  const [notice, setNotice] = useState<Notice | null>(null);

  const perform = useCallback(
    async (body: ActionBody): Promise<Attempt> => {
      setNotice(null);
      const outcome = await run(() => actOnDossier(id, body));
      if (outcome === null) return 'busy';
      if (outcome.ok) {
        setNotice({ kind: 'success', text: `Đã thực hiện: ${actionLabel(body.type as ActionType)}.` });
        reload();
        return 'done';
      }
      if (isStale(outcome.error)) {
        clearError();
        setNotice({
          kind: outcome.error.code === 'DOSSIER_CHANGED' ? 'conflict' : 'error',
          text: outcome.error.code === 'DOSSIER_CHANGED' ? CHANGED_MESSAGE : outcome.error.message,
        });
        reload();
        return 'stale';
      }
      return 'refused';
    },
    [run, clearError, id, reload],
  );

  return { perform, pending: action.pending, error: action.error, clearError: action.clearError, notice, setNotice };
}
