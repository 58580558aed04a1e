import { Group, Stack, Text, Title } from '@mantine/core';
import type { Dossier } from '../api/dossiers-api.js';
import { channelLabel, formatAppointment, formatDeadline } from '../dossier-format.js';
import { StatusBadge, TimelinessBadge } from './ToneBadge.js';
import { UrgencyBadges } from './UrgencyBadges.js';

function When({ iso, long = false }: { iso: string; long?: boolean }) {
  return <time dateTime={iso}>{long ? formatAppointment(iso) : formatDeadline(iso)}</time>;
}

/** Code, procedure, status and the dates that matter: accepted, due (hạn giải quyết), appointment. */
export function DossierSummary({ dossier, now }: { dossier: Dossier; now: Date }) {
  const openVisit = dossier.steps.at(-1);
  const stepDueAt = dossier.currentStep && openVisit && openVisit.handedOverAt === null ? openVisit.dueAt : null;
  const rescheduled = dossier.extensions > 0 && dossier.appointmentAt !== null && dossier.appointmentAt !== dossier.dueAt;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={1} className="break-anywhere">
          Hồ sơ <span className="mono">{dossier.code}</span>
        </Title>
        <Text>
          {dossier.procedureName} <span className="mono">({dossier.procedureCode})</span>
        </Text>
        <Group gap="xs" data-testid="dossier-status">
          <StatusBadge status={dossier.status} label={dossier.statusLabel} size="lg" />
          {dossier.timeliness && dossier.timelinessLabel ? <TimelinessBadge timeliness={dossier.timeliness} label={dossier.timelinessLabel} /> : null}
        </Group>
        <UrgencyBadges status={dossier.status} dueAt={dossier.dueAt} stepDueAt={stepDueAt} timeliness={dossier.timeliness} now={now} />
      </Stack>
      <dl className="dos-fields dos-fields-wide" data-testid="dossier-dates">
        {dossier.appointmentAt ? (
          <div>
            <dt>{rescheduled ? 'Ngày hẹn trả mới' : 'Ngày hẹn trả'}</dt>
            <dd data-testid="appointment">
              <strong>
                <When iso={dossier.appointmentAt} long />
              </strong>
              {rescheduled ? ' (đã xin lỗi và hẹn lại)' : ''}
            </dd>
          </div>
        ) : null}
        {dossier.dueAt ? (
          <div>
            <dt>Hạn giải quyết</dt>
            <dd data-testid="due">
              <When iso={dossier.dueAt} long />
              {rescheduled ? ' (dùng để đánh giá đúng hạn, không đổi khi hẹn lại)' : ''}
            </dd>
          </div>
        ) : null}
        {dossier.acceptedAt ? (
          <div>
            <dt>Tiếp nhận</dt>
            <dd>
              <When iso={dossier.acceptedAt} />
            </dd>
          </div>
        ) : (
          <div>
            <dt>Nộp</dt>
            <dd>
              <When iso={dossier.submittedAt} />
            </dd>
          </div>
        )}
        <div>
          <dt>Bước hiện tại</dt>
          <dd>{dossier.currentStep ? `${dossier.currentStep.name} (${dossier.currentStep.unitName})` : '—'}</dd>
        </div>
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd>{dossier.unitName}</dd>
        </div>
        <div>
          <dt>Cách thức nộp</dt>
          <dd>{channelLabel(dossier.channel)}</dd>
        </div>
        {dossier.finishedAt ? (
          <div>
            <dt>Có kết quả</dt>
            <dd>
              <When iso={dossier.finishedAt} />
            </dd>
          </div>
        ) : null}
        {dossier.returnedAt ? (
          <div>
            <dt>Đã trả kết quả</dt>
            <dd>
              <When iso={dossier.returnedAt} />
            </dd>
          </div>
        ) : null}
        {dossier.repeatedSupplement ? (
          <div>
            <dt>Lưu ý</dt>
            <dd>Hồ sơ bị yêu cầu bổ sung lần thứ hai: được tính là trễ hạn.</dd>
          </div>
        ) : null}
      </dl>
    </Stack>
  );
}
