import { Grid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../hooks/useUnits.js';
import { buildUnitForest } from '../unit-forest.js';
import { UnitOfficialsPanel } from './UnitOfficialsPanel.js';
import { UnitTree } from './UnitTree.js';
import { UnitTreeControls } from './UnitTreeControls.js';

export function UnitsPage() {
  usePageTitle('Cây đơn vị');
  const { data, error, loading, reload } = useUnits();
  const [today] = useState(() => todayInVietnam());
  const [filter, setFilter] = useState('');
  const [showHistorical, setShowHistorical] = useState(false);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const isPhone = useMediaQuery('(max-width: 61.99em)') ?? false;

  const units = useMemo(() => data?.units ?? [], [data]);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const forest = useMemo(() => buildUnitForest(units, { today, showHistorical, filter }), [units, today, showHistorical, filter]);
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;

  function changeFilter(value: string) {
    setFilter(value);
    setOverrides(new Map()); // a new filter opens the paths to its own matches
  }

  function toggle(code: string, expanded: boolean) {
    setOverrides((current) => new Map(current).set(code, expanded));
  }

  function select(code: string) {
    setSelectedCode(code);
    if (isPhone) requestAnimationFrame(() => panelRef.current?.scrollIntoView({ block: 'start' }));
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>Cây đơn vị</Title>
        <Text>Cơ quan, đơn vị của tỉnh theo mô hình chính quyền địa phương hai cấp (từ ngày 01/07/2025). Chọn một đơn vị để xem danh sách cán bộ.</Text>
      </Stack>
      {loading ? <LoadingState label="Đang tải cây đơn vị…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được cây đơn vị" onRetry={reload} /> : null}
      {data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <UnitTreeControls filter={filter} onFilterChange={changeFilter} showHistorical={showHistorical} onShowHistoricalChange={setShowHistorical} />
              <UnitTree
                forest={forest}
                filterActive={filter.trim() !== ''}
                overrides={overrides}
                onToggle={toggle}
                selectedCode={selectedCode}
                onSelect={select}
                nameOf={nameOf}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <div ref={panelRef} style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + 1rem)' }}>
              <UnitOfficialsPanel unit={selectedCode ? (byCode.get(selectedCode) ?? null) : null} />
            </div>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
