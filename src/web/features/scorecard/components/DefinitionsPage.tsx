import '../scorecard.css';
import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate, formatNumber, formatPercent, todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useFormulas } from '../hooks/useScorecardData.js';
import { useScorecardSelection } from '../hooks/useScorecardSelection.js';
import { scoringRule, versionToShow } from '../formula-view.js';
import { ScorecardLinks } from './ScorecardLinks.js';
import { SETTLEMENT_TIME_INDICATOR } from '../../../../domain/scorecard/settlement-time.js';

/** Every indicator of the formula version in force, explained in Vietnamese, by group. */
export function DefinitionsPage() {
  usePageTitle('Định nghĩa chỉ số');
  const { selection } = useScorecardSelection();
  const { data, error, loading, reload } = useFormulas();
  const [today] = useState(() => todayInVietnam());
  const [picked, setPicked] = useState<string | null>(null);
  const version = data ? versionToShow(data.versions, today, picked) : null;
  const inForce = data ? versionToShow(data.versions, today, null) : null;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Định nghĩa chỉ số</Title>
        <Text>Cách tính từng chỉ số của Bộ chỉ số 766. Một chỉ số không có đối tượng để tính trong kỳ (mẫu số bằng 0) được ghi N/A và không có điểm.</Text>
        <ScorecardLinks selection={selection} current="definitions" />
      </Stack>
      {loading ? <LoadingState label="Đang tải định nghĩa chỉ số…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được định nghĩa chỉ số" onRetry={reload} /> : null}
      {data && data.versions.length > 1 ? (
        <Select
          id="phien-ban-cong-thuc"
          label="Phiên bản công thức"
          data={data.versions.map((v) => ({
            value: v.id,
            label: `${v.id} (hiệu lực từ ${formatIsoDate(v.effectiveFrom)})${v.id === inForce?.id ? ' – đang áp dụng' : ''}`,
          }))}
          value={version?.id ?? null}
          onChange={setPicked}
          allowDeselect={false}
          maw={480}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {version ? (
        <>
          <Text size="sm" data-testid="phien-ban">
            Phiên bản {version.id}, hiệu lực từ ngày {formatIsoDate(version.effectiveFrom)}
            {version.source ? `. Nguồn: ${version.source}` : ''}.
          </Text>
          {version.groups.map((group) => (
            <Stack key={group.id} gap="sm" component="section" aria-labelledby={`dinh-nghia-nhom-${group.id}`}>
              <Title order={2} size="h3" id={`dinh-nghia-nhom-${group.id}`}>
                Nhóm {group.id}. {group.name} ({formatNumber(group.maxPoints)} điểm)
              </Title>
              {group.indicators.map((indicator) => (
                <Paper key={indicator.id} withBorder p="md" component="article" aria-labelledby={`dinh-nghia-${indicator.id}`}>
                  <Title order={3} size="h5" id={`dinh-nghia-${indicator.id}`} mb={4}>
                    {indicator.id}. {indicator.name}
                  </Title>
                  <Text size="sm">{indicator.definition}</Text>
                  <dl className="scorecard-facts">
                    <div>
                      <dt>Điểm tối đa</dt>
                      <dd>{formatNumber(indicator.maxPoints)}</dd>
                    </div>
                    <div>
                      <dt>Chỉ tiêu</dt>
                      <dd>{indicator.target === null ? 'Không có' : formatPercent(indicator.target, 0)}</dd>
                    </div>
                    <div>
                      <dt>Cách tính điểm</dt>
                      <dd>{scoringRule(indicator)}</dd>
                    </div>
                  </dl>
                </Paper>
              ))}
            </Stack>
          ))}
          <Stack gap="sm" component="section" aria-labelledby="dinh-nghia-theo-doi">
            <Title order={2} size="h3" id="dinh-nghia-theo-doi">
              Chỉ số theo dõi, không tính điểm
            </Title>
            <Paper withBorder p="md" component="article" aria-labelledby={`dinh-nghia-${SETTLEMENT_TIME_INDICATOR.id}`}>
              <Title order={3} size="h5" id={`dinh-nghia-${SETTLEMENT_TIME_INDICATOR.id}`} mb={4}>
                {SETTLEMENT_TIME_INDICATOR.id}. {SETTLEMENT_TIME_INDICATOR.name}
              </Title>
              <Text size="sm">{SETTLEMENT_TIME_INDICATOR.definition}</Text>
            </Paper>
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
