import '../publication.css';
import { Anchor, Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DEFAULT_WATCHDOG_RULES } from '../../../../domain/catalogue/watchdog.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { useWatchdog } from '../hooks/useWatchdog.js';
import { ALL_UNITS, COMMUNE_UNITS, COMMUNE_LABEL, summaryParts, summaryText, unitFilterOptions, watchdogView } from '../watchdog-view.js';
import { NationalCatalogueSection } from './NationalCatalogueSection.js';
import { PageHeading } from './PageHeading.js';
import { DECISIONS_PAGE, LateDecisionsTable, MissingDecisionsTable, PublicationDelaysTable } from './WatchdogTables.js';

const PAGE_TITLE = 'Theo dõi công bố TTHC';

function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title} ({count})
        </Title>
        {count === 0 ? <Text>{empty}</Text> : children}
      </Stack>
    </Paper>
  );
}

/**
 * The provincial office's watchdog (scorecard indicators 1.1–1.3): decisions issued late, procedures
 * made public late or about to be, and legal documents in force or about to be without a decision.
 */
export function PublicationWatchdogPage() {
  usePageTitle(PAGE_TITLE);
  const { data, error, loading, reload } = useWatchdog();
  const { data: unitData } = useUnits();
  const [unitFilter, setUnitFilter] = useState(ALL_UNITS);

  const nameOf = useMemo(() => {
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? null;
  }, [unitData]);
  const options = useMemo(() => (data ? unitFilterOptions(data, nameOf) : []), [data, nameOf]);
  // A unit chosen before a reload may no longer appear in any finding: fall back to every unit.
  const filter = options.some((o) => o.value === unitFilter) ? unitFilter : ALL_UNITS;
  const view = useMemo(() => (data ? watchdogView(data, filter) : null), [data, filter]);
  const filterName = filter === ALL_UNITS ? null : filter === COMMUNE_UNITS ? COMMUNE_LABEL : (nameOf(filter) ?? filter);
  const { decisionLeadWorkingDays, publishWithinWorkingDays } = DEFAULT_WATCHDOG_RULES;

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button variant="outline" onClick={reload} loading={loading}>
            Tải lại
          </Button>
        }
      >
        <Text>
          Theo dõi việc ban hành và công khai quyết định công bố thủ tục hành chính (TTHC) của tỉnh. Theo mặc định, quyết định phải ban hành chậm nhất{' '}
          {decisionLeadWorkingDays} ngày làm việc trước ngày văn bản căn cứ có hiệu lực, và thủ tục phải được công khai trong {publishWithinWorkingDays} ngày
          làm việc kể từ ngày ban hành quyết định.
        </Text>
        <Text size="sm">
          Soạn và công bố quyết định tại trang{' '}
          <Anchor component={Link} to={DECISIONS_PAGE}>
            Quyết định công bố
          </Anchor>
          .
        </Text>
      </PageHeading>
      {loading && !data ? <LoadingState label="Đang tải tình hình công bố…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được tình hình công bố" onRetry={reload} /> : null}
      {data && view ? (
        <>
          <Paper withBorder p="md" bg="gray.0">
            <Stack gap="sm">
              <Text fw={700} data-testid="watchdog-summary" aria-live="polite">
                Ngày {formatIsoDate(data.today)}
                {filterName ? ` (${filterName})` : ''}: {summaryText(summaryParts(view))}
              </Text>
              <NativeSelect
                id="loc-don-vi-cong-bo"
                label="Lọc theo đơn vị thực hiện"
                description="Văn bản chưa có quyết định công bố chưa gắn với đơn vị nên luôn được hiển thị đầy đủ."
                value={filter}
                onChange={(e) => setUnitFilter(e.currentTarget.value)}
                data={options}
                maw={480}
              />
            </Stack>
          </Paper>
          <Section
            id="quyet-dinh-ban-hanh-muon"
            title="Quyết định ban hành muộn"
            count={view.lateDecisions.length}
            empty="Không có quyết định nào ban hành muộn."
          >
            <LateDecisionsTable rows={view.lateDecisions} nameOf={nameOf} />
          </Section>
          <Section
            id="cong-khai-muon"
            title="Công khai muộn, quá hạn, sắp đến hạn"
            count={view.publicationDelays.length}
            empty="Không có quyết định nào công khai muộn, quá hạn hay sắp đến hạn công khai."
          >
            <PublicationDelaysTable rows={view.publicationDelays} nameOf={nameOf} />
          </Section>
          <Section
            id="van-ban-chua-co-quyet-dinh"
            title="Văn bản chưa có quyết định công bố"
            count={view.missingDecisions.length}
            empty="Không có văn bản nào đã có hoặc sắp có hiệu lực mà chưa có quyết định công bố."
          >
            <MissingDecisionsTable rows={view.missingDecisions} />
          </Section>
        </>
      ) : null}
      <NationalCatalogueSection />
    </Stack>
  );
}
