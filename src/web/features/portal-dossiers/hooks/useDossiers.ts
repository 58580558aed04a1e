import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { dossierFilesPath, type DossierFiles } from '../../../shared/dossier-files-api.js';
import {
  dossierPath,
  MY_DOSSIERS_PATH,
  publicDossierPath,
  type DossierDetail,
  type MyDossiersResponse,
  type PublicDossierLookup,
} from '../api/portal-dossiers-api.js';

/** The logged-in citizen's dossiers, newest first; nothing while `enabled` is false (not logged in yet). */
export function useMyDossiers(enabled: boolean): ApiQuery<MyDossiersResponse> {
  return useApiQuery<MyDossiersResponse>(enabled ? MY_DOSSIERS_PATH : null);
}

/** One of the citizen's dossiers with what they may do on it; null skips the request. */
export function useDossier(id: string | null): ApiQuery<DossierDetail> {
  return useApiQuery<DossierDetail>(id === null ? null : dossierPath(id));
}

/** The public status of a dossier by its code (no personal data); null skips the request. */
/** The public status of a dossier: the status alone, or with its lookup key the whole public view. */
export function usePublicDossier(code: string | null, lookupKey: string | null = null): ApiQuery<PublicDossierLookup> {
  return useApiQuery<PublicDossierLookup>(code === null ? null : publicDossierPath(code, lookupKey));
}

/** The files of one of the citizen's dossiers, its result once issued, and whether they may add files now. */
export function useDossierFiles(id: string | null): ApiQuery<DossierFiles> {
  return useApiQuery<DossierFiles>(id === null ? null : dossierFilesPath(id));
}
