import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { provideOncePath, type DossierProvideOnce } from '../api/provide-once-api.js';

/** What the dossier recorded of "provide once" (e-form, registry lookups, digitization, reuse, intake time). */
export function useProvideOnce(dossierId: string | null): ApiQuery<DossierProvideOnce> {
  return useApiQuery<DossierProvideOnce>(dossierId === null ? null : provideOncePath(dossierId));
}
