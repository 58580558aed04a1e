import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Scorecard } from '../../../../domain/scorecard/formula.js';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import { pointsText, worstIndicators } from '../scorecard-view.js';

/** The applicable indicators that earn the smallest share of their points: where to look first. */
export function WorstIndicators({ card, drilldownTo }: { card: Scorecard; drilldownTo: (indicatorId: string) => string }) {
  const worst = worstIndicators(card);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chi-so-thap-nhat">
      <Title order={2} size="h4" id="chi-so-thap-nhat" mb="xs">
        Chỉ số đạt thấp nhất
      </Title>
      {worst.length === 0 ? (
        <Text size="sm">Mọi chỉ số có số liệu trong kỳ đều đạt điểm tối đa.</Text>
      ) : (
        <ol className="scorecard-worst">
          {worst.map((i) => (
            <li key={i.id}>
              <Anchor component={Link} to={drilldownTo(i.id)} size="sm" fw={600}>
                {i.id}. {i.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {pointsText(i.points, i.maxPoints)} điểm ({formatPercent(i.share * 100, 0)} số điểm) · mất {formatNumber(i.lost)} điểm · tỷ lệ{' '}
                {formatPercent(i.ratio)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Paper>
  );
}
