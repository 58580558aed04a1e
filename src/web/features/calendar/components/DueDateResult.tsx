import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { utcMsFromLocalMinutes } from '../../../../domain/calendar/working-time.js';
import type { Unit } from '../../../../domain/units/unit.js';
import { DEFAULT_SOURCE, NATIONAL_SCOPE } from '../api/calendar-api.js';
import { formatDuration, formatLocalDateTime } from '../calendar-format.js';
import { DURATION_UNIT_LABELS } from '../due-calculation.js';
import type { DueOutcome } from '../hooks/useDueCalculator.js';
import { describeIntervals } from '../office-hours.js';
import { vietnamIso } from '../../../../domain/calendar/vietnam-time.js';

const RESULT_HEADING_ID = 'ket-qua-ngay-hen';

/** ISO 8601 in Vietnam time, for <time dateTime>. */
function localIso(local: number): string {
  return vietnamIso(utcMsFromLocalMinutes(local)).replace(/:00\+07:00$/, '+07:00');
}

function scheduleLabel(source: string, scope: string | undefined, nameOf: (code: string) => string): string {
  const base = source === DEFAULT_SOURCE ? 'Theo quy tắc mặc định của Bộ luật Lao động' : source;
  return scope && scope !== NATIONAL_SCOPE ? `${base} (lịch riêng của ${nameOf(scope)})` : base;
}

/** The due date, the rules it was counted with, and the reasons step by step. */
export function DueDateResult({ outcome, units }: { outcome: DueOutcome; units: readonly Unit[] | undefined }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameOf = (code: string) => units?.find((u) => u.code === code)?.name ?? code;
  const { request, result, hours } = outcome;

  // Take keyboard and screen-reader users to the answer they asked for.
  useEffect(() => {
    headingRef.current?.focus();
  }, [outcome]);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={RESULT_HEADING_ID} data-testid="due-result">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} id={RESULT_HEADING_ID} ref={headingRef} tabIndex={-1}>
            Ngày hẹn trả kết quả
          </Title>
          <Text size="xl" fw={700} data-testid="due-date">
            <time dateTime={localIso(result.dueAtLocal)}>{formatLocalDateTime(result.dueAtLocal)}</time>
          </Text>
          <Text size="sm">
            Tiếp nhận {formatLocalDateTime(request.startLocal)}, thời hạn {request.amount} {DURATION_UNIT_LABELS[request.unit].toLowerCase()}
            {request.unitCode ? `, cơ quan giải quyết: ${nameOf(request.unitCode)}` : ''}.
          </Text>
        </Stack>
        {outcome.hoursNote ? (
          <Alert color="govBlue" variant="light" title="Lưu ý">
            {outcome.hoursNote}
          </Alert>
        ) : null}
        <dl className="audit-fields">
          <div>
            <dt>Giờ làm việc</dt>
            <dd>{describeIntervals(hours.intervals)}</dd>
          </div>
          <div>
            <dt>Giờ chốt tiếp nhận</dt>
            <dd>{hours.cutoff ? `${hours.cutoff} (tiếp nhận sau giờ này tính từ ngày làm việc tiếp theo)` : 'Không áp dụng'}</dd>
          </div>
          {outcome.schedules.map((s) => (
            <div key={s.year}>
              <dt>Lịch nghỉ năm {s.year}</dt>
              <dd>{scheduleLabel(s.source, s.scope, nameOf)}</dd>
            </div>
          ))}
        </dl>
        <Stack gap="xs" component="section" aria-labelledby="vi-sao-ngay-nay">
          <Title order={3} size="h4" id="vi-sao-ngay-nay">
            Vì sao là ngày này?
          </Title>
          <List type="ordered" spacing={4} data-testid="due-explanation">
            {result.explanation.map((step, i) => (
              <List.Item key={`${i}-${step.kind}`}>{step.text}</List.Item>
            ))}
          </List>
          {request.unit === 'working_days' || request.unit === 'working_hours' ? (
            <Text size="sm">
              Thời hạn được tính trong giờ làm việc: một ngày làm việc là {formatDuration(outcome.minutesPerDay)}; thứ Bảy, Chủ nhật và các ngày nghỉ lễ, Tết,
              nghỉ bù không được tính, ngày làm bù được tính.
            </Text>
          ) : (
            <Text size="sm">Thời hạn được tính theo lịch; nếu ngày hẹn rơi vào ngày nghỉ thì chuyển sang ngày làm việc tiếp theo, giữ nguyên giờ.</Text>
          )}
        </Stack>
        <Text size="sm" c="dimmed">
          Kết quả chỉ để tham khảo. Ngày hẹn trả chính thức được ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
        </Text>
      </Stack>
    </Paper>
  );
}
