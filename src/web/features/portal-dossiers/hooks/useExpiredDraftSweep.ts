import { useEffect } from 'react';
import { apiGet } from '../../../shared/api.js';
import type { PortalSettings } from '../../../../contract/system.js';
import { DEFAULT_DRAFT_RETENTION_DAYS, expiredDrafts } from '../submission-form.js';

function storedEntries(storage: Storage): [string, string | null][] {
  const entries: [string, string | null][] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) entries.push([key, storage.getItem(key)]);
  }
  return entries;
}

/**
 * Delete the submission drafts on this device that were never sent within the province's retention period
 * (GET /api/v1/portal/settings, DRAFT_RETENTION_DAYS; the default when the server cannot be asked).
 */
export function useExpiredDraftSweep(): void {
  useEffect(() => {
    const controller = new AbortController();
    void apiGet<PortalSettings>('/api/v1/portal/settings', { signal: controller.signal })
      .then((settings) => settings.draftRetentionDays)
      .catch(() => DEFAULT_DRAFT_RETENTION_DAYS)
      .then((days) => {
        if (controller.signal.aborted) return;
        try {
          const storage = window.localStorage;
          for (const key of expiredDrafts(storedEntries(storage), new Date(), days)) storage.removeItem(key);
        } catch {
          // storage disabled: nothing is kept, nothing to delete
        }
      });
    return () => controller.abort();
  }, []);
}
