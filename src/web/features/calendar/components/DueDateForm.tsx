import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DURATION_UNITS, type DurationUnit } from '../../../../domain/calendar/working-time.js';
import type { Unit } from '../../../../domain/units/unit.js';
import { weekdayOfIsoDate } from '../calendar-format.js';
import { DURATION_UNIT_LABELS, MAX_AMOUNT } from '../due-calculation.js';
import type { DueRequest } from '../hooks/useDueCalculator.js';
import { isIsoDate, localMinutesFrom, nowInVietnam, parseTimeOfDay } from '../time-of-day.js';
import { UnitSelect } from './UnitSelect.js';

interface DueDateFormProps {
  units: readonly Unit[] | undefined;
  /** Shown under the agency picker when the unit list could not be loaded. */
  unitsError: string | null;
  pending: boolean;
  onSubmit: (request: DueRequest) => void;
}

interface FieldErrors {
  date?: string;
  time?: string;
  amount?: string;
}

const UNIT_OPTIONS = DURATION_UNITS.map((unit) => ({ value: unit, label: DURATION_UNIT_LABELS[unit] }));

/** Acceptance date and time (Vietnam), the time limit and, optionally, the agency. */
export function DueDateForm({ units, unitsError, pending, onSubmit }: DueDateFormProps) {
  const [initial] = useState(() => nowInVietnam());
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [amount, setAmount] = useState<number | string>(1);
  const [unit, setUnit] = useState<DurationUnit>('working_days');
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!isIsoDate(date)) next.date = date === '' ? 'Chọn ngày tiếp nhận.' : 'Ngày tiếp nhận không hợp lệ.';
    if (parseTimeOfDay(time) === null) next.time = time === '' ? 'Nhập giờ tiếp nhận.' : 'Giờ tiếp nhận không hợp lệ (HH:mm).';
    const n = typeof amount === 'number' ? amount : Number.NaN;
    if (!Number.isInteger(n) || n < 0) next.amount = 'Nhập thời hạn là một số nguyên không âm.';
    else if (n > MAX_AMOUNT[unit]) next.amount = `Thời hạn tối đa là ${MAX_AMOUNT[unit]} ${DURATION_UNIT_LABELS[unit].toLowerCase()}.`;
    setErrors(next);
    const startLocal = localMinutesFrom(date, time);
    if (Object.keys(next).length > 0 || startLocal === null) return;
    onSubmit({ startLocal, amount: n, unit, unitCode });
  }

  const weekday = isIsoDate(date) ? weekdayOfIsoDate(date) : null;

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Tính ngày hẹn trả">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id="ngay-tiep-nhan"
            type="date"
            label="Ngày tiếp nhận"
            description={weekday ?? undefined}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
            required
          />
          <TextInput
            id="gio-tiep-nhan"
            type="time"
            label="Giờ tiếp nhận"
            description="Theo giờ Việt Nam"
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={errors.time}
            required
          />
          <NumberInput
            id="thoi-han"
            label="Thời hạn giải quyết"
            value={amount}
            onChange={setAmount}
            min={0}
            max={MAX_AMOUNT[unit]}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={errors.amount}
            required
          />
          <NativeSelect
            id="don-vi-thoi-han"
            label="Tính theo"
            data={UNIT_OPTIONS}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value as DurationUnit)}
          />
        </SimpleGrid>
        <UnitSelect
          id="co-quan-giai-quyet"
          label="Cơ quan giải quyết (không bắt buộc)"
          description={unitsError ?? 'Chọn để tính theo giờ làm việc của cơ quan và lịch nghỉ của tỉnh; để trống để tính theo giờ hành chính chung.'}
          units={units ?? []}
          value={unitCode}
          onChange={setUnitCode}
          levels={['province', 'department', 'commune', 'service_center', 'one_stop_desk']}
          clearable
          placeholder={units ? 'Gõ để tìm cơ quan' : 'Đang tải danh sách cơ quan…'}
          disabled={!units}
        />
        <Group>
          <Button type="submit" size="md" loading={pending}>
            Tính ngày hẹn trả
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
