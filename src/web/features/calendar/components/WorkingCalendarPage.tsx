import { Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { isUnitInForce } from '../../../../domain/units/unit.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { YEAR_MAX, YEAR_MIN } from '../api/calendar-api.js';
import { currentYearInVietnam } from '../calendar-format.js';
import { isCalendarYear } from '../hooks/useHolidays.js';
import { OfficeHoursSection } from './OfficeHoursSection.js';
import { YearSchedulePanel } from './YearSchedulePanel.js';

const NATIONAL = '';
const SCHEDULE_HEADING_ID = 'lich-nghi-trong-nam';

/** Back office (administrators): the yearly schedules of days off and make-up days, and units' office hours. */
export function WorkingCalendarPage() {
  usePageTitle('Lịch làm việc');
  const [yearInput, setYearInput] = useState<number | string>(() => currentYearInVietnam());
  const [scope, setScope] = useState(NATIONAL);
  // Said once the field is left, not at every keystroke of a year being typed.
  const [yearLeft, setYearLeft] = useState(false);
  const { data: unitData, error: unitsError, loading: unitsLoading, reload: reloadUnits } = useUnits();

  const units = useMemo(() => unitData?.units ?? [], [unitData]);
  const provinces = useMemo(() => {
    const today = todayInVietnam();
    return units.filter((u) => u.level === 'province' && isUnitInForce(u, today)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [units]);
  const year = typeof yearInput === 'number' && isCalendarYear(yearInput) ? yearInput : null;
  const province = scope === NATIONAL ? null : (provinces.find((p) => p.code === scope) ?? null);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Lịch làm việc</Title>
        <Text>
          Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù theo lịch Nhà nước công bố hằng năm, và giờ làm việc của các đơn vị. Hệ thống dùng các thông tin này để tính
          ngày hẹn trả kết quả.
        </Text>
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby={SCHEDULE_HEADING_ID}>
        <Stack gap="md">
          <Title order={2} size="h3" id={SCHEDULE_HEADING_ID}>
            Ngày nghỉ lễ, nghỉ bù và làm bù
          </Title>
          <Group gap="md" align="flex-start">
            <NumberInput
              id="nam-lich"
              label="Năm"
              value={yearInput}
              onChange={(value) => {
                setYearInput(value);
                setYearLeft(false);
              }}
              onBlur={() => setYearLeft(true)}
              min={YEAR_MIN}
              max={YEAR_MAX}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              clampBehavior="none"
              error={year === null && yearLeft ? `Nhập năm từ ${YEAR_MIN} đến ${YEAR_MAX}.` : undefined}
              w={{ base: '100%', xs: 160 }}
            />
            <NativeSelect
              id="pham-vi-lich"
              label="Phạm vi"
              value={scope}
              onChange={(e) => setScope(e.currentTarget.value)}
              data={[{ value: NATIONAL, label: 'Toàn quốc' }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
              description={unitsError ? `Không tải được danh sách tỉnh: ${unitsError.message}` : undefined}
              w={{ base: '100%', xs: 320 }}
            />
          </Group>
          {year !== null ? (
            <YearSchedulePanel key={`${year}|${scope}`} year={year} province={province ? { code: province.code, name: province.name } : null} />
          ) : null}
        </Stack>
      </Paper>
      {unitsLoading ? <LoadingState label="Đang tải danh sách đơn vị…" /> : null}
      {unitsError ? <ErrorState error={unitsError} title="Không tải được danh sách đơn vị" onRetry={reloadUnits} /> : null}
      {unitData ? <OfficeHoursSection units={units} /> : null}
    </Stack>
  );
}
