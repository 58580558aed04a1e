import '../catalogue.css';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef } from 'react';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { useCatalogueSearchState } from '../hooks/useCatalogueSearchState.js';
import { useProcedureFields } from '../hooks/useProcedureFields.js';
import { useProcedureSearch } from '../hooks/useProcedureSearch.js';
import { changeSearch, clearFilters, sameSearch, type SearchChange } from '../search-state.js';
import { CatalogueFilters } from './CatalogueFilters.js';
import { CatalogueSearchBox } from './CatalogueSearchBox.js';
import { ProcedureSearchResults } from './ProcedureSearchResults.js';
import { UnitCatalogueLinks } from './UnitCatalogueLinks.js';

/**
 * /thu-tuc: the public catalogue. The address bar holds the search (?q=… and the filters), so links can be
 * shared and Back returns to the previous search; typing searches after a pause.
 */
export function ProcedureSearchPage() {
  const { state, update } = useCatalogueSearchState();
  usePageTitle(state.q ? `Tìm thủ tục: ${state.q}` : 'Tìm thủ tục hành chính');
  const search = useProcedureSearch(state);
  const { data: fieldData } = useProcedureFields();
  const { data: unitData } = useUnits();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // While one burst of typing goes on, its searches replace each other in the history instead of piling up:
  // the query a typing pause last wrote, as long as the address bar still shows it.
  const typedQuery = useRef<string | null>(null);

  const apply = useCallback(
    (change: SearchChange) => {
      typedQuery.current = null;
      update((current) => changeSearch(current, change));
    },
    [update],
  );

  const handleSearch = useCallback(
    (query: string, how: { typing: boolean }) => {
      const next = changeSearch(state, { q: query });
      // Enter after the typed search already ran, or a pause that changed nothing: no new history entry.
      if (sameSearch(state, next)) return;
      update(next, { replace: how.typing && typedQuery.current === state.q });
      typedQuery.current = how.typing ? next.q : null;
    },
    [state, update],
  );

  const handleClearFilters = useCallback(() => {
    typedQuery.current = null;
    update((current) => clearFilters(current));
  }, [update]);

  const focusResults = useCallback(() => {
    typedQuery.current = null;
    resultsHeading.current?.focus();
  }, []);

  const unit = state.unit ? { code: state.unit, name: unitData?.units.find((u) => u.code === state.unit)?.name ?? state.unit } : null;
  const field = state.field ? { code: state.field, name: fieldData?.fields.find((f) => f.code === state.field)?.name ?? state.field } : null;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>Tìm thủ tục hành chính</Title>
        <Text>Danh mục thủ tục hành chính đang có hiệu lực của tỉnh: hồ sơ cần chuẩn bị, thời hạn giải quyết, phí, lệ phí và nơi nộp hồ sơ.</Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="lg">
          <CatalogueSearchBox query={state.q} onSearch={handleSearch} />
          <CatalogueFilters state={state} fields={fieldData?.fields} units={unitData?.units} onChange={apply} onClear={handleClearFilters} />
        </Stack>
      </Paper>
      <UnitCatalogueLinks unit={unit} field={field} />
      <Stack gap="sm" component="section" aria-labelledby="ket-qua-tim-kiem">
        <Title order={2} id="ket-qua-tim-kiem" ref={resultsHeading} tabIndex={-1}>
          Kết quả tìm kiếm
        </Title>
        <ProcedureSearchResults state={state} search={search} onClearFilters={handleClearFilters} onPageLink={focusResults} />
      </Stack>
    </Stack>
  );
}
