import { Group, Paper, Progress, Text, Title } from '@mantine/core';
import type { Scorecard } from '../../../../domain/scorecard/formula.js';
import { formatNumber } from '../../../shared/format.js';
import { pointsText } from '../scorecard-view.js';
import { IndicatorItem } from './IndicatorItem.js';

type ScoreGroup = Scorecard['groups'][number];

/** A group of the index with its points and each of its indicators. */
export function GroupCard({ group, drilldownTo }: { group: ScoreGroup; drilldownTo: (indicatorId: string) => string }) {
  const headingId = `nhom-${group.id}`;
  const share = group.maxPoints > 0 ? (group.points / group.maxPoints) * 100 : 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap" mb={6}>
        <Title order={3} size="h5" id={headingId}>
          Nhóm {group.id}. {group.name}
        </Title>
        <Text fw={700} style={{ flex: 'none' }}>
          {pointsText(group.points, group.maxPoints)}
        </Text>
      </Group>
      <Progress value={share} size="sm" mb="sm" aria-label={`Nhóm ${group.id}: ${formatNumber(group.points)} trên ${formatNumber(group.maxPoints)} điểm`} />
      <ul className="scorecard-indicators">
        {group.indicators.map((indicator) => (
          <IndicatorItem key={indicator.id} indicator={indicator} drilldownTo={drilldownTo(indicator.id)} />
        ))}
      </ul>
    </Paper>
  );
}
