import { Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  cutoffChoices,
  cutoffLabel,
  PERIOD_KIND_LABELS,
  PERIOD_KINDS,
  changeKind,
  quarterLabel,
  rangeProblem,
  yearChoices,
  type CutoffDay,
  type Period,
  type PeriodKind,
} from '../scorecard-period.js';

interface PeriodPickerProps {
  idPrefix: string;
  period: Period;
  /** Null: the province's own. */
  cutoffDay: CutoffDay | null;
  /** The province's cut-off day (REPORT_CUTOFF_DAY); null while it loads. */
  provinceCutoffDay: CutoffDay | null;
  today: string;
  onChange: (period: Period, cutoffDay: CutoffDay | null) => void;
  /** Offer the cut-off day (ngày chốt số liệu) for named periods. */
  withCutoff?: boolean;
}

const KIND_OPTIONS = PERIOD_KINDS.map((kind) => ({ value: kind, label: PERIOD_KIND_LABELS[kind] }));
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` }));
const QUARTER_OPTIONS = [1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterLabel(q) }));
const HALF_OPTIONS = [
  { value: '1', label: '6 tháng đầu năm' },
  { value: '2', label: '6 tháng cuối năm' },
];

/** Month, quarter, 6 or 9 months, year, or a custom range of days; with the cut-off day when asked. */
export function PeriodPicker({ idPrefix, period, cutoffDay, provinceCutoffDay, today, onChange, withCutoff = false }: PeriodPickerProps) {
  const years = yearChoices(today).map((y) => ({ value: String(y), label: String(y) }));
  const setPeriod = (next: Period) => onChange(next, cutoffDay);
  const problem = period.kind === 'range' && period.from !== '' && period.to !== '' ? rangeProblem(period.from, period.to) : null;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Select
          id={`${idPrefix}-loai-ky`}
          label="Kỳ báo cáo"
          data={KIND_OPTIONS}
          value={period.kind}
          onChange={(kind) => kind && setPeriod(changeKind(period, kind as PeriodKind, today))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {period.kind !== 'range' ? (
          <Select
            id={`${idPrefix}-nam`}
            label="Năm"
            data={years}
            value={String(period.year)}
            onChange={(year) => year && setPeriod({ ...period, year: Number(year) })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {period.kind === 'month' ? (
          <Select
            id={`${idPrefix}-thang`}
            label="Tháng"
            data={MONTH_OPTIONS}
            value={String(period.month)}
            onChange={(month) => month && setPeriod({ ...period, month: Number(month) })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {period.kind === 'quarter' ? (
          <Select
            id={`${idPrefix}-quy`}
            label="Quý"
            data={QUARTER_OPTIONS}
            value={String(period.quarter)}
            onChange={(quarter) => quarter && setPeriod({ ...period, quarter: Number(quarter) })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {period.kind === 'half' ? (
          <Select
            id={`${idPrefix}-nua-nam`}
            label="Nửa năm"
            data={HALF_OPTIONS}
            value={String(period.half)}
            onChange={(half) => half && setPeriod({ ...period, half: half === '1' ? 1 : 2 })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {period.kind === 'range' ? (
          <>
            <TextInput
              id={`${idPrefix}-tu-ngay`}
              type="date"
              label="Từ ngày"
              value={period.from}
              max={today}
              onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
              required
            />
            <TextInput
              id={`${idPrefix}-den-ngay`}
              type="date"
              label="Đến ngày"
              value={period.to}
              onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
              error={problem}
              required
            />
          </>
        ) : null}
      </SimpleGrid>
      {withCutoff && period.kind !== 'range' ? (
        <Radio.Group
          label="Ngày chốt số liệu"
          value={String(cutoffDay ?? provinceCutoffDay ?? 1)}
          onChange={(value) => onChange(period, Number(value) === provinceCutoffDay ? null : Number(value))}
        >
          <Group gap="lg" mt={4}>
            {cutoffChoices(cutoffDay ?? provinceCutoffDay).map((day) => (
              <Radio key={day} value={String(day)} label={day === provinceCutoffDay ? `${cutoffLabel(day)}, theo quy định của tỉnh` : cutoffLabel(day)} />
            ))}
          </Group>
        </Radio.Group>
      ) : null}
    </Stack>
  );
}
