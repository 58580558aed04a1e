/** Satisfaction ratings of a returned dossier (src/http/routes/dossier-ratings.ts). */
import { apiPost } from '../../../shared/api.js';
import type { RatingBody, RatingScores } from '../rating-form.js';

export interface DossierRating {
  dossierId: string;
  unitCode: string;
  stepUnitCodes: string[];
  scores: RatingScores;
  comment: string | null;
  /** online: the citizen in their account; kiosk: entered at the desk. */
  via: 'online' | 'kiosk';
  ratedAt: string;
}

export interface DossierRatingState {
  rating: DossierRating | null;
  canRate: boolean;
}

export function ratingPath(dossierId: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(dossierId)}/rating`;
}

/** POST the rating (201), with the CSRF token; 409 when already rated or not yet returned. */
export function rateDossier(dossierId: string, body: RatingBody): Promise<DossierRating> {
  return apiPost<DossierRating>(ratingPath(dossierId), { body });
}
