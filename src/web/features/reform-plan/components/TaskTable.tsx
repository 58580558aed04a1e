import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../shared/format.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import type { ReformTaskRow } from '../api/reform-plan-api.js';
import { STANDING_LOOKS, taskPage } from '../reform-view.js';

export function StandingBadge({ task }: { task: Pick<ReformTaskRow, 'standing' | 'standingLabel'> }) {
  return (
    <Badge {...STANDING_LOOKS[task.standing]} tt="none" classNames={{ root: 'pub-badge', label: 'reform-badge-label' }}>
      {task.standingLabel}
    </Badge>
  );
}

const taskCell = (t: ReformTaskRow) => (
  <>
    <Anchor component={Link} to={taskPage(t.id)} className="break-anywhere">
      {t.content}
    </Anchor>
    {t.kind === 'inspection' ? (
      <Text component="span" size="xs" display="block">
        Kiểm tra
      </Text>
    ) : null}
  </>
);

/** The plan's tasks (or its overdue ones, with how many days past the deadline): each opens its page. */
export function TaskTable({
  tasks,
  caption,
  captionId,
  overdue = false,
}: {
  tasks: readonly ReformTaskRow[];
  caption: string;
  captionId: string;
  overdue?: boolean;
}) {
  const columns: Column<ReformTaskRow>[] = [
    { header: 'Nhiệm vụ', cell: taskCell },
    { header: 'STT', cell: (t) => t.position },
    { header: 'Đơn vị chủ trì', cell: (t) => t.unitName },
    { header: 'Thời hạn', cell: (t) => formatIsoDate(t.deadline) },
    overdue
      ? { header: 'Quá hạn', cell: (t) => `${t.daysOverdue} ngày` }
      : { header: 'Sản phẩm dự kiến', cell: (t) => <span className="break-anywhere">{t.expectedOutput}</span> },
    { header: 'Tình trạng', cell: (t) => <StandingBadge task={t} /> },
  ];
  return <ResponsiveTable caption={caption} captionId={captionId} rows={tasks} rowKey={(t) => t.id} columns={columns} minWidth={880} />;
}
