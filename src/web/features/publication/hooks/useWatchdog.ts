import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { WATCHDOG_PATH, type WatchdogResponse } from '../api/publication-api.js';

/** The publication watchdog report of the province (computed by the server for today). */
export function useWatchdog(): ApiQuery<WatchdogResponse> {
  return useApiQuery<WatchdogResponse>(WATCHDOG_PATH);
}
