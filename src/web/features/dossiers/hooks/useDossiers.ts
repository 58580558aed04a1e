import { useEffect, useState } from 'react';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { dossierFilesPath, type DossierFiles } from '../../../shared/dossier-files-api.js';
import { dossierPath, queuePath, type Dossier, type Queue, type QueueResponse } from '../api/dossiers-api.js';

/** One work queue of the logged-in official, as the server sorts it (most urgent first). */
export function useDossierQueue(queue: Queue): ApiQuery<QueueResponse> {
  return useApiQuery<QueueResponse>(queuePath(queue));
}

/** One dossier with the actions this official may take on it now. */
export function useDossier(id: string | null): ApiQuery<Dossier> {
  return useApiQuery<Dossier>(id === null ? null : dossierPath(id));
}

/** The files of a dossier's components (digitized scans, the applicant's electronic copies). */
export function useDossierFiles(id: string | null): ApiQuery<DossierFiles> {
  return useApiQuery<DossierFiles>(id === null ? null : dossierFilesPath(id));
}

/** The current time, refreshed every `intervalMs`, so that badges like "Đến hạn hôm nay" stay true. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
