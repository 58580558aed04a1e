import '../../publication/publication.css';
import '../reform-plan.css';
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { REFORM_TASK_KIND_LABELS, EVIDENCE_TYPE_LABELS } from '../../../../domain/reform-plan/reform-task.js';
import { formatFileSize } from '../../../shared/attachments.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatDateTime, formatIsoDate } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { evidencePath, type ReformTaskDetail } from '../api/reform-plan-api.js';
import { useReformTask } from '../hooks/useReformPlan.js';
import { planPage } from '../reform-view.js';
import { FindingsSection } from './FindingsSection.js';
import { ManageTaskForms } from './ManageTaskForms.js';
import { ReportTaskForm } from './ReportTaskForm.js';
import { StandingBadge } from './TaskTable.js';

function Evidence({ task }: { task: ReformTaskDetail }) {
  const e = task.evidence;
  if (!e) return <>Chưa có</>;
  if (e.kind === 'link')
    return (
      <Anchor href={e.url} target="_blank" rel="noopener noreferrer" className="break-anywhere">
        {e.url}
      </Anchor>
    );
  return (
    <Anchor href={evidencePath(task.id)} download={e.name} className="break-anywhere">
      {e.name} ({EVIDENCE_TYPE_LABELS[e.contentType]}, {formatFileSize(e.size)})
    </Anchor>
  );
}

/** /can-bo/ke-hoach-cai-cach/nhiem-vu/:id: a task, its evidence, an inspection's findings, its history; reporting, editing, reopening. */
export function ReformTaskPage() {
  const { id } = useParams();
  const task = useReformTask(id);
  const { data: unitData } = useUnits();
  const t = task.data;
  usePageTitle(t ? `Nhiệm vụ ${t.position}/${t.year}` : 'Nhiệm vụ cải cách hành chính');
  if (task.loading && !t) return <LoadingState label="Đang tải nhiệm vụ…" />;
  if (task.error) return <ErrorState error={task.error} title="Không tải được nhiệm vụ" onRetry={task.reload} />;
  if (!t) return null;
  const fields: [string, ReactNode][] = [
    ['Loại', REFORM_TASK_KIND_LABELS[t.kind]],
    ['Đơn vị chủ trì', t.unitName],
    ['Thời hạn hoàn thành', formatIsoDate(t.deadline)],
    ['Sản phẩm dự kiến', t.expectedOutput],
    ['Tình trạng', <StandingBadge key="s" task={t} />],
    ['Ngày hoàn thành', t.completedOn ? formatIsoDate(t.completedOn) : '—'],
    ['Số ngày quá hạn', t.daysOverdue > 0 ? `${t.daysOverdue} ngày` : '—'],
    ['Tiến độ, kết quả', t.progressNote ?? '—'],
    ['Minh chứng', <Evidence key="e" task={t} />],
    ['Người báo cáo', t.reportedBy && t.reportedAt ? `${t.reportedBy}, ${formatDateTime(t.reportedAt)}` : '—'],
  ];
  return (
    <Stack gap="lg">
      <PageHeading
        title={`Nhiệm vụ ${t.position} – kế hoạch năm ${t.year}`}
        action={
          <Button component={Link} to={planPage(t.year)} variant="outline">
            Về kế hoạch
          </Button>
        }
      >
        <Text className="break-anywhere">{t.content}</Text>
      </PageHeading>
      <Paper withBorder p="md" component="section" aria-label="Thông tin nhiệm vụ">
        <dl className="pub-fields">
          {fields.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Paper>
      {t.canReport && t.status !== 'done' ? <ReportTaskForm task={t} onDone={task.reload} /> : null}
      {t.kind === 'inspection' ? <FindingsSection task={t} canEdit={t.canReport || t.canManage} onDone={task.reload} /> : null}
      {t.canManage ? <ManageTaskForms key={t.version} task={t} units={unitData?.units ?? []} onDone={task.reload} /> : null}
      <Paper withBorder p="md" component="section" aria-labelledby="cchc-lich-su">
        <Stack gap="xs">
          <Title order={2} size="h3" id="cchc-lich-su">
            Lịch sử
          </Title>
          <ol className="reform-history">
            {t.events.map((e, i) => (
              <li key={i}>
                <Text size="sm">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time> – {e.label}
                  {e.actorName ? ` (${e.actorName})` : ''}
                  {e.note ? `: ${e.note}` : ''}
                </Text>
              </li>
            ))}
          </ol>
        </Stack>
      </Paper>
    </Stack>
  );
}
