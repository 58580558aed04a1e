import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ScoredIndicator } from '../../../../domain/scorecard/formula.js';
import { formatNumber, formatPercent } from '../../../shared/format.js';
import { canDrillDown, isNotApplicable, pointsText } from '../scorecard-view.js';

/** One indicator: its ratio (or N/A), points out of its maximum, and the way to the dossiers that cost points. */
export function IndicatorItem({ indicator, drilldownTo }: { indicator: ScoredIndicator; drilldownTo: string }) {
  const na = isNotApplicable(indicator);
  const title = `${indicator.id}. ${indicator.name}`;
  return (
    <li className="scorecard-indicator" data-testid={`chi-so-${indicator.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {canDrillDown(indicator) ? (
            <Anchor
              component={Link}
              to={drilldownTo}
              size="sm"
              fw={600}
              aria-label={indicator.maxPoints === 0 ? `${title}: xem danh sách được tính` : `${title}: xem hồ sơ làm mất điểm`}
            >
              {title}
            </Anchor>
          ) : (
            <Text size="sm" fw={600}>
              {title}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {na
              ? 'Không có số liệu để tính trong kỳ'
              : `Tỷ lệ ${formatPercent(indicator.ratio)} (${formatNumber(indicator.numerator)}/${formatNumber(indicator.denominator)})`}
            {indicator.target !== null ? ` · Chỉ tiêu ${formatPercent(indicator.target, 0)}` : ''}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end" style={{ flex: 'none' }}>
          {indicator.maxPoints === 0 ? (
            <Text size="xs" c="dimmed" title="Chỉ số theo dõi, không tính điểm">
              Theo dõi
            </Text>
          ) : (
            <Text size="sm" fw={700} className="scorecard-points">
              {pointsText(indicator.points, indicator.maxPoints)}
              <Text span size="xs" fw={400}>
                {' '}
                điểm
              </Text>
            </Text>
          )}
          {na ? (
            <Badge color="gray" variant="light" size="sm" tt="none" title="Không áp dụng: kỳ này không có đối tượng để tính">
              N/A
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </li>
  );
}
