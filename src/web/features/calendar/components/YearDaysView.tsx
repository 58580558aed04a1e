import { Badge, Group, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CalendarDay, DayKind } from '../../../../domain/calendar/holidays.js';
import { formatIsoDate } from '../../../shared/format.js';
import { DAY_KIND_LABELS, weekdayOfIsoDate } from '../calendar-format.js';

// Theme colours only: their light and outline variants keep 4.5:1 contrast.
const KIND_STYLES: Record<DayKind, { color: string; variant: 'light' | 'outline' }> = {
  holiday: { color: 'govRed', variant: 'light' },
  substitute: { color: 'govRed', variant: 'outline' },
  makeUpWorkingDay: { color: 'govBlue', variant: 'light' },
};

function KindBadge({ kind }: { kind: DayKind }) {
  return (
    <Badge {...KIND_STYLES[kind]} tt="none" size="md" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {DAY_KIND_LABELS[kind]}
    </Badge>
  );
}

/** The special days of a year: a table on wide screens, a list on phones. */
interface YearDaysViewProps {
  year: number;
  days: readonly CalendarDay[];
  /** For a province: the dates that are its own (marked), the others come from the national schedule. */
  ownDates?: ReadonlySet<string> | undefined;
}

function OwnMark() {
  return (
    <Badge color="gray" variant="outline" tt="none" size="sm" c="gray.8">
      Riêng của tỉnh
    </Badge>
  );
}

export function YearDaysView({ year, days, ownDates }: YearDaysViewProps) {
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (days.length === 0) return <Text>Năm {year} không có ngày nghỉ lễ, nghỉ bù hay làm bù nào.</Text>;

  if (isPhone) {
    return (
      <ul className="audit-list" aria-label={`Ngày nghỉ lễ, nghỉ bù và làm bù năm ${year}`} data-testid="year-days">
        {days.map((day) => (
          <li key={day.date} className="calendar-day-item">
            <Text fw={700} size="sm">
              {weekdayOfIsoDate(day.date)}, {formatIsoDate(day.date)}
            </Text>
            <Text size="sm" className="break-anywhere">
              {day.name}
            </Text>
            <KindBadge kind={day.kind} />
            {ownDates?.has(day.date) ? <OwnMark /> : null}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Table verticalSpacing="xs" fz="sm" data-testid="year-days">
      <caption className="table-caption">
        Ngày nghỉ lễ, nghỉ bù và làm bù năm {year} ({days.length} ngày)
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Ngày</Table.Th>
          <Table.Th scope="col">Thứ</Table.Th>
          <Table.Th scope="col">Tên</Table.Th>
          <Table.Th scope="col">Loại</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((day) => (
          <Table.Tr key={day.date}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(day.date)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{weekdayOfIsoDate(day.date)}</Table.Td>
            <Table.Td className="break-anywhere">{day.name}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <KindBadge kind={day.kind} />
                {ownDates?.has(day.date) ? <OwnMark /> : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
