import { Anchor, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ColumnCells, ColumnHeaders, type ColumnLayout } from '../../../shared/components/ColumnCells.js';
import { dossierPagePath, type QueueItem } from '../api/dossiers-api.js';
import { canSelect, selectionState } from '../bulk-actions.js';
import { channelLabel, formatDeadline } from '../dossier-format.js';
import { sortByUrgency } from '../urgency.js';
import { StatusBadge } from './ToneBadge.js';
import { UrgencyBadges } from './UrgencyBadges.js';

interface Column extends ColumnLayout {
  cell: (item: QueueItem, now: Date) => ReactNode;
}

function Sub({ children }: { children: ReactNode }) {
  return (
    <Text component="span" display="block" size="xs" c="dimmed">
      {children}
    </Text>
  );
}

function Instant({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDeadline(iso)}</time>;
}

const COLUMNS: readonly Column[] = [
  {
    header: 'Mã hồ sơ',
    cell: (d) => (
      <>
        <Anchor component={Link} to={dossierPagePath(d.id)} fw={700} size="sm" className="mono break-anywhere">
          {d.code}
        </Anchor>
        <Sub>
          Nộp <Instant iso={d.submittedAt} /> · {channelLabel(d.channel)}
        </Sub>
      </>
    ),
  },
  { header: 'Thủ tục', cell: (d) => d.procedureName },
  {
    header: 'Trạng thái',
    cell: (d) => (
      <>
        <StatusBadge status={d.status} label={d.statusLabel} size="sm" />
        {d.stepName ? <Sub>{d.stepName}</Sub> : null}
        {d.stepName && !d.assigned ? <Sub>Chưa có người nhận xử lý</Sub> : null}
      </>
    ),
  },
  { header: 'Hạn bước', cell: (d) => (d.stepDueAt ? <Instant iso={d.stepDueAt} /> : '—'), nowrap: true },
  {
    header: 'Hạn giải quyết',
    cell: (d) => (
      <>
        {d.dueAt ? <Instant iso={d.dueAt} /> : 'Chưa tiếp nhận'}
        {d.appointmentAt && d.appointmentAt !== d.dueAt ? (
          <Sub>
            Hẹn trả mới <Instant iso={d.appointmentAt} />
          </Sub>
        ) : null}
      </>
    ),
    nowrap: true,
  },
  { header: 'Mức độ khẩn', cell: (d, now) => <UrgencyBadges status={d.status} dueAt={d.dueAt} stepDueAt={d.stepDueAt} timeliness={d.timeliness} now={now} /> },
];

/** Rows ticked for a bulk action; only rows some bulk action is open to get a box. */
export interface QueueSelection {
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Select all the selectable rows shown, or none when all are. */
  onToggleAll: () => void;
}

const SELECT_ALL = 'Chọn tất cả hồ sơ trong trang này';

function RowCheckbox({ row, selection }: { row: QueueItem; selection: QueueSelection }) {
  if (!canSelect(row)) return null;
  return <Checkbox aria-label={`Chọn hồ sơ ${row.code}`} checked={selection.selected.has(row.id)} onChange={() => selection.onToggle(row.id)} />;
}

interface DossierQueueTableProps {
  items: readonly QueueItem[];
  now: Date;
  caption: string;
  captionId: string;
  selection?: QueueSelection | undefined;
}

/** A work queue, most urgent first: a table on wide screens, one card per dossier on phones; rows may be ticked for a bulk action. */
export function DossierQueueTable({ items, now, caption, captionId, selection }: DossierQueueTableProps) {
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const rows = sortByUrgency(items, now);
  const [first, ...rest] = COLUMNS;
  const selectable = selection ? rows.filter(canSelect).map((r) => r.id) : [];
  const picking = selection !== undefined && selectable.length > 0 ? selection : null;
  const state = selectionState(picking?.selected ?? new Set(), selectable);
  // On a phone the box stands above the cards with its words; in the table it heads the column of boxes.
  const selectAll = (visibleLabel: boolean) =>
    picking ? (
      <Checkbox
        {...(visibleLabel ? { label: SELECT_ALL } : { 'aria-label': SELECT_ALL })}
        checked={state === 'all'}
        indeterminate={state === 'some'}
        onChange={picking.onToggleAll}
        data-testid="select-all"
      />
    ) : null;

  if (isPhone && first) {
    return (
      <>
        {selectAll(true)}
        <ul className="dos-cards" aria-label={caption} data-testid="dossier-queue">
          {rows.map((row) => (
            <li key={row.id} data-testid="queue-row">
              <Paper withBorder p="sm">
                <Group gap="sm" wrap="nowrap" align="flex-start" mb={6}>
                  {picking ? <RowCheckbox row={row} selection={picking} /> : null}
                  <Text component="div" size="sm" miw={0}>
                    {first.cell(row, now)}
                  </Text>
                </Group>
                <dl className="dos-fields">
                  {rest.map((column) => (
                    <div key={column.header}>
                      <dt>{column.header}</dt>
                      <dd>{column.cell(row, now) ?? '—'}</dd>
                    </div>
                  ))}
                </dl>
              </Paper>
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0} data-testid="dossier-queue">
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" miw={960} captionSide="top">
        <Table.Caption id={captionId} className="table-caption">
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {picking ? (
              <Table.Th scope="col" w={44}>
                {selectAll(false)}
              </Table.Th>
            ) : null}
            <ColumnHeaders columns={COLUMNS} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} style={{ verticalAlign: 'top' }} data-testid="queue-row">
              {picking ? (
                <Table.Td>
                  <RowCheckbox row={row} selection={picking} />
                </Table.Td>
              ) : null}
              <ColumnCells columns={COLUMNS} cell={(column) => column.cell(row, now)} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
