import '../publication.css';
import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isUnitInForce } from '../../../../domain/units/unit.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { useDecisions } from '../hooks/useDecisions.js';
import { useLegalDocuments, useProcedureFields } from '../hooks/useLegalDocuments.js';
import { DecisionDetailPanel } from './DecisionDetailPanel.js';
import { DecisionDraftForm } from './DecisionDraftForm.js';
import { DecisionList } from './DecisionList.js';
import { LegalDocumentsSection } from './LegalDocumentsSection.js';
import { PageHeading } from './PageHeading.js';

const PAGE_TITLE = 'Quyết định công bố';
const LIST_HEADING_ID = 'danh-sach-quyet-dinh';
export const WATCHDOG_PAGE = '/can-bo/cong-bo-thu-tuc';

/** Publication decisions: the list, one decision with its problems, drafting, publishing; legal documents. */
export function PublicationDecisionsPage() {
  usePageTitle(PAGE_TITLE);
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const [drafting, setDrafting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const decisions = useDecisions();
  const legalDocuments = useLegalDocuments();
  const { data: fieldData } = useProcedureFields();
  const { data: unitData } = useUnits();

  const units = useMemo(() => unitData?.units ?? [], [unitData]);
  const nameOf = useMemo(() => {
    const names = new Map(units.map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? null;
  }, [units]);
  const province = useMemo(() => {
    const today = todayInVietnam();
    return units.find((u) => u.level === 'province' && u.parentCode === null && isUnitInForce(u, today))?.code ?? null;
  }, [units]);

  const select = (id: string | null) => setParams(id === null ? {} : { id });

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          drafting ? null : (
            <Button
              onClick={() => {
                setNotice(null);
                setDrafting(true);
              }}
            >
              Soạn quyết định mới
            </Button>
          )
        }
      >
        <Text>
          Soạn quyết định công bố thủ tục hành chính mới, sửa đổi, bổ sung, thay thế hoặc bãi bỏ; kiểm tra tính đầy đủ và công bố vào danh mục. Theo dõi thời
          hạn tại trang{' '}
          <Anchor component={Link} to={WATCHDOG_PAGE}>
            Theo dõi công bố TTHC
          </Anchor>
          .
        </Text>
      </PageHeading>
      {notice ? (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel="Ẩn thông báo" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {drafting && !unitData ? <LoadingState label="Đang tải danh sách đơn vị…" /> : null}
      {drafting && unitData ? (
        <DecisionDraftForm
          units={units}
          defaultUnitCode={province}
          legalDocuments={legalDocuments.data?.documents ?? []}
          fields={fieldData?.fields ?? null}
          onCancel={() => setDrafting(false)}
          onCreated={({ id, number, problems }) => {
            setDrafting(false);
            setNotice(
              problems.length === 0
                ? `Đã lưu bản nháp quyết định ${number}. Quyết định đủ điều kiện công bố.`
                : `Đã lưu bản nháp quyết định ${number}. Còn ${problems.length} điểm chặn việc công bố.`,
            );
            decisions.reload();
            select(id);
          }}
        />
      ) : null}
      {selectedId ? (
        <DecisionDetailPanel
          key={selectedId}
          id={selectedId}
          nameOf={nameOf}
          onClose={() => select(null)}
          onChanged={(message, change) => {
            setNotice(message);
            decisions.reload();
            legalDocuments.reload();
            if (change === 'deleted') select(null);
          }}
        />
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby={LIST_HEADING_ID}>
        <Stack gap="md">
          <Title order={2} size="h3" id={LIST_HEADING_ID}>
            Danh sách quyết định
          </Title>
          {decisions.loading && !decisions.data ? <LoadingState label="Đang tải danh sách quyết định…" /> : null}
          {decisions.error ? <ErrorState error={decisions.error} title="Không tải được danh sách quyết định" onRetry={decisions.reload} /> : null}
          {decisions.data && decisions.data.decisions.length === 0 ? <Text>Chưa có quyết định công bố nào.</Text> : null}
          {decisions.data && decisions.data.decisions.length > 0 ? <DecisionList decisions={decisions.data.decisions} selectedId={selectedId} /> : null}
        </Stack>
      </Paper>
      <LegalDocumentsSection query={legalDocuments} onNotice={setNotice} />
    </Stack>
  );
}
