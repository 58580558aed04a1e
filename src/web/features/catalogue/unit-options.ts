/** The units a citizen can narrow the catalogue to, and the names of units in a procedure. */
import { isUnitInForce, UNIT_LEVEL_LABELS, type Unit, type UnitLevel } from '../../../domain/units/unit.js';
import { normalizeForSearch } from '../../shared/format.js';

export interface UnitOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** Departments of the province (sở, ban, ngành) and communes, in force today, each group by name. */
export const PICKABLE_UNIT_LEVELS: readonly UnitLevel[] = ['department', 'commune'];

const collator = new Intl.Collator('vi');

export function unitOptionGroups(units: readonly Unit[], today: string): UnitOptionGroup[] {
  return PICKABLE_UNIT_LEVELS.map((level) => ({
    group: UNIT_LEVEL_LABELS[level],
    items: units
      .filter((u) => u.level === level && isUnitInForce(u, today))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((u) => ({ value: u.code, label: u.name })),
  })).filter((g) => g.items.length > 0);
}

/** Options whose name or code contains the typed text, ignoring case and diacritics. */
export function filterUnitOptions<T extends { items: { value: string; label: string }[] }>(groups: readonly T[], search: string): T[] {
  const needle = normalizeForSearch(search);
  if (needle === '') return [...groups];
  return groups
    .map((g) => ({ ...g, items: g.items.filter((item) => normalizeForSearch(`${item.label} ${item.value}`).includes(needle)) }))
    .filter((g) => g.items.length > 0);
}

/**
 * Who implements a procedure, in words: the named units, or, for a commune procedure without named units,
 * every commune. Unknown codes are shown as they are.
 */
export function implementingUnitsText(codes: readonly string[], level: 'province' | 'commune', nameOf: (code: string) => string | undefined): string {
  if (codes.length === 0) return level === 'commune' ? 'Ủy ban nhân dân các xã, phường trong tỉnh' : 'Chưa công bố';
  return codes.map((code) => nameOf(code) ?? code).join('; ');
}
