import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DAY_KINDS, type CalendarDay, type DayKind } from '../../../../domain/calendar/holidays.js';
import { saveYearSchedule } from '../api/calendar-api.js';
import { DAY_KIND_LABELS, weekdayOfIsoDate } from '../calendar-format.js';
import { useAction } from '../hooks/useAction.js';
import { SaveErrorsAlert } from './SaveErrorsAlert.js';
import {
  daysFromRows,
  describeScheduleChange,
  hasScheduleErrors,
  newRowKey,
  rowsFromDays,
  scheduleErrorsFromDetails,
  validateSchedule,
  type ScheduleErrors,
  type ScheduleRow,
} from '../schedule-form.js';
import { isIsoDate } from '../time-of-day.js';

interface YearScheduleEditorProps {
  year: number;
  /** Province code for a province's own schedule; null for the national one. */
  province: string | null;
  initialDays: readonly CalendarDay[];
  /** The document currently in force ('' when the defaults apply). */
  initialSource: string;
  /** Said above the rows (e.g. how a province's days combine with the national ones). */
  hint?: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

const KIND_OPTIONS = DAY_KINDS.map((kind) => ({ value: kind, label: DAY_KIND_LABELS[kind] }));
const NO_ERRORS: ScheduleErrors = { rows: new Map(), general: [] };

/** Edit the special days of a year and publish them with the document that announced them. */
export function YearScheduleEditor({ year, province, initialDays, initialSource, hint, onSaved, onCancel }: YearScheduleEditorProps) {
  const [rows, setRows] = useState<ScheduleRow[]>(() => rowsFromDays(initialDays));
  const [source, setSource] = useState(initialSource);
  const [errors, setErrors] = useState<ScheduleErrors>(NO_ERRORS);
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const save = useAction();

  function update(key: string, change: Partial<ScheduleRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function addRow() {
    const key = newRowKey();
    setRows((current) => [...current, { key, date: '', name: '', kind: 'holiday' }]);
    setAddedKey(key);
  }

  function removeRow(key: string) {
    // Row errors are by position: they no longer apply once the rows move.
    setErrors(NO_ERRORS);
    setRows((current) => current.filter((row) => row.key !== key));
  }

  function sortByDate() {
    setErrors(NO_ERRORS);
    setRows((current) => [...current].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999')));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = validateSchedule(rows, source);
    setErrors(local);
    if (hasScheduleErrors(local)) return;
    const outcome = await save.run(() => saveYearSchedule(year, province, { source: source.trim(), days: daysFromRows(rows) }));
    if (outcome === null) return;
    if (outcome.ok) onSaved(describeScheduleChange(`Đã lưu lịch năm ${year} (${outcome.value.days} ngày).`, outcome.value));
    else setErrors(scheduleErrorsFromDetails(outcome.error.details, outcome.error.message));
  }

  const rowCount = rows.length;
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Chỉnh sửa lịch năm ${year}`}>
      <Stack gap="md">
        <TextInput
          id="van-ban-cong-bo"
          label="Văn bản công bố"
          description="Số, ngày của thông báo hoặc công văn công bố lịch nghỉ (ví dụ: Thông báo số 6150/TB-BNV ngày 01/10/2030)"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={errors.source}
          maxLength={300}
          required
        />
        {hint ? <Text size="sm">{hint}</Text> : null}
        {rowCount === 0 ? <Text size="sm">Chưa có ngày nào. Chọn “Thêm ngày” để thêm ngày nghỉ hoặc ngày làm bù.</Text> : null}
        <ol className="schedule-rows" aria-label={`Các ngày của năm ${year}`}>
          {rows.map((row, i) => {
            const rowErrors = errors.rows.get(i) ?? {};
            const weekday = isIsoDate(row.date) ? weekdayOfIsoDate(row.date) : null;
            const base = `ngay-${row.key}`;
            return (
              <li key={row.key} data-testid="schedule-row">
                <div className="schedule-row" role="group" aria-label={`Dòng ${i + 1}`}>
                  <TextInput
                    id={`${base}-date`}
                    type="date"
                    label="Ngày"
                    description={weekday ?? undefined}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    value={row.date}
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                    onChange={(e) => update(row.key, { date: e.currentTarget.value })}
                    error={rowErrors.date}
                    autoFocus={row.key === addedKey}
                    required
                  />
                  <TextInput
                    id={`${base}-name`}
                    label="Tên ngày"
                    value={row.name}
                    onChange={(e) => update(row.key, { name: e.currentTarget.value })}
                    error={rowErrors.name}
                    maxLength={200}
                    required
                  />
                  <NativeSelect
                    id={`${base}-kind`}
                    label="Loại"
                    data={KIND_OPTIONS}
                    value={row.kind}
                    onChange={(e) => update(row.key, { kind: e.currentTarget.value as DayKind })}
                    error={rowErrors.kind}
                  />
                  <div className="schedule-row-remove">
                    <Button variant="subtle" color="govRed" onClick={() => removeRow(row.key)} aria-label={`Xóa dòng ${i + 1}`}>
                      Xóa
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <Group gap="sm">
          <Button variant="outline" onClick={addRow}>
            Thêm ngày
          </Button>
          {rowCount > 1 ? (
            <Button variant="subtle" onClick={sortByDate}>
              Sắp xếp theo ngày
            </Button>
          ) : null}
        </Group>
        <SaveErrorsAlert title="Chưa lưu được lịch" messages={errors.general} />
        {errors.rows.size > 0 || errors.source ? (
          <Text size="sm" c="govRed.8" role="alert">
            Vui lòng sửa các ô được đánh dấu rồi lưu lại.
          </Text>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={save.pending}>
            Lưu lịch năm {year}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.pending}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
