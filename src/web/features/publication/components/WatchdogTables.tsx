import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LateDecision, MissingDecision, PublicationDelay } from '../../../../domain/catalogue/watchdog.js';
import { DELAY_STATUS, LATE_DECISION_STATUS, lateness, missingDecisionStatus, unitNames, type Tone } from '../watchdog-view.js';
import { DateText, NameList, ProcedureCodes, SubLine } from './Cells.js';
import { ResponsiveTable, type Column } from './ResponsiveTable.js';
import { StatusBadge } from './StatusBadge.js';

export const DECISIONS_PAGE = '/can-bo/quyet-dinh-cong-bo';

type NameOf = (code: string) => string | null;

function DecisionCell({ id, number, issuedOn }: { id: string; number: string; issuedOn: string }) {
  return (
    <>
      <Anchor component={Link} to={`${DECISIONS_PAGE}?id=${encodeURIComponent(id)}`} fw={700} size="sm">
        {number}
      </Anchor>
      <SubLine>
        ban hành <DateText iso={issuedOn} />
      </SubLine>
    </>
  );
}

function StatusCell({ label, tone, workingDaysLate }: { label: string; tone: Tone; workingDaysLate: number }) {
  const late = lateness(workingDaysLate);
  return (
    <Stack gap={4} align="flex-start">
      <StatusBadge label={label} tone={tone} />
      {late ? (
        <Text component="span" size="sm" fw={700}>
          {late}
        </Text>
      ) : null}
    </Stack>
  );
}

/** What both decision tables show of the decision a finding is about, and of what it covers. */
type DecisionFinding = Pick<LateDecision & PublicationDelay, 'decisionId' | 'decisionNumber' | 'issuedOn' | 'procedureCodes' | 'unitCodes' | 'communeWide'>;

/** The first column of a decision table: the decision, linked to its page, and when it was issued. */
const decisionColumn: Column<DecisionFinding> = {
  header: 'Quyết định',
  cell: (d) => <DecisionCell id={d.decisionId} number={d.decisionNumber} issuedOn={d.issuedOn} />,
  nowrap: true,
};

/** The last columns of a decision table: the procedures it publishes and the units that carry them out. */
function coverageColumns(nameOf: NameOf): Column<DecisionFinding>[] {
  return [
    { header: 'Thủ tục', cell: (d) => <ProcedureCodes codes={d.procedureCodes} /> },
    { header: 'Đơn vị thực hiện', cell: (d) => <NameList names={unitNames(d.unitCodes, nameOf, d.communeWide)} /> },
  ];
}

export function LateDecisionsTable({ rows, nameOf }: { rows: readonly LateDecision[]; nameOf: NameOf }) {
  const columns: Column<LateDecision>[] = [
    decisionColumn,
    {
      header: 'Văn bản căn cứ',
      cell: (d) => (
        <>
          {d.legalNumber}
          <SubLine>
            có hiệu lực <DateText iso={d.effectiveFrom} />
          </SubLine>
        </>
      ),
    },
    { header: 'Hạn ban hành', cell: (d) => <DateText iso={d.deadline} />, nowrap: true },
    { header: 'Tình trạng', cell: (d) => <StatusCell {...LATE_DECISION_STATUS} workingDaysLate={d.workingDaysLate} /> },
    ...coverageColumns(nameOf),
  ];
  return (
    <ResponsiveTable
      caption="Quyết định công bố ban hành sau hạn (trước ngày văn bản căn cứ có hiệu lực)"
      captionId="bang-quyet-dinh-muon"
      rows={rows}
      rowKey={(d) => `${d.decisionId}|${d.legalNumber}`}
      columns={columns}
      minWidth={900}
    />
  );
}

export function PublicationDelaysTable({ rows, nameOf }: { rows: readonly PublicationDelay[]; nameOf: NameOf }) {
  const columns: Column<PublicationDelay>[] = [
    decisionColumn,
    { header: 'Hạn công khai', cell: (d) => <DateText iso={d.deadline} />, nowrap: true },
    { header: 'Ngày công khai', cell: (d) => (d.publishedOn ? <DateText iso={d.publishedOn} /> : 'Chưa công khai'), nowrap: true },
    { header: 'Tình trạng', cell: (d) => <StatusCell {...DELAY_STATUS[d.status]} workingDaysLate={d.workingDaysLate} /> },
    ...coverageColumns(nameOf),
  ];
  return (
    <ResponsiveTable
      caption="Quyết định công khai muộn, quá hạn công khai hoặc sắp đến hạn công khai"
      captionId="bang-cong-khai"
      rows={rows}
      rowKey={(d) => d.decisionId}
      columns={columns}
      minWidth={900}
    />
  );
}

export function MissingDecisionsTable({ rows }: { rows: readonly MissingDecision[] }) {
  const columns: Column<MissingDecision>[] = [
    {
      header: 'Văn bản',
      cell: (d) => (
        <>
          <Text component="span" display="block" fw={700} size="sm">
            {d.number}
          </Text>
          <SubLine>{d.title}</SubLine>
        </>
      ),
    },
    { header: 'Ngày có hiệu lực', cell: (d) => <DateText iso={d.effectiveFrom} />, nowrap: true },
    { header: 'Hạn ban hành quyết định', cell: (d) => <DateText iso={d.deadline} />, nowrap: true },
    { header: 'Tình trạng', cell: (d) => <StatusCell {...missingDecisionStatus(d)} workingDaysLate={d.workingDaysLate} /> },
  ];
  return (
    <ResponsiveTable
      caption="Văn bản đã có hoặc sắp có hiệu lực, chưa có quyết định công bố thủ tục"
      captionId="bang-van-ban-chua-co-quyet-dinh"
      rows={rows}
      rowKey={(d) => d.number}
      columns={columns}
      minWidth={720}
    />
  );
}
