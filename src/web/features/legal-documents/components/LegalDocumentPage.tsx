import '../../publication/publication.css';
import '../../reform-plan/reform-plan.css';
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  LEGAL_RELATION_LABELS,
  LEGAL_RELATIONS,
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  type ReviewKind,
  type ReviewResult,
} from '../../../../domain/legal-documents/legal-document.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatIsoDate, todayInVietnam } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { PageHeading } from '../../publication/components/PageHeading.js';
import { ActionError } from '../../reform-plan/components/ActionError.js';
import { documentPath, editLegalDocument, linkLegalDocuments, recordLegalReview, type LegalDocumentDetail } from '../api/legal-documents-api.js';
import { aYearAfter, documentBody, documentErrors, documentPage, documentValues, REGISTER_PAGE, type DocumentErrors } from '../legal-view.js';
import { LegalDocumentFields } from './LegalDocumentFields.js';
import { StatusBadge } from './LegalRegisterPage.js';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

function ReviewForm({ doc, onDone }: { doc: LegalDocumentDetail; onDone: () => void }) {
  const today = todayInVietnam();
  const [v, setV] = useState({
    kind: 'review' as ReviewKind,
    reviewedOn: today,
    result: 'keep' as ReviewResult,
    reviewer: 'Sở Tư pháp',
    note: '',
    nextDueOn: aYearAfter(today),
  });
  const send = useMutation(recordLegalReview);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await send.run(doc.id, { ...v, expectedVersion: doc.version, note: v.note.trim() || null, nextDueOn: v.nextDueOn || null })).ok) onDone();
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vb-ra-soat">
      <Stack gap="sm" maw={760}>
        <Title order={2} size="h3" id="vb-ra-soat">
          Ghi nhận rà soát, hệ thống hóa
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id="vb-rs-loai"
            label="Hình thức"
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.currentTarget.value as ReviewKind })}
            data={options(REVIEW_KINDS, REVIEW_KIND_LABELS)}
          />
          <TextInput
            id="vb-rs-ngay"
            type="date"
            label="Ngày rà soát"
            required
            value={v.reviewedOn}
            onChange={(e) => setV({ ...v, reviewedOn: e.currentTarget.value })}
          />
          <NativeSelect
            id="vb-rs-ket-qua"
            label="Kết quả"
            value={v.result}
            onChange={(e) => setV({ ...v, result: e.currentTarget.value as ReviewResult })}
            data={options(REVIEW_RESULTS, REVIEW_RESULT_LABELS)}
          />
          <TextInput
            id="vb-rs-han"
            type="date"
            label="Hạn rà soát tiếp theo"
            value={v.nextDueOn}
            onChange={(e) => setV({ ...v, nextDueOn: e.currentTarget.value })}
          />
        </SimpleGrid>
        <TextInput
          id="vb-rs-nguoi"
          label="Cơ quan, người rà soát"
          required
          value={v.reviewer}
          onChange={(e) => setV({ ...v, reviewer: e.currentTarget.value })}
        />
        <Textarea id="vb-rs-ghi-chu" label="Ghi chú" autosize minRows={1} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
        <ActionError error={send.error} title="Chưa ghi nhận được lần rà soát" />
        <Group>
          <Button type="submit" loading={send.pending}>
            Ghi nhận rà soát
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinkForm({ doc, onDone }: { doc: LegalDocumentDetail; onDone: () => void }) {
  const [relation, setRelation] = useState<(typeof LEGAL_RELATIONS)[number]>('amends');
  const [byNumber, setByNumber] = useState('');
  const send = useMutation(linkLegalDocuments);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await send.run(doc.id, { expectedVersion: doc.version, relation, byNumber: byNumber.trim(), note: null })).ok) {
      setByNumber('');
      onDone();
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vb-lien-quan">
      <Stack gap="sm" maw={760}>
        <Title order={3} size="h4" id="vb-lien-quan">
          Ghi nhận văn bản sửa đổi, bãi bỏ, thay thế văn bản này
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id="vb-lq-quan-he"
            label="Văn bản sau"
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as typeof relation)}
            data={options(LEGAL_RELATIONS, LEGAL_RELATION_LABELS)}
          />
          <TextInput
            id="vb-lq-so"
            label="Số, ký hiệu văn bản sau (đã có trong danh mục)"
            placeholder="03/2026/QĐ-UBND"
            value={byNumber}
            onChange={(e) => setByNumber(e.currentTarget.value)}
          />
        </SimpleGrid>
        <ActionError error={send.error} title="Chưa ghi nhận được" />
        <Group>
          <Button type="submit" variant="outline" loading={send.pending} disabled={byNumber.trim().length < 5}>
            Ghi nhận
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({ doc, onDone }: { doc: LegalDocumentDetail; onDone: () => void }) {
  const [values, setValues] = useState(() => documentValues(doc));
  const [errors, setErrors] = useState<DocumentErrors>({});
  const send = useMutation(editLegalDocument);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = documentErrors(values);
    setErrors(found);
    if (Object.keys(found).length === 0 && (await send.run(doc.id, { ...documentBody(values), expectedVersion: doc.version })).ok) onDone();
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="vb-sua">
      <Stack gap="sm" maw={760}>
        <Title order={2} size="h3" id="vb-sua">
          Sửa thông tin văn bản, lịch rà soát
        </Title>
        <LegalDocumentFields
          idPrefix="vb-sua"
          values={values}
          errors={errors}
          withNumber={false}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        <ActionError error={send.error} title="Chưa lưu được văn bản" />
        <Group>
          <Button type="submit" loading={send.pending}>
            Lưu
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Links({ title, links }: { title: string; links: LegalDocumentDetail['changedBy'] }) {
  if (links.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={700}>{title}</Text>
      <ul className="reform-history">
        {links.map((l) => (
          <li key={`${l.id}-${l.relation}`}>
            <Text size="sm" className="break-anywhere">
              {l.relationLabel}:{' '}
              <Anchor component={Link} to={documentPage(l.id)}>
                {l.number}
              </Anchor>{' '}
              (hiệu lực từ {formatIsoDate(l.effectiveFrom)}) – {l.title}
            </Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

/** /can-bo/van-ban-phap-luat/:id: a document of the register, the documents that changed it, its reviews; recording and correcting. */
export function LegalDocumentPage() {
  const { id } = useParams();
  const query = useApiQuery<LegalDocumentDetail>(id ? documentPath(id) : null);
  const d = query.data;
  usePageTitle(d ? `Văn bản ${d.number}` : 'Văn bản quy phạm pháp luật');
  if (query.loading && !d) return <LoadingState label="Đang tải văn bản…" />;
  if (query.error) return <ErrorState error={query.error} title="Không tải được văn bản" onRetry={query.reload} />;
  if (!d) return null;
  const fields: [string, ReactNode][] = [
    ['Loại văn bản', d.typeLabel],
    ['Cơ quan ban hành', d.issuer],
    ['Ngày ban hành', formatIsoDate(d.issuedOn)],
    ['Ngày có hiệu lực', formatIsoDate(d.effectiveFrom)],
    ['Ngày hết hiệu lực', d.expiresOn ? formatIsoDate(d.expiresOn) : '—'],
    ['Tình trạng', <StatusBadge key="s" doc={d} />],
    ['Hạn rà soát', d.reviewDueOn ? `${formatIsoDate(d.reviewDueOn)}${d.reviewOverdueDays > 0 ? ` (quá hạn ${d.reviewOverdueDays} ngày)` : ''}` : '—'],
    ['Căn cứ quyết định công bố TTHC', d.citedByDecisions > 0 ? `${d.citedByDecisions} quyết định` : 'Không'],
  ];
  return (
    <Stack gap="lg">
      <PageHeading
        title={`Văn bản ${d.number}`}
        action={
          <Button component={Link} to={REGISTER_PAGE} variant="outline">
            Về danh mục
          </Button>
        }
      >
        <Text className="break-anywhere">{d.title}</Text>
      </PageHeading>
      <Paper withBorder p="md" component="section" aria-label="Thông tin văn bản">
        <Stack gap="md">
          <dl className="pub-fields">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Links title="Được sửa đổi, bãi bỏ, thay thế bởi" links={d.changedBy} />
          <Links title="Văn bản này sửa đổi, bãi bỏ, thay thế" links={d.changes} />
          <LinkForm key={`l${d.version}`} doc={d} onDone={query.reload} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="vb-lich-su-ra-soat">
        <Stack gap="sm">
          <Title order={2} size="h3" id="vb-lich-su-ra-soat">
            Các lần rà soát ({d.reviews.length})
          </Title>
          <ul className="reform-history">
            {d.reviews.map((r) => (
              <li key={r.id}>
                <Text size="sm">
                  {r.kindLabel} ngày {formatIsoDate(r.reviewedOn)} ({r.onSchedule ? 'đúng hạn' : `muộn, hạn ${formatIsoDate(r.dueOn!)}`}): {r.resultLabel} –{' '}
                  {r.reviewer}
                  {r.note ? `. ${r.note}` : ''}
                </Text>
              </li>
            ))}
          </ul>
          <ReviewForm key={`r${d.version}`} doc={d} onDone={query.reload} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section">
        <EditForm key={`e${d.version}`} doc={d} onDone={query.reload} />
      </Paper>
    </Stack>
  );
}
