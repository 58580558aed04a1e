import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { RateBarChart } from '../../digitization/components/RateBarChart.js';
import { reportPath, type ParResults } from '../api/par-api.js';
import { rankingSummary, yearOverYear } from '../par-view.js';
import { PageSection } from './PageSection.js';
import { ParRankingTable } from './ParRankingTable.js';
import { UnitRadar } from './UnitRadar.js';
import { YearOverYearChart } from './YearOverYearChart.js';

interface RoundResultsProps {
  results: ParResults;
  previous: ParResults | null;
  linkUnits: boolean;
}

/** The results of a round: the report (PDF, Excel), the ranking, its bars, a unit's radar by field, and the change from last year. */
export function RoundResults({ results, previous, linkUnits }: RoundResultsProps) {
  const bars = useMemo(() => results.units.map((u) => ({ unitName: `${u.rank}. ${u.unitName}`, rate: u.totals.percent })), [results]);
  const trend = useMemo(() => yearOverYear(results.units), [results]);
  const id = results.round.id;
  return (
    <Stack gap="lg">
      {results.round.status === 'open' ? (
        <Alert color="govBlue" variant="light" title="Kết quả tạm tính">
          Đợt đánh giá chưa kết thúc: điểm và thứ hạng còn thay đổi theo tự đánh giá và thẩm định.
        </Alert>
      ) : null}
      <Group gap="md">
        <Anchor href={reportPath(id, 'pdf')} target="_blank" rel="noopener">
          Báo cáo kết quả (PDF)
        </Anchor>
        <Anchor href={reportPath(id, 'xlsx')} download>
          Báo cáo kết quả (Excel)
        </Anchor>
      </Group>
      <PageSection order={3} id="par-xep-hang" title="Bảng xếp hạng">
        <ParRankingTable results={results} linkUnits={linkUnits} />
      </PageSection>
      <PageSection order={3} id="par-bieu-do-xep-hang" title="Biểu đồ xếp hạng">
        <RateBarChart bars={bars} label={rankingSummary(results.units)} seriesName="Chỉ số cải cách hành chính" testId="par-ranking-bars" />
      </PageSection>
      <PageSection order={3} id="par-radar" title="Biểu đồ radar theo lĩnh vực">
        <UnitRadar results={results} previous={previous} />
      </PageSection>
      <PageSection order={3} id="par-so-voi-nam-truoc" title="So với năm trước">
        {results.previousRound ? (
          <YearOverYearChart rows={trend} year={results.round.year} />
        ) : (
          <Text size="sm">Chưa có đợt đánh giá cùng cấp đã kết thúc của năm {results.round.year - 1} để so sánh.</Text>
        )}
      </PageSection>
    </Stack>
  );
}
