import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { OPEN_NOTICES_PATH, OUTBOX_PATH, type NationalCatalogueOutbox, type NationalNoticesResponse } from '../api/national-catalogue-api.js';

/** The notices not yet handled of procedures a ministry changed on the national procedure database, newest first. */
export function useOpenNationalNotices(): ApiQuery<NationalNoticesResponse> {
  return useApiQuery<NationalNoticesResponse>(OPEN_NOTICES_PATH);
}

/** What is sent to the national portal: procedures waiting to be made public, rating months. */
export function useNationalOutbox(): ApiQuery<NationalCatalogueOutbox> {
  return useApiQuery<NationalCatalogueOutbox>(OUTBOX_PATH);
}
