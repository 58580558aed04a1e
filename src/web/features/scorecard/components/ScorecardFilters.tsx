import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { scopeRootOf } from '../../../../domain/access/policy.js';
import { UnitTree, type Unit, type UnitLevel } from '../../../../domain/units/unit.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import { useReportSettings } from '../hooks/useReportSettings.js';
import type { CutoffDay, Period } from '../scorecard-period.js';
import type { ScorecardSelection } from '../scorecard-search.js';
import { PeriodPicker } from './PeriodPicker.js';

/** Units that have a scorecard of their own (reception desks and centres are counted in the unit they serve). */
const SCORED_LEVELS: readonly UnitLevel[] = ['province', 'department', 'commune', 'district'];

interface ScorecardFiltersProps {
  idPrefix: string;
  selection: ScorecardSelection;
  units: readonly Unit[];
  /** The official's unit: only its subtree can be picked. */
  ownUnit: string | null;
  today: string;
  onChange: (selection: ScorecardSelection) => void;
  withCutoff?: boolean;
}

/** The unit (within the official's scope) and the period of a scorecard page. */
export function ScorecardFilters({ idPrefix, selection, units, ownUnit, today, onChange, withCutoff }: ScorecardFiltersProps) {
  const inScope = useMemo(() => {
    if (!ownUnit) return [];
    const tree = new UnitTree(units);
    const root = scopeRootOf(ownUnit, tree);
    return units.filter((u) => tree.isWithin(u.code, root));
  }, [units, ownUnit]);
  const settings = useReportSettings();

  return (
    <Paper withBorder p="md" component="form" role="search" aria-label="Chọn đơn vị và kỳ báo cáo" onSubmit={(e) => e.preventDefault()}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <UnitSelect
            id={`${idPrefix}-don-vi`}
            label="Đơn vị"
            units={inScope}
            levels={SCORED_LEVELS}
            value={selection.unit}
            onChange={(unit) => unit && onChange({ ...selection, unit })}
          />
        </SimpleGrid>
        <PeriodPicker
          idPrefix={idPrefix}
          period={selection.period}
          cutoffDay={selection.cutoffDay}
          provinceCutoffDay={settings?.reportCutoffDay ?? null}
          today={today}
          withCutoff={withCutoff}
          onChange={(period: Period, cutoffDay: CutoffDay | null) => onChange({ ...selection, period, cutoffDay })}
        />
      </Stack>
    </Paper>
  );
}
