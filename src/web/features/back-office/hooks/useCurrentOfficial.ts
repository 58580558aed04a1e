import type { CurrentUser } from '../../auth/api/auth-api.js';
import { useAuth } from '../../auth/hooks/useAuth.js';

/** The logged-in official; BackOfficeLayout renders its pages only once this is known. */
export function useCurrentOfficial(): CurrentUser {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useCurrentOfficial used outside the back office');
  return state.user;
}
