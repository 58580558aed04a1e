import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../../shared/format.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { periodQuery, type PeriodQuery } from '../scorecard-period.js';
import { readSelection, selectionSearch, type ScorecardSelection } from '../scorecard-search.js';

export interface SelectionState {
  selection: ScorecardSelection;
  /** What to ask the server; null while a custom range is incomplete or wrong. */
  query: PeriodQuery | null;
  today: string;
  /** Parameters of the address the page keeps besides the selection (e.g. the report's grouping). */
  params: URLSearchParams;
  select: (next: ScorecardSelection, extra?: Record<string, string>) => void;
}

/**
 * The unit and period from the address; without them the official's own unit (the province for the
 * provincial monitor) and the current year.
 */
export function useScorecardSelection(): SelectionState {
  const user = useCurrentOfficial();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => todayInVietnam());
  const selection = useMemo(() => readSelection(params, { unit: user.unitCode ?? '', today }), [params, user.unitCode, today]);
  const query = useMemo(() => (selection.unit === '' ? null : periodQuery(selection.unit, selection.period, selection.cutoffDay)), [selection]);
  const select = useCallback(
    (next: ScorecardSelection, extra: Record<string, string> = {}) => setParams(new URLSearchParams(selectionSearch(next, extra)), { replace: true }),
    [setParams],
  );
  return { selection, query, today, params, select };
}
