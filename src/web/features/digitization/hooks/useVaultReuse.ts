import { useCallback, useState } from 'react';
import { toApiError } from '../../../shared/api.js';
import { reuseVaultDocument, type ReuseRequest } from '../api/provide-once-api.js';

export interface ReuseItem {
  componentCode: string;
  status: 'sending' | 'done' | 'failed';
  message: string | null;
}

export interface VaultReuse {
  items: ReuseItem[];
  busy: boolean;
  /** Send the reuse requests to the new dossier, one after the other. */
  start: (dossierId: string, requests: readonly ReuseRequest[]) => void;
  clear: () => void;
}

/** After counter intake: the components met from the citizen's vault are filed on the new dossier. */
export function useVaultReuse(): VaultReuse {
  const [items, setItems] = useState<ReuseItem[]>([]);

  const start = useCallback((dossierId: string, requests: readonly ReuseRequest[]) => {
    setItems(requests.map((r) => ({ componentCode: r.componentCode, status: 'sending', message: null })));
    void (async () => {
      for (const request of requests) {
        let next: ReuseItem;
        try {
          await reuseVaultDocument(dossierId, request);
          next = { componentCode: request.componentCode, status: 'done', message: null };
        } catch (cause) {
          next = { componentCode: request.componentCode, status: 'failed', message: toApiError(cause).message };
        }
        setItems((list) => list.map((item) => (item.componentCode === request.componentCode ? next : item)));
      }
    })();
  }, []);

  const clear = useCallback(() => setItems([]), []);
  return { items, busy: items.some((i) => i.status === 'sending'), start, clear };
}
