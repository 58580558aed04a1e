/** Satisfaction ratings of a returned dossier (src/http/routes/dossier-ratings.ts); shapes from src/contract/rating.ts. */
import type { DossierRating, DossierRatingState, RateDossierBody } from '../../../../contract/rating.js';
import { apiPost } from '../../../shared/api.js';

export type { DossierRating, DossierRatingState };

export function ratingPath(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/rating`;
}

/** POST the rating (201), with the CSRF token; 409 when already rated or not yet returned. */
export function rateDossier(dossierId: string, body: RateDossierBody): Promise<DossierRating> {
  return apiPost<DossierRating>(ratingPath(dossierId), { body });
}
