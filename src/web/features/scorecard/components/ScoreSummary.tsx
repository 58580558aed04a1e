import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../../shared/format.js';
import type { ScorecardResponse } from '../api/scorecard-api.js';
import { rangeLabel } from '../scorecard-period.js';
import { GroupCard } from './GroupCard.js';

interface ScoreSummaryProps {
  card: ScorecardResponse;
  unitName: string;
  drilldownTo: (indicatorId: string) => string;
}

/** The total out of 100 and the six groups with their indicators. */
export function ScoreSummary({ card, unitName, drilldownTo }: ScoreSummaryProps) {
  return (
    <Stack gap="md" component="section" aria-labelledby="tong-diem">
      <Paper withBorder p="md" className="scorecard-total">
        <Group justify="space-between" align="center" gap="md">
          <Stack gap={2}>
            <Title order={2} size="h3" id="tong-diem">
              Tổng điểm: {unitName}
            </Title>
            <Text size="sm">
              {rangeLabel(card.from, card.to)} · {formatNumber(card.dossiers)} hồ sơ tiếp nhận hoặc xử lý trong kỳ · Công thức {card.formulaVersion}
            </Text>
          </Stack>
          <Text className="scorecard-total-figure" data-testid="tong-diem">
            {formatNumber(card.total)}
            <Text span fz="lg" fw={400}>
              /100 điểm
            </Text>
          </Text>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {card.groups.map((group) => (
          <GroupCard key={group.id} group={group} drilldownTo={drilldownTo} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
