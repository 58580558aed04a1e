import { Alert, Button, FileInput, Group, List, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { importYearIcal } from '../api/calendar-api.js';
import { useAction } from '../hooks/useAction.js';
import { describeScheduleChange, scheduleErrorsFromDetails } from '../schedule-form.js';

interface IcalImportFormProps {
  year: number;
  province: string | null;
  onImported: (message: string) => void;
  onCancel: () => void;
}

const MAX_FILE_BYTES = 1_000_000;

/**
 * Publish a year's schedule from an iCalendar file: every all-day event is a day off, events marked
 * as make-up working days ("làm bù") are working days. The file is read here and sent as text/calendar.
 */
export function IcalImportForm({ year, province, onImported, onCancel }: IcalImportFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; source?: string }>({});
  const [messages, setMessages] = useState<string[]>([]);
  const upload = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: { file?: string; source?: string } = {};
    if (!file) next.file = 'Chọn tệp iCalendar (.ics).';
    else if (file.size > MAX_FILE_BYTES) next.file = 'Tệp quá lớn (tối đa 1 MB).';
    if (source.trim() === '') next.source = 'Nhập tên văn bản công bố lịch nghỉ.';
    setFieldErrors(next);
    setMessages([]);
    if (!file || Object.keys(next).length > 0) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFieldErrors({ file: 'Không đọc được tệp. Vui lòng chọn lại.' });
      return;
    }
    const outcome = await upload.run(() => importYearIcal(year, province, source.trim(), text));
    if (outcome === null) return;
    if (outcome.ok) {
      onImported(describeScheduleChange(`Đã nhập lịch năm ${year} từ tệp ${file.name} (${outcome.value.days} ngày).`, outcome.value));
      return;
    }
    const errors = scheduleErrorsFromDetails(outcome.error.details, outcome.error.message);
    if (errors.source) setFieldErrors({ source: errors.source });
    const rowMessages = [...errors.rows.values()].flatMap((r) => Object.values(r));
    setMessages([...errors.general, ...rowMessages]);
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Nhập lịch năm ${year} từ tệp iCalendar`}>
      <Stack gap="md">
        <FileInput
          id="tep-ical"
          label="Tệp iCalendar (.ics)"
          description="Mỗi sự kiện cả ngày là một ngày nghỉ; sự kiện có chữ “làm bù” là ngày làm bù. Lịch hiện có của năm sẽ được thay thế."
          accept=".ics,text/calendar"
          value={file}
          onChange={setFile}
          placeholder="Chọn tệp…"
          clearable
          clearButtonProps={{ 'aria-label': 'Bỏ chọn tệp' }}
          error={fieldErrors.file}
          required
        />
        <TextInput
          id="van-ban-cong-bo-ical"
          label="Văn bản công bố"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          error={fieldErrors.source}
          maxLength={300}
          required
        />
        {messages.length > 0 ? (
          <Alert color="govRed" variant="light" title="Chưa nhập được lịch" role="alert">
            <List size="sm" spacing={2}>
              {messages.map((message, i) => (
                <List.Item key={`${i}-${message}`}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={upload.pending}>
            Nhập lịch
          </Button>
          <Button variant="default" onClick={onCancel} disabled={upload.pending}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
