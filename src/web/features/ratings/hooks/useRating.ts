import { useCallback, useState } from 'react';
import { toApiError, type ApiError } from '../../../shared/api.js';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { rateDossier, ratingPath, type DossierRating, type DossierRatingState } from '../api/ratings-api.js';
import type { RatingBody } from '../rating-form.js';

/** The dossier's rating and whether the caller may rate it; null skips the request. */
export function useDossierRating(dossierId: string | null): ApiQuery<DossierRatingState> {
  return useApiQuery<DossierRatingState>(dossierId === null ? null : ratingPath(dossierId));
}

export interface RateState {
  submit: (body: RatingBody) => Promise<DossierRating | null>;
  pending: boolean;
  error: ApiError | null;
}

/** Sends the rating once at a time; resolves with the saved rating, or null (see `error`). */
export function useRateDossier(dossierId: string): RateState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = useCallback(
    async (body: RatingBody) => {
      setPending(true);
      setError(null);
      try {
        return await rateDossier(dossierId, body);
      } catch (cause) {
        setError(toApiError(cause));
        return null;
      } finally {
        setPending(false);
      }
    },
    [dossierId],
  );
  return { submit, pending, error };
}
