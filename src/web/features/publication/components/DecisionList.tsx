import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { formatIsoDate, todayInVietnam } from '../../../shared/format.js';
import type { DecisionSummary } from '../api/publication-api.js';
import { DateText } from './Cells.js';
import { DecisionStatusBadge } from './DecisionStatusBadge.js';
import { ResponsiveTable, type Column } from './ResponsiveTable.js';

/** The day (in Vietnam) of an instant, as dd/MM/yyyy. */
export function instantDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatIsoDate(todayInVietnam(date));
}

export function DecisionList({ decisions, selectedId }: { decisions: readonly DecisionSummary[]; selectedId: string | null }) {
  const columns: Column<DecisionSummary>[] = [
    {
      header: 'Số quyết định',
      cell: (d) => (
        <Anchor component={Link} to={`?id=${encodeURIComponent(d.id)}`} fw={700} size="sm" aria-current={d.id === selectedId ? 'true' : undefined}>
          {d.number}
        </Anchor>
      ),
      nowrap: true,
    },
    { header: 'Ngày ban hành', cell: (d) => <DateText iso={d.issuedOn} />, nowrap: true },
    { header: 'Người ký', cell: (d) => d.signer },
    { header: 'Trạng thái', cell: (d) => <DecisionStatusBadge status={d.status} /> },
    { header: 'Ngày công bố', cell: (d) => (d.publishedAt ? <time dateTime={d.publishedAt}>{instantDate(d.publishedAt)}</time> : '—'), nowrap: true },
    { header: 'Số thủ tục', cell: (d) => d.items },
  ];
  return (
    <ResponsiveTable
      caption="Các quyết định công bố thủ tục hành chính, mới ban hành ở trên"
      captionId="bang-quyet-dinh-cong-bo"
      rows={decisions}
      rowKey={(d) => d.id}
      columns={columns}
      minWidth={760}
    />
  );
}
