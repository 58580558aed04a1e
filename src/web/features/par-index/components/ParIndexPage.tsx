import '../par-index.css';
import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { hasCapability } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { UNITS_PATH, type UnitsResponse } from '../../units/api/units-api.js';
import { useKept, useParActions, useRounds, useSchemes } from '../hooks/usePar.js';
import { ImportSchemeForm } from './ImportSchemeForm.js';
import { OpenRoundForm } from './OpenRoundForm.js';
import { PageSection } from './PageSection.js';
import { RoundList } from './RoundList.js';
import { SchemeTable } from './SchemeTable.js';

/**
 * /can-bo/chi-so-cai-cach (par.manage or par.assess): the administrative-reform index. The department keeps the
 * schemes (Excel out and in, copied to another year), opens rounds and follows every unit; a unit's officials find
 * their rounds, each leading to their own assessment.
 */
export function ParIndexPage() {
  usePageTitle('Chỉ số cải cách hành chính');
  const user = useCurrentOfficial();
  const manager = hasCapability(user.role, 'par.manage');
  const schemes = useSchemes(manager);
  const rounds = useRounds();
  // The units a round may assess, for the department's form only.
  const units = useApiQuery<UnitsResponse>(manager ? UNITS_PATH : null);
  const [year] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const reloadSchemes = schemes.reload;
  const reloadRounds = rounds.reload;
  const reload = useCallback(() => {
    reloadSchemes();
    reloadRounds();
  }, [reloadSchemes, reloadRounds]);
  const actions = useParActions(reload);
  // What was read stays on screen while it is read again after an action.
  const schemeList = useKept(schemes.data);
  const roundList = useKept(rounds.data);

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>Chỉ số cải cách hành chính</Title>
        <Text>
          {manager
            ? 'Bộ chỉ số theo năm và cấp đánh giá, các đợt tự đánh giá của đơn vị, thẩm định, kết quả và xếp hạng (Chỉ số CCHC).'
            : `Các đợt đánh giá Chỉ số cải cách hành chính của ${user.unitName ?? 'đơn vị'}: tự chấm điểm, tài liệu kiểm chứng và gửi kết quả.`}
        </Text>
      </Stack>
      {manager ? (
        <>
          <PageSection id="par-bo-chi-so" title="Bộ chỉ số">
            {schemes.error ? <ErrorState error={schemes.error} onRetry={schemes.reload} /> : null}
            {schemeList ? <SchemeTable schemes={schemeList} actions={actions} /> : schemes.loading ? <LoadingState /> : null}
          </PageSection>
          <PageSection id="par-nhap-tieu-de" title="Nhập bộ chỉ số từ Excel" boxed>
            <ImportSchemeForm actions={actions} defaultYear={year} />
          </PageSection>
          <PageSection id="par-mo-dot-tieu-de" title="Mở đợt đánh giá" boxed>
            {schemeList ? <OpenRoundForm schemes={schemeList} units={units.data?.units ?? []} actions={actions} /> : <LoadingState />}
          </PageSection>
        </>
      ) : null}
      <PageSection id="par-cac-dot" title={manager ? 'Các đợt đánh giá' : 'Các đợt đánh giá của đơn vị'}>
        {rounds.error ? <ErrorState error={rounds.error} onRetry={rounds.reload} /> : null}
        {roundList ? <RoundList rounds={roundList} manager={manager} /> : rounds.loading ? <LoadingState /> : null}
      </PageSection>
    </Stack>
  );
}
