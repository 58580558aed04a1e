import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatNumber } from '../catalogue-format.js';
import type { ProcedureSearch } from '../hooks/useProcedureSearch.js';
import { hasFilters, PAGE_SIZE, toSearchString, type CatalogueSearchState } from '../search-state.js';
import { NoResults } from './NoResults.js';
import { ProcedureResultItem } from './ProcedureResultItem.js';
import { ResultsPagination } from './ResultsPagination.js';

interface ProcedureSearchResultsProps {
  state: CatalogueSearchState;
  search: ProcedureSearch;
  onClearFilters: () => void;
  onPageLink: () => void;
}

/** The count (announced to screen readers), the results, or why there are none. */
export function ProcedureSearchResults({ state, search, onClearFilters, onPageLink }: ProcedureSearchResultsProps) {
  const { data, stale, loading, error, reload } = search;
  const fromSearch = toSearchString(state);
  const first = data ? (data.page - 1) * data.pageSize + 1 : 0;

  let status = '';
  if (error) status = 'Không tải được kết quả tìm kiếm.';
  else if (!data || stale) status = 'Đang tìm thủ tục…';
  else if (data.total === 0) status = 'Không tìm thấy thủ tục phù hợp.';
  else status = `Tìm thấy ${formatNumber(data.total)} thủ tục`;
  const settled = error ? 'error' : !data || stale ? 'loading' : 'done';

  return (
    <Stack gap="md">
      {/* data-search tells tests (and scripts) which search the shown results answer. */}
      <Text role="status" fw={600} data-testid="result-count" data-state={settled} data-search={fromSearch}>
        {status}
        {data && !stale && data.items.length > 0 && data.total > PAGE_SIZE ? (
          <Text component="span" fw={400}>
            {` (từ ${formatNumber(first)} đến ${formatNumber(first + data.items.length - 1)})`}
          </Text>
        ) : null}
      </Text>
      {error ? <ErrorState error={error} title="Không tải được kết quả tìm kiếm" onRetry={reload} /> : null}
      {!data && loading && !error ? <LoadingState label="Đang tìm thủ tục…" /> : null}
      {data && data.total === 0 && !stale ? <NoResults query={state.q} filtered={hasFilters(state)} onClearFilters={onClearFilters} /> : null}
      {data && data.total > 0 && data.items.length === 0 && !stale ? (
        <Text>
          Trang {state.page} không có kết quả.{' '}
          <Anchor component={Link} to={toSearchString({ ...state, page: 1 })}>
            Về trang đầu
          </Anchor>
        </Text>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="catalogue-results" aria-busy={stale} aria-label="Danh sách thủ tục">
          {data.items.map((procedure) => (
            <li key={procedure.code}>
              <ProcedureResultItem procedure={procedure} fromSearch={fromSearch} />
            </li>
          ))}
        </ul>
      ) : null}
      {data ? <ResultsPagination state={state} total={data.total} onNavigate={onPageLink} /> : null}
    </Stack>
  );
}
