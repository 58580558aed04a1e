import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { ConfirmModal } from '../../calendar/components/ConfirmModal.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { deleteDecision, publishDecision, type DecisionDetail, type DecisionItem } from '../api/publication-api.js';
import { KIND_LABELS } from '../decision-draft.js';
import { useDecision } from '../hooks/useDecisions.js';
import { DateText, SubLine } from './Cells.js';
import { instantDate } from './DecisionList.js';
import { DecisionStatusBadge } from './DecisionStatusBadge.js';
import { ProblemList } from './ProblemList.js';
import { PublishModal } from './PublishModal.js';
import { ResponsiveTable, type Column } from './ResponsiveTable.js';

const HEADING_ID = 'chi-tiet-quyet-dinh';

interface DecisionDetailPanelProps {
  id: string;
  nameOf: (code: string) => string | null;
  /** After a publication or a deletion: the list changes; `deleted` closes the panel. */
  onChanged: (message: string, change: 'published' | 'deleted') => void;
  onClose: () => void;
}

function ItemsTable({ items }: { items: readonly DecisionItem[] }) {
  const columns: Column<DecisionItem & { index: number }>[] = [
    {
      header: 'Thủ tục',
      cell: (item) => (
        <>
          <Text component="span" display="block" size="sm" fw={700} className="mono">
            {item.index + 1}. {item.procedureCode}
          </Text>
          <SubLine>{item.record?.name ?? (item.kind === 'abolished' ? 'Thủ tục bị bãi bỏ' : 'Chưa có nội dung')}</SubLine>
        </>
      ),
    },
    {
      header: 'Hình thức',
      cell: (item) => (item.kind === 'replaced' && item.replacesCode ? `${KIND_LABELS.replaced} thủ tục ${item.replacesCode}` : KIND_LABELS[item.kind]),
    },
    { header: 'Ngày có hiệu lực', cell: (item) => <DateText iso={item.effectiveFrom} />, nowrap: true },
    { header: 'Văn bản căn cứ', cell: (item) => item.legalDocumentNumber ?? '—' },
  ];
  return (
    <ResponsiveTable
      caption="Các thủ tục trong quyết định"
      captionId="bang-thu-tuc-quyet-dinh"
      rows={items.map((item, index) => ({ ...item, index }))}
      rowKey={(item) => item.index}
      columns={columns}
      minWidth={640}
    />
  );
}

function Facts({ decision, nameOf }: { decision: DecisionDetail; nameOf: (code: string) => string | null }) {
  return (
    <dl className="pub-fields">
      <div>
        <dt>Trạng thái</dt>
        <dd>
          <DecisionStatusBadge status={decision.status} />
        </dd>
      </div>
      <div>
        <dt>Ngày ban hành</dt>
        <dd>
          <DateText iso={decision.issuedOn} />
        </dd>
      </div>
      <div>
        <dt>Người ký</dt>
        <dd>{decision.signer}</dd>
      </div>
      <div>
        <dt>Cơ quan ban hành</dt>
        <dd>{nameOf(decision.unitCode) ?? decision.unitCode}</dd>
      </div>
      <div>
        <dt>Ngày công bố</dt>
        <dd>{decision.publishedAt ? instantDate(decision.publishedAt) : 'Chưa công bố'}</dd>
      </div>
    </dl>
  );
}

/** One decision: its items, what still blocks it, and for a draft the "Công bố" and "Xóa" actions. */
export function DecisionDetailPanel({ id, nameOf, onChanged, onClose }: DecisionDetailPanelProps) {
  const { data, error, loading, reload } = useDecision(id);
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const publish = useAction();
  const remove = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  // A newly opened decision takes the focus, so that keyboard and screen-reader users land on it.
  useEffect(() => {
    if (data?.id === id) heading.current?.focus();
  }, [data?.id, id]);

  async function confirmPublish() {
    const outcome = await publish.run(() => publishDecision(id));
    if (outcome?.ok) {
      setPublishing(false);
      reload();
      onChanged(`Đã công bố quyết định ${data?.number ?? ''} (${outcome.value.items} thủ tục).`, 'published');
    } else if (outcome && outcome.error.status !== 422) {
      reload();
    }
  }

  async function confirmDelete() {
    const outcome = await remove.run(() => deleteDecision(id));
    if (outcome?.ok) {
      setDeleting(false);
      onChanged(`Đã xóa bản nháp quyết định ${data?.number ?? ''}.`, 'deleted');
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={HEADING_ID} data-testid="decision-detail">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h3" id={HEADING_ID} ref={heading} tabIndex={-1}>
            {data ? `Quyết định số ${data.number}` : 'Quyết định công bố'}
          </Title>
          <Button variant="subtle" onClick={onClose}>
            Đóng
          </Button>
        </Group>
        {loading && !data ? <LoadingState label="Đang tải quyết định…" /> : null}
        {error ? <ErrorState error={error} title="Không tải được quyết định" onRetry={reload} /> : null}
        {data ? (
          <>
            <Facts decision={data} nameOf={nameOf} />
            <ItemsTable items={data.items} />
            {data.status === 'draft' && data.problems.length > 0 ? (
              <Alert color="govRed" variant="light" title={`Còn ${data.problems.length} điểm chặn việc công bố`} data-testid="decision-problems">
                <ProblemList problems={data.problems} items={data.items} />
              </Alert>
            ) : null}
            {data.status === 'draft' && data.problems.length === 0 ? (
              <Alert color="green" variant="light" title="Đủ điều kiện công bố" classNames={{ title: 'pub-success-title' }}>
                Các thủ tục trong quyết định đã đầy đủ và khớp với danh mục hiện hành.
              </Alert>
            ) : null}
            {data.status === 'draft' ? (
              <Group gap="sm">
                <Button
                  onClick={() => {
                    publish.clearError();
                    setPublishing(true);
                  }}
                >
                  Công bố
                </Button>
                <Button
                  variant="outline"
                  color="govRed"
                  onClick={() => {
                    remove.clearError();
                    setDeleting(true);
                  }}
                >
                  Xóa bản nháp
                </Button>
              </Group>
            ) : null}
            <PublishModal
              decision={data}
              opened={publishing}
              pending={publish.pending}
              error={publish.error}
              onConfirm={() => void confirmPublish()}
              onClose={() => setPublishing(false)}
            />
            <ConfirmModal
              opened={deleting}
              title={`Xóa bản nháp ${data.number}`}
              confirmLabel="Xóa bản nháp"
              pending={remove.pending}
              error={remove.error?.message ?? null}
              onConfirm={() => void confirmDelete()}
              onClose={() => setDeleting(false)}
            >
              <Text size="sm">Bản nháp quyết định và {data.items.length} thủ tục trong đó sẽ bị xóa. Không thể hoàn tác.</Text>
            </ConfirmModal>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
