import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { UNIT_LEVEL_LABELS, UNIT_LEVELS, isUnitInForce, type Unit, type UnitLevel } from '../../../../domain/units/unit.js';
import { normalizeForSearch, todayInVietnam } from '../../../shared/format.js';

interface UnitSelectProps {
  id: string;
  label: string;
  description?: string;
  units: readonly Unit[];
  value: string | null;
  onChange: (code: string | null) => void;
  /** Levels offered (default: every level); units no longer in force are never offered. */
  levels?: readonly UnitLevel[];
  clearable?: boolean;
  placeholder?: string;
  disabled?: boolean;
}

/** A searchable unit picker (search ignores diacritics), grouped by level, units in force only. */
export function UnitSelect({ id, label, description, units, value, onChange, levels, clearable = false, placeholder, disabled }: UnitSelectProps) {
  const [today] = useState(() => todayInVietnam());
  const data = useMemo(() => {
    const offered = units.filter((u) => isUnitInForce(u, today) && (levels === undefined || levels.includes(u.level)));
    return UNIT_LEVELS.map((level) => ({
      group: UNIT_LEVEL_LABELS[level],
      items: offered
        .filter((u) => u.level === level)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((u) => ({ value: u.code, label: u.name })),
    })).filter((g) => g.items.length > 0);
  }, [units, levels, today]);

  return (
    <Select
      id={id}
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(code) => onChange(code)}
      searchable
      clearable={clearable}
      allowDeselect={clearable}
      placeholder={placeholder}
      disabled={disabled}
      nothingFoundMessage="Không tìm thấy đơn vị"
      filter={({ options, search }) => {
        const needle = normalizeForSearch(search);
        if (needle === '') return options;
        return options
          .map((entry) =>
            'group' in entry ? { ...entry, items: entry.items.filter((item) => normalizeForSearch(`${item.label} ${item.value}`).includes(needle)) } : entry,
          )
          .filter((entry) => !('group' in entry) || entry.items.length > 0);
      }}
      clearButtonProps={{ 'aria-label': 'Bỏ chọn đơn vị' }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
