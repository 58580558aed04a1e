import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { problemsFromDetails } from '../../../shared/api.js';
import { saveOfficeHours, type OfficeHoursResponse, type OfficeInterval } from '../api/office-hours-api.js';
import { useAction } from '../hooks/useAction.js';
import { SaveErrorsAlert } from './SaveErrorsAlert.js';
import { hasOfficeHoursErrors, officeHoursErrorsFrom, validateOfficeHoursForm, type OfficeHoursFormErrors } from '../office-hours.js';

interface OfficeHoursFormProps {
  unitName: string;
  current: OfficeHoursResponse;
  onSaved: (message: string) => void;
}

interface IntervalRow extends OfficeInterval {
  key: number;
}

const NO_ERRORS: OfficeHoursFormErrors = { intervals: new Map(), general: [] };
let nextKey = 0;
const withKey = (interval: OfficeInterval): IntervalRow => ({ ...interval, key: ++nextKey });

/** The working intervals of a day and the cut-off, set on the unit itself. */
export function OfficeHoursForm({ unitName, current, onSaved }: OfficeHoursFormProps) {
  const [rows, setRows] = useState<IntervalRow[]>(() => current.intervals.map(withKey));
  const [cutoff, setCutoff] = useState(current.cutoff ?? '');
  const [errors, setErrors] = useState<OfficeHoursFormErrors>(NO_ERRORS);
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const save = useAction();

  function update(key: number, change: Partial<OfficeInterval>) {
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function addRow() {
    const row = withKey({ start: '', end: '' });
    setRows((all) => [...all, row]);
    setAddedKey(row.key);
  }

  function removeRow(key: number) {
    setErrors(NO_ERRORS);
    setRows((all) => all.filter((row) => row.key !== key));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const intervals = rows.map(({ start, end }) => ({ start: start.slice(0, 5), end: end.slice(0, 5) }));
    const local = validateOfficeHoursForm(intervals, cutoff);
    setErrors(local);
    if (hasOfficeHoursErrors(local)) return;
    const outcome = await save.run(() => saveOfficeHours(current.unitCode, { intervals, cutoff: cutoff.trim() === '' ? null : cutoff.slice(0, 5) }));
    if (outcome === null) return;
    if (outcome.ok) {
      onSaved(`Đã lưu giờ làm việc của ${unitName}.`);
      return;
    }
    const fromServer = officeHoursErrorsFrom(problemsFromDetails(outcome.error.details));
    setErrors(hasOfficeHoursErrors(fromServer) ? fromServer : { ...NO_ERRORS, general: [outcome.error.message] });
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Giờ làm việc của ${unitName}`}>
      <Stack gap="md">
        <ol className="schedule-rows" aria-label="Các khoảng giờ làm việc trong ngày">
          {rows.map((row, i) => {
            const rowErrors = errors.intervals.get(i) ?? {};
            return (
              <li key={row.key}>
                <div className="schedule-row office-hours-row" role="group" aria-label={`Khoảng giờ ${i + 1}`}>
                  <TextInput
                    id={`gio-bat-dau-${row.key}`}
                    type="time"
                    label="Từ"
                    value={row.start}
                    onChange={(e) => update(row.key, { start: e.currentTarget.value })}
                    error={rowErrors.start}
                    autoFocus={row.key === addedKey}
                    required
                  />
                  <TextInput
                    id={`gio-ket-thuc-${row.key}`}
                    type="time"
                    label="Đến"
                    value={row.end}
                    onChange={(e) => update(row.key, { end: e.currentTarget.value })}
                    error={rowErrors.end}
                    required
                  />
                  <div className="schedule-row-remove">
                    <Button variant="subtle" color="govRed" onClick={() => removeRow(row.key)} aria-label={`Xóa khoảng giờ ${i + 1}`}>
                      Xóa
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        <Group>
          <Button variant="outline" onClick={addRow}>
            Thêm khoảng giờ
          </Button>
        </Group>
        <TextInput
          id="gio-chot-tiep-nhan"
          type="time"
          label="Giờ chốt tiếp nhận"
          description="Hồ sơ tiếp nhận từ giờ này trở đi được tính từ ngày làm việc tiếp theo. Để trống nếu không áp dụng."
          value={cutoff}
          onChange={(e) => setCutoff(e.currentTarget.value)}
          error={errors.cutoff}
          maw={320}
        />
        <SaveErrorsAlert title="Chưa lưu được giờ làm việc" messages={errors.general} />
        <Group>
          <Button type="submit" loading={save.pending}>
            Lưu giờ làm việc
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
