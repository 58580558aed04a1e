import { Button, NativeSelect, Select, SimpleGrid, type ComboboxParsedItemGroup } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  LEVEL_LABELS,
  ONLINE_LEVEL_LABELS,
  ONLINE_LEVELS,
  PROCEDURE_LEVELS,
  type OnlineLevel,
  type ProcedureLevel,
} from '../../../../domain/catalogue/procedure.js';
import type { Unit } from '../../../../domain/units/unit.js';
import { normalizeForSearch, todayInVietnam } from '../../../shared/format.js';
import type { ProcedureField } from '../api/catalogue-api.js';
import { hasFilters, type CatalogueSearchState, type SearchChange } from '../search-state.js';
import { filterUnitOptions, unitOptionGroups } from '../unit-options.js';

interface CatalogueFiltersProps {
  state: CatalogueSearchState;
  fields: readonly ProcedureField[] | undefined;
  units: readonly Unit[] | undefined;
  onChange: (change: SearchChange) => void;
  onClear: () => void;
}

const collator = new Intl.Collator('vi');
const ANY = '';

/** Field, level, implementing unit and online level; each change searches at once. */
export function CatalogueFilters({ state, fields, units, onChange, onClear }: CatalogueFiltersProps) {
  const [today] = useState(() => todayInVietnam());
  const fieldOptions = useMemo(
    () => [...(fields ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map((f) => ({ value: f.code, label: f.name })),
    [fields],
  );
  const unitGroups = useMemo(() => {
    const groups = unitOptionGroups(units ?? [], today);
    // A shared link may name a unit that is not offered (e.g. a service centre): keep it selectable.
    const offered = groups.some((g) => g.items.some((i) => i.value === state.unit));
    if (state.unit && !offered) {
      const name = units?.find((u) => u.code === state.unit)?.name ?? state.unit;
      groups.push({ group: 'Đơn vị khác', items: [{ value: state.unit, label: name }] });
    }
    return groups;
  }, [units, today, state.unit]);

  return (
    <fieldset className="catalogue-filters">
      <legend>Lọc kết quả</legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Select
          id="loc-linh-vuc"
          label="Lĩnh vực"
          placeholder="Tất cả lĩnh vực"
          data={fieldOptions}
          value={state.field}
          onChange={(value) => onChange({ field: value })}
          searchable
          clearable
          nothingFoundMessage="Không có lĩnh vực phù hợp"
          filter={({ options, search }) => {
            const needle = normalizeForSearch(search);
            return options.filter((o) => !('group' in o) && normalizeForSearch(o.label).includes(needle));
          }}
          clearButtonProps={{ 'aria-label': 'Bỏ lọc theo lĩnh vực' }}
          comboboxProps={{ withinPortal: true }}
        />
        <NativeSelect
          id="loc-cap-thuc-hien"
          label="Cấp thực hiện"
          value={state.level ?? ANY}
          onChange={(event) => onChange({ level: (event.currentTarget.value || null) as ProcedureLevel | null })}
          data={[{ value: ANY, label: 'Tất cả các cấp' }, ...PROCEDURE_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }))]}
        />
        <Select
          id="loc-don-vi"
          label="Đơn vị thực hiện"
          description="Sở, ban, ngành hoặc xã, phường"
          placeholder="Tất cả đơn vị"
          data={unitGroups}
          value={state.unit}
          onChange={(value) => onChange({ unit: value })}
          searchable
          clearable
          nothingFoundMessage="Không tìm thấy đơn vị"
          filter={({ options, search }) =>
            filterUnitOptions(
              options.filter((o): o is ComboboxParsedItemGroup => 'group' in o),
              search,
            )
          }
          clearButtonProps={{ 'aria-label': 'Bỏ lọc theo đơn vị' }}
          comboboxProps={{ withinPortal: true }}
        />
        <NativeSelect
          id="loc-muc-do-truc-tuyen"
          label="Mức độ trực tuyến"
          value={state.onlineLevel ?? ANY}
          onChange={(event) => onChange({ onlineLevel: (event.currentTarget.value || null) as OnlineLevel | null })}
          data={[{ value: ANY, label: 'Tất cả' }, ...ONLINE_LEVELS.map((level) => ({ value: level, label: ONLINE_LEVEL_LABELS[level] }))]}
        />
      </SimpleGrid>
      {hasFilters(state) ? (
        <Button variant="subtle" size="sm" mt="sm" px={0} onClick={onClear}>
          Bỏ tất cả bộ lọc
        </Button>
      ) : null}
    </fieldset>
  );
}
