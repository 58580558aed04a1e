import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { DEFAULT_SOURCE, NATIONAL_SCOPE, resetYearSchedule } from '../api/calendar-api.js';
import { forgetCalendarAnswers } from '../api/calendar-cache.js';
import { useAction } from '../hooks/useAction.js';
import { useHolidays } from '../hooks/useHolidays.js';
import { describeScheduleChange } from '../schedule-form.js';
import { ConfirmModal } from './ConfirmModal.js';
import { IcalImportForm } from './IcalImportForm.js';
import { YearDaysView } from './YearDaysView.js';
import { YearScheduleEditor } from './YearScheduleEditor.js';

interface YearSchedulePanelProps {
  year: number;
  /** A province's own schedule; null for the national one. */
  province: { code: string; name: string } | null;
}

type Mode = 'view' | 'edit' | 'import';

/** A year's special days for one scope: where they come from, the list, and the ways to change them. */
export function YearSchedulePanel({ year, province }: YearSchedulePanelProps) {
  const { data, error, loading, reload } = useHolidays(year, province?.code ?? null);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const reset = useAction();

  const scope = data?.scope ?? NATIONAL_SCOPE;
  // What is shown comes from this scope's own published schedule (else: defaults, or the national schedule).
  const ownSchedule = data !== undefined && data.source !== DEFAULT_SOURCE && (province === null ? scope === NATIONAL_SCOPE : scope === province.code);
  const scopeName = province ? province.name : 'toàn quốc';
  const ownDays = useMemo(() => (data && province ? (ownSchedule ? (data.ownDays ?? []) : []) : (data?.days ?? [])), [data, province, ownSchedule]);
  const ownDates = useMemo(() => (province ? new Set(ownDays.map((d) => d.date)) : undefined), [province, ownDays]);

  function changed(message: string) {
    forgetCalendarAnswers();
    setNotice(message);
    setMode('view');
    reload();
  }

  async function confirmReset() {
    const outcome = await reset.run(() => resetYearSchedule(year, province?.code ?? null));
    if (outcome?.ok) {
      setConfirming(false);
      changed(
        describeScheduleChange(province ? `Đã bỏ lịch riêng năm ${year} của ${province.name}.` : `Đã trở về quy tắc mặc định cho năm ${year}.`, outcome.value),
      );
    }
  }

  return (
    <Stack gap="md" data-testid="year-schedule">
      {loading && !data ? <LoadingState label={`Đang tải lịch năm ${year}…`} /> : null}
      {error ? <ErrorState error={error} title={`Không tải được lịch năm ${year}`} onRetry={reload} /> : null}
      {notice ? (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel="Ẩn thông báo" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {data ? (
        <>
          <Stack gap={4}>
            <Text data-testid="year-source">
              <Text span fw={700}>
                Căn cứ:{' '}
              </Text>
              {data.source === DEFAULT_SOURCE ? 'Theo quy tắc mặc định của Bộ luật Lao động' : data.source}
            </Text>
            {province ? (
              <Text size="sm" data-testid="year-scope">
                {scope === province.code
                  ? `${province.name} có lịch riêng cho năm ${year}.`
                  : `${province.name} chưa có lịch riêng cho năm ${year}: đang áp dụng lịch toàn quốc.`}
              </Text>
            ) : null}
          </Stack>
          {mode === 'view' ? (
            <>
              <YearDaysView year={year} days={data.days} ownDates={ownDates} />
              <Group gap="sm">
                <Button onClick={() => setMode('edit')}>Chỉnh sửa</Button>
                <Button variant="outline" onClick={() => setMode('import')}>
                  Nhập từ tệp iCalendar (.ics)
                </Button>
                <Button variant="outline" color="govRed" disabled={!ownSchedule} onClick={() => setConfirming(true)}>
                  Trở về mặc định
                </Button>
              </Group>
              {!ownSchedule ? (
                <Text size="sm">
                  {province
                    ? `Chưa có lịch riêng của ${province.name} cho năm ${year}.`
                    : `Năm ${year} chưa có lịch được công bố; đang áp dụng quy tắc mặc định.`}
                </Text>
              ) : null}
            </>
          ) : null}
          {mode === 'edit' ? (
            <section aria-labelledby="chinh-sua-lich">
              <Title order={3} size="h4" id="chinh-sua-lich" mb="sm">
                Chỉnh sửa lịch năm {year} ({scopeName})
              </Title>
              <YearScheduleEditor
                year={year}
                province={province?.code ?? null}
                initialDays={ownDays}
                initialSource={ownSchedule ? data.source : ''}
                hint={
                  province
                    ? `Chỉ nhập các ngày của ${province.name} khác với lịch toàn quốc: mỗi ngày nhập ở đây thay cho ngày cùng ngày của lịch toàn quốc. Để bỏ một ngày nghỉ của lịch toàn quốc, nhập ngày đó với loại “Làm bù”.`
                    : 'Lịch được công bố thay cho quy tắc mặc định của năm: liệt kê mọi ngày nghỉ lễ, Tết, nghỉ bù và các thứ Bảy làm bù.'
                }
                onSaved={changed}
                onCancel={() => setMode('view')}
              />
            </section>
          ) : null}
          {mode === 'import' ? (
            <section aria-labelledby="nhap-ical">
              <Title order={3} size="h4" id="nhap-ical" mb="sm">
                Nhập lịch năm {year} ({scopeName}) từ tệp iCalendar
              </Title>
              <IcalImportForm year={year} province={province?.code ?? null} onImported={changed} onCancel={() => setMode('view')} />
            </section>
          ) : null}
        </>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title="Trở về mặc định?"
        confirmLabel="Trở về mặc định"
        pending={reset.pending}
        error={reset.error?.message ?? null}
        onConfirm={() => void confirmReset()}
        onClose={() => {
          reset.clearError();
          setConfirming(false);
        }}
      >
        <Text size="sm">
          {province
            ? `Lịch riêng năm ${year} của ${province.name} sẽ bị xóa; tỉnh sẽ áp dụng lịch toàn quốc.`
            : `Lịch đã công bố của năm ${year} sẽ bị xóa; hệ thống sẽ tính theo quy tắc mặc định của Bộ luật Lao động.`}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
