import { useCallback, useEffect, useState } from 'react';
import { apiGet, isAbortError, toApiError, type ApiError } from '../../../shared/api.js';
import {
  DEFAULT_DRILLDOWN_FILTERS,
  drilldownPath,
  type DrilldownDossier,
  type DrilldownFilters,
  type DrilldownResponse,
  type ShortfallProcedure,
  type ShortfallFeedback,
} from '../api/scorecard-api.js';
import type { PeriodQuery } from '../scorecard-period.js';

export const DRILLDOWN_PAGE_SIZE = 20;

export interface Drilldown {
  /** The first page's answer (indicator, unit, period), once there. */
  head: DrilldownResponse | undefined;
  dossiers: DrilldownDossier[];
  procedures: ShortfallProcedure[];
  /** Indicators 5.2, 5.3: the feedback items that lost the points (one page). */
  feedback: ShortfallFeedback[];
  more: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
  reload: () => void;
}

interface Pages {
  key: string;
  head: DrilldownResponse;
  dossiers: DrilldownDossier[];
  procedures: ShortfallProcedure[];
  more: boolean;
}

/** What costs an indicator points, page after page ("Xem thêm" asks for the next page and appends it). */
export function useDrilldown(query: PeriodQuery | null, indicator: string, filters: DrilldownFilters = DEFAULT_DRILLDOWN_FILTERS): Drilldown {
  const key = query ? drilldownPath(query, indicator, { limit: DRILLDOWN_PAGE_SIZE, offset: 0 }, filters) : null;
  const [version, setVersion] = useState(0);
  const [pages, setPages] = useState<Pages | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: ApiError } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const requestKey = key === null ? null : `${version}|${key}`;

  useEffect(() => {
    if (key === null || requestKey === null) return undefined;
    const controller = new AbortController();
    apiGet<DrilldownResponse>(key, { signal: controller.signal }).then(
      (head) => setPages({ key: requestKey, head, dossiers: head.dossiers, procedures: head.procedures, more: head.more }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setFailure({ key: requestKey, error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, requestKey]);

  const current = pages !== null && pages.key === requestKey ? pages : null;
  const error = failure !== null && failure.key === requestKey ? failure.error : undefined;

  const loadMore = useCallback(() => {
    if (!query || !current || loadingMore) return;
    setLoadingMore(true);
    const offset = current.dossiers.length;
    apiGet<DrilldownResponse>(drilldownPath(query, indicator, { limit: DRILLDOWN_PAGE_SIZE, offset }, filters)).then(
      (page) => {
        setPages((previous) =>
          previous && previous.key === current.key ? { ...previous, dossiers: [...previous.dossiers, ...page.dossiers], more: page.more } : previous,
        );
        setLoadingMore(false);
      },
      (cause: unknown) => {
        setFailure({ key: current.key, error: toApiError(cause) });
        setLoadingMore(false);
      },
    );
  }, [query, indicator, current, loadingMore, filters]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return {
    head: current?.head,
    dossiers: current?.dossiers ?? [],
    procedures: current?.procedures ?? [],
    feedback: current?.head.feedback ?? [],
    more: current?.more ?? false,
    loading: requestKey !== null && current === null && error === undefined,
    loadingMore,
    error,
    loadMore,
    reload,
  };
}
