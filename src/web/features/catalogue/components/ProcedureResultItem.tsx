import { Anchor, Group, Paper, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LEVEL_LABELS } from '../../../../domain/catalogue/procedure.js';
import type { ProcedureSummary } from '../api/catalogue-api.js';
import { summarizeTimeLimits } from '../catalogue-format.js';
import { FeeBadge, LocationIndependentBadge, OnlineLevelBadge } from './ProcedureBadges.js';

interface ProcedureResultItemProps {
  procedure: ProcedureSummary;
  /** The search the citizen came from ("?q=…"), offered back on the procedure page. */
  fromSearch: string;
}

export function ProcedureResultItem({ procedure, fromSearch }: ProcedureResultItemProps) {
  const timeLimit = summarizeTimeLimits(procedure.timeLimits);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`thu-tuc-${procedure.code}`}>
      <Title order={3} size="h4" className="catalogue-result-title" mb="xs" id={`thu-tuc-${procedure.code}`}>
        <Anchor component={Link} to={`/thu-tuc/${procedure.code}`} state={{ fromSearch }} inherit>
          {procedure.name}
        </Anchor>
      </Title>
      <Group gap="xs" mb="sm">
        <OnlineLevelBadge level={procedure.onlineLevel} />
        <FeeBadge hasFee={procedure.hasFee} />
        {procedure.locationIndependent ? <LocationIndependentBadge /> : null}
      </Group>
      <dl className="catalogue-facts catalogue-facts-compact">
        <div>
          <dt>Mã thủ tục</dt>
          <dd className="mono">{procedure.code}</dd>
        </div>
        <div>
          <dt>Lĩnh vực</dt>
          <dd>{procedure.fieldName ?? procedure.fieldCode}</dd>
        </div>
        <div>
          <dt>Cấp thực hiện</dt>
          <dd>{LEVEL_LABELS[procedure.level]}</dd>
        </div>
        <div>
          <dt>Cơ quan thực hiện</dt>
          <dd>{procedure.competentAuthority}</dd>
        </div>
        <div>
          <dt>Thời hạn giải quyết</dt>
          <dd>{timeLimit ?? 'Chưa công bố'}</dd>
        </div>
      </dl>
    </Paper>
  );
}
