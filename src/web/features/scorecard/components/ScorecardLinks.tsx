import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { DEFINITIONS_PATH, dashboardLink, reportLink, type ScorecardSelection } from '../scorecard-search.js';

/** The way between the scorecard pages, keeping the unit and period. */
export function ScorecardLinks({ selection, current }: { selection: ScorecardSelection; current: 'dashboard' | 'drilldown' | 'definitions' | 'report' }) {
  return (
    <Group gap="md" component="nav" aria-label="Các trang chỉ số" className="scorecard-links">
      {current !== 'dashboard' ? (
        <Anchor component={Link} to={dashboardLink(selection)} size="sm">
          Bảng chỉ số 766
        </Anchor>
      ) : null}
      {current !== 'definitions' ? (
        <Anchor component={Link} to={DEFINITIONS_PATH} size="sm">
          Định nghĩa chỉ số
        </Anchor>
      ) : null}
      {current !== 'report' ? (
        <Anchor component={Link} to={reportLink(selection)} size="sm">
          Báo cáo tình hình giải quyết
        </Anchor>
      ) : null}
    </Group>
  );
}
