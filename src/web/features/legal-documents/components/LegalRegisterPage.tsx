import '../../publication/publication.css';
import '../../reform-plan/reform-plan.css';
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate, formatNumber, todayInVietnam } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { ResponsiveTable, type Column } from '../../publication/components/ResponsiveTable.js';
import { ActionError } from '../../reform-plan/components/ActionError.js';
import { figuresPath, REGISTER_PATH, registerLegalDocument, type LegalDocumentRow, type LegalFigures, type LegalRegister } from '../api/legal-documents-api.js';
import {
  documentBody,
  documentErrors,
  documentPage,
  EMPTY_DOCUMENT,
  registerQuery,
  STATUS_LOOKS,
  STATUS_OPTIONS,
  type DocumentErrors,
  type DocumentValues,
  type RegisterFilter,
} from '../legal-view.js';
import { LegalDocumentFields } from './LegalDocumentFields.js';

const PAGE_TITLE = 'Văn bản quy phạm pháp luật';

export function StatusBadge({ doc }: { doc: Pick<LegalDocumentRow, 'status' | 'statusLabel'> }) {
  return (
    <Badge {...STATUS_LOOKS[doc.status]} tt="none" classNames={{ root: 'pub-badge', label: 'reform-badge-label' }}>
      {doc.statusLabel}
    </Badge>
  );
}

const COLUMNS: Column<LegalDocumentRow>[] = [
  {
    header: 'Văn bản',
    cell: (d) => (
      <>
        <Anchor component={Link} to={documentPage(d.id)} className="mono">
          {d.number}
        </Anchor>
        <Text component="span" size="sm" display="block" className="break-anywhere">
          {d.title}
        </Text>
      </>
    ),
  },
  { header: 'Loại', cell: (d) => d.typeLabel },
  { header: 'Ngày ban hành', cell: (d) => formatIsoDate(d.issuedOn) },
  { header: 'Ngày có hiệu lực', cell: (d) => formatIsoDate(d.effectiveFrom) },
  { header: 'Tình trạng', cell: (d) => <StatusBadge doc={d} /> },
  {
    header: 'Hạn rà soát',
    cell: (d) => (d.reviewDueOn ? formatIsoDate(d.reviewDueOn) : '—') + (d.reviewOverdueDays > 0 ? ` (quá ${d.reviewOverdueDays} ngày)` : ''),
  },
];

function Figures() {
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const figures = useApiQuery<LegalFigures>(figuresPath(year));
  const f = figures.data;
  const rows: [string, number][] = f
    ? [
        ['Văn bản ban hành trong năm', f.issued],
        ['Lượt rà soát, hệ thống hóa', f.reviews],
        ['Rà soát đúng hạn', f.reviewedOnSchedule],
        ['Rà soát muộn', f.reviewedLate],
        ['Văn bản quá hạn rà soát', f.reviewsOverdue],
        ['Văn bản còn hiệu lực', f.inForce],
      ]
    : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="vb-so-lieu">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="vb-so-lieu">
            Số liệu cho Chỉ số cải cách hành chính
          </Title>
          <TextInput
            id="vb-so-lieu-nam"
            type="number"
            label="Năm"
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value) || year)}
            w={120}
          />
        </Group>
        {figures.error ? <ErrorState error={figures.error} /> : null}
        {f ? (
          <>
            <Text size="sm">Số liệu tại ngày {formatIsoDate(f.asOf)}.</Text>
            <dl className="reform-counts">
              {rows.map(([label, n]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{formatNumber(n)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * /can-bo/van-ban-phap-luat: the province's legal documents with their status (in force, amended, partly expired,
 * expired), the reviews overdue, the year's figures for the PAR INDEX, and a document added.
 */
export function LegalRegisterPage() {
  usePageTitle(PAGE_TITLE);
  const navigate = useNavigate();
  const [filter, setFilter] = useState<RegisterFilter>({ status: '', q: '', year: '' });
  const register = useApiQuery<LegalRegister>(`${REGISTER_PATH}${registerQuery(filter)}`);
  const [values, setValues] = useState<DocumentValues>(EMPTY_DOCUMENT);
  const [errors, setErrors] = useState<DocumentErrors>({});
  const add = useMutation(registerLegalDocument);
  const data = register.data;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = documentErrors(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const done = await add.run({ number: values.number.trim(), ...documentBody(values) });
    if (done.ok) void navigate(documentPage(done.value.id));
  }

  return (
    <Stack gap="lg">
      <PageHeading
        title={PAGE_TITLE}
        action={
          <Button variant="outline" onClick={register.reload} loading={register.loading}>
            Tải lại
          </Button>
        }
      >
        <Text>
          Văn bản quy phạm pháp luật do tỉnh ban hành: hiệu lực, văn bản sửa đổi, bổ sung, bãi bỏ, thay thế; lịch rà soát, hệ thống hóa và văn bản quá hạn rà
          soát.
        </Text>
      </PageHeading>
      <Figures />
      {data && data.overdueReviews.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="vb-qua-han">
          <Stack gap="sm">
            <Title order={2} size="h3" id="vb-qua-han">
              Văn bản quá hạn rà soát ({data.overdueReviews.length})
            </Title>
            <ResponsiveTable
              caption="Văn bản quá hạn rà soát, lâu nhất trước"
              captionId="vb-bang-qua-han"
              rows={data.overdueReviews}
              rowKey={(d) => d.id}
              columns={COLUMNS}
              minWidth={900}
            />
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="vb-danh-muc">
        <Stack gap="sm">
          <Title order={2} size="h3" id="vb-danh-muc">
            Danh mục văn bản{data ? ` (${data.items.length})` : ''}
          </Title>
          <Group align="flex-end" gap="sm">
            <TextInput
              id="vb-tim"
              label="Tìm số, ký hiệu hoặc trích yếu"
              value={filter.q}
              onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })}
            />
            <NativeSelect
              id="vb-tinh-trang"
              label="Tình trạng"
              value={filter.status}
              onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value })}
              data={STATUS_OPTIONS}
            />
            <TextInput
              id="vb-nam"
              label="Năm ban hành"
              inputMode="numeric"
              value={filter.year}
              onChange={(e) => setFilter({ ...filter, year: e.currentTarget.value })}
              w={130}
            />
          </Group>
          {register.loading && !data ? <LoadingState label="Đang tải danh mục văn bản…" /> : null}
          {register.error ? <ErrorState error={register.error} title="Không tải được danh mục văn bản" onRetry={register.reload} /> : null}
          {data && data.items.length === 0 ? <Text>Không có văn bản nào.</Text> : null}
          {data && data.items.length > 0 ? (
            <ResponsiveTable
              caption="Văn bản quy phạm pháp luật của tỉnh, mới nhất trước"
              captionId="vb-bang"
              rows={data.items}
              rowKey={(d) => d.id}
              columns={COLUMNS}
              minWidth={900}
            />
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="vb-them">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm" maw={760}>
            <Title order={2} size="h3" id="vb-them">
              Thêm văn bản vào danh mục
            </Title>
            <LegalDocumentFields idPrefix="vb-them" values={values} errors={errors} withNumber onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} />
            <ActionError error={add.error} title="Chưa thêm được văn bản" />
            <Group>
              <Button type="submit" loading={add.pending}>
                Thêm văn bản
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
