import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { clearOfficeHours } from '../api/office-hours-api.js';
import { forgetCalendarAnswers } from '../api/calendar-cache.js';
import { useAction } from '../hooks/useAction.js';
import { useOfficeHours } from '../hooks/useOfficeHours.js';
import { describeIntervals } from '../office-hours.js';
import { ConfirmModal } from './ConfirmModal.js';
import { OfficeHoursForm } from './OfficeHoursForm.js';
import { UnitSelect } from './UnitSelect.js';

const HEADING_ID = 'gio-lam-viec-don-vi';

/** Pick a unit, see the office hours in force for it and where they come from, change or inherit them. */
export function OfficeHoursSection({ units }: { units: readonly Unit[] }) {
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const { data, error, loading, reload } = useOfficeHours(unitCode);
  const inherit = useAction();
  const nameOf = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const unitName = unitCode ? nameOf(unitCode) : '';
  const ownSetting = data !== undefined && data.inheritedFrom === data.unitCode;

  function changed(message: string) {
    forgetCalendarAnswers();
    setNotice(message);
    setVersion((v) => v + 1);
    reload();
  }

  async function confirmInherit() {
    if (!unitCode) return;
    const outcome = await inherit.run(() => clearOfficeHours(unitCode));
    if (outcome?.ok) {
      setConfirming(false);
      changed(`${unitName} đã dùng lại giờ làm việc của đơn vị cấp trên.`);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} size="h3" id={HEADING_ID}>
          Giờ làm việc của đơn vị
        </Title>
        <Text size="sm">
          Giờ làm việc dùng để tính thời hạn theo ngày, giờ làm việc. Đơn vị không tự đặt thì dùng giờ của đơn vị cấp trên, hoặc giờ hành chính chung của hệ
          thống.
        </Text>
        <UnitSelect
          id="don-vi-gio-lam-viec"
          label="Đơn vị"
          units={units}
          value={unitCode}
          onChange={(code) => {
            setUnitCode(code);
            setNotice(null);
          }}
          placeholder="Gõ để tìm đơn vị"
        />
        {notice ? (
          <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel="Ẩn thông báo" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
        {unitCode && loading && !data ? <LoadingState label="Đang tải giờ làm việc…" /> : null}
        {error ? <ErrorState error={error} title="Không tải được giờ làm việc" onRetry={reload} /> : null}
        {data ? (
          <Stack gap="md" data-testid="office-hours">
            <dl className="audit-fields">
              <div>
                <dt>Giờ làm việc</dt>
                <dd>{describeIntervals(data.intervals)}</dd>
              </div>
              <div>
                <dt>Giờ chốt tiếp nhận</dt>
                <dd>{data.cutoff ?? 'Không áp dụng'}</dd>
              </div>
              <div>
                <dt>Nguồn</dt>
                <dd data-testid="office-hours-origin">
                  {data.inheritedFrom === null
                    ? 'Giờ hành chính mặc định của hệ thống'
                    : ownSetting
                      ? 'Đơn vị tự đặt'
                      : `Theo giờ làm việc của ${nameOf(data.inheritedFrom)}`}
                </dd>
              </div>
            </dl>
            <OfficeHoursForm key={`${data.unitCode}|${version}`} unitName={unitName} current={data} onSaved={changed} />
            <div>
              <Button variant="outline" color="govRed" disabled={!ownSetting} onClick={() => setConfirming(true)}>
                Dùng giờ của đơn vị cấp trên
              </Button>
              {!ownSetting ? (
                <Text size="sm" mt={4}>
                  Đơn vị đang dùng giờ làm việc chung; lưu giờ riêng ở trên để thay đổi.
                </Text>
              ) : null}
            </div>
          </Stack>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Dùng giờ của đơn vị cấp trên?"
        confirmLabel="Dùng giờ của đơn vị cấp trên"
        pending={inherit.pending}
        error={inherit.error?.message ?? null}
        onConfirm={() => void confirmInherit()}
        onClose={() => {
          inherit.clearError();
          setConfirming(false);
        }}
      >
        <Text size="sm">Giờ làm việc riêng của {unitName} sẽ bị xóa; đơn vị sẽ dùng giờ của đơn vị cấp trên.</Text>
      </ConfirmModal>
    </Paper>
  );
}
