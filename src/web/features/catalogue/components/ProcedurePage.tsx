import '../catalogue.css';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PROCEDURE_CODE_PATTERN } from '../../../../domain/catalogue/procedure.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { SubmitOnlineButton } from '../../portal-dossiers/components/SubmitOnlineButton.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import type { ProcedureDetail } from '../api/catalogue-api.js';
import { useProcedure } from '../hooks/useProcedure.js';
import { FeeBadge, LocationIndependentBadge, OnlineLevelBadge } from './ProcedureBadges.js';
import { ProcedureComponentsSection } from './ProcedureComponentsSection.js';
import { ProcedureFacts } from './ProcedureFacts.js';
import { ProcedureNotFound } from './ProcedureNotFound.js';
import { ProcedureProcessSection } from './ProcedureProcessSection.js';
import { ProcedureQrCode } from './ProcedureQrCode.js';
import { ProcedureContents } from './ProcedureSection.js';
import {
  ProcedureFeesSection,
  ProcedureLegalSection,
  ProcedureMethodsSection,
  ProcedurePublicationSection,
  ProcedureRequirementsSection,
  ProcedureResultsSection,
  ProcedureSequenceSection,
} from './ProcedureSections.js';

/** The search the citizen came from, passed by the result links, so "back to the results" keeps it. */
function fromSearchOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'fromSearch' in state) {
    const value = (state as { fromSearch: unknown }).fromSearch;
    if (typeof value === 'string' && (value === '' || value.startsWith('?'))) return value;
  }
  return '';
}

/** /thu-tuc/:code — everything a citizen needs about one procedure, in force today. */
export function ProcedurePage() {
  const { code = '' } = useParams();
  const location = useLocation();
  const wellFormed = PROCEDURE_CODE_PATTERN.test(code);
  const { data, error, loading, reload } = useProcedure(wellFormed ? code : null);
  const fromSearch = fromSearchOf(location.state);
  const notFound = !wellFormed || error?.status === 404;
  usePageTitle(notFound ? 'Không tìm thấy thủ tục' : (data?.name ?? 'Thủ tục hành chính'));

  if (notFound) return <ProcedureNotFound code={code} known={wellFormed} />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/thu-tuc${fromSearch}`} style={{ alignSelf: 'flex-start' }}>
        {fromSearch ? '‹ Quay lại kết quả tìm kiếm' : '‹ Danh mục thủ tục hành chính'}
      </Anchor>
      {loading ? <LoadingState label="Đang tải thông tin thủ tục…" /> : null}
      {error ? (
        <>
          <Title order={1}>Thủ tục hành chính</Title>
          <ErrorState error={error} title="Không tải được thông tin thủ tục" onRetry={reload} />
        </>
      ) : null}
      {data ? <ProcedureDetailView procedure={data} /> : null}
    </Stack>
  );
}

function ProcedureDetailView({ procedure }: { procedure: ProcedureDetail }) {
  const [today] = useState(() => todayInVietnam());
  const { data: unitData } = useUnits();
  const nameOf = useMemo(() => {
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code);
  }, [unitData]);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1} className="break-anywhere">
          {procedure.name}
        </Title>
        <Group gap="xs">
          <OnlineLevelBadge level={procedure.onlineLevel} />
          <FeeBadge hasFee={procedure.fees.some((f) => f.amount > 0)} />
          {procedure.locationIndependent ? <LocationIndependentBadge /> : null}
        </Group>
        <Text size="sm">
          Mã thủ tục <span className="mono">{procedure.code}</span>
          {procedure.fieldName ? ` · Lĩnh vực ${procedure.fieldName}` : ''}
        </Text>
        <SubmitOnlineButton code={procedure.code} methods={procedure.methods} />
      </Stack>
      <ProcedureFacts procedure={procedure} nameOf={nameOf} />
      <ProcedureContents />
      <ProcedureMethodsSection methods={procedure.methods} />
      <ProcedureComponentsSection components={procedure.components} />
      <ProcedureFeesSection fees={procedure.fees} />
      <ProcedureRequirementsSection requirements={procedure.requirements} />
      <ProcedureSequenceSection sequence={procedure.sequence} />
      <ProcedureProcessSection steps={procedure.processTemplate} nameOf={nameOf} />
      <ProcedureResultsSection results={procedure.results} />
      <ProcedureLegalSection legalBases={procedure.legalBases} today={today} />
      <ProcedurePublicationSection versionInfo={procedure.versionInfo} />
      <ProcedureQrCode key={procedure.code} code={procedure.code} name={procedure.name} />
    </Stack>
  );
}
