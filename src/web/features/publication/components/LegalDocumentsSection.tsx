import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { problemsFromDetails } from '../../../shared/api.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { addLegalDocument, type LegalDocument, type LegalDocumentInput, type LegalDocumentsResponse } from '../api/publication-api.js';
import { EMPTY_LEGAL_DOCUMENT, legalDocumentBody, validateLegalDocument, type LegalDocumentErrors } from '../legal-document-form.js';
import { DateText, SubLine } from './Cells.js';
import { ResponsiveTable, type Column } from './ResponsiveTable.js';

const HEADING_ID = 'van-ban-phap-luat';
function LegalDocumentForm({ onAdded, onCancel }: { onAdded: (number: string) => void; onCancel: () => void }) {
  const [input, setInput] = useState<LegalDocumentInput>(EMPTY_LEGAL_DOCUMENT);
  const [errors, setErrors] = useState<LegalDocumentErrors>({});
  const save = useAction();
  const set = (change: Partial<LegalDocumentInput>) => setInput((d) => ({ ...d, ...change }));
  const serverProblems = save.error ? problemsFromDetails(save.error.details) : [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = validateLegalDocument(input);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const body = legalDocumentBody(input);
    const outcome = await save.run(() => addLegalDocument(body));
    if (outcome?.ok) onAdded(body.number);
  }

  const field = (key: keyof LegalDocumentInput, label: string, type: 'text' | 'date' = 'text', placeholder?: string) => (
    <TextInput
      id={`van-ban-${key}`}
      type={type}
      label={label}
      placeholder={placeholder}
      value={input[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      error={errors[key]}
      required
    />
  );

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Thêm văn bản pháp luật">
      <Stack gap="sm">
        <div className="pub-form-grid">
          {field('number', 'Số, ký hiệu', 'text', '256/2026/NĐ-CP')}
          {field('issuer', 'Cơ quan ban hành', 'text', 'Chính phủ')}
          {field('issuedOn', 'Ngày ban hành', 'date')}
          {field('effectiveFrom', 'Ngày có hiệu lực', 'date')}
        </div>
        {field('title', 'Trích yếu')}
        {save.error ? (
          <Alert color="govRed" variant="light" role="alert" title={save.error.message}>
            {serverProblems.map((p) => (
              <Text key={p.path + p.message} size="sm">
                {p.message}
              </Text>
            ))}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={save.pending}>
            Lưu văn bản
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.pending}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const COLUMNS: Column<LegalDocument>[] = [
  {
    header: 'Văn bản',
    cell: (d) => (
      <>
        <Text component="span" display="block" size="sm" fw={700}>
          {d.number}
        </Text>
        <SubLine>{d.title}</SubLine>
      </>
    ),
  },
  { header: 'Cơ quan ban hành', cell: (d) => d.issuer },
  { header: 'Ngày ban hành', cell: (d) => <DateText iso={d.issuedOn} />, nowrap: true },
  { header: 'Ngày có hiệu lực', cell: (d) => <DateText iso={d.effectiveFrom} />, nowrap: true },
  { header: 'Quyết định công bố', cell: (d) => (d.decisions > 0 ? `${d.decisions} quyết định` : 'Chưa có') },
];

/** The legal documents decisions cite; the watchdog warns when one takes effect without a decision. */
export function LegalDocumentsSection({ query, onNotice }: { query: ApiQuery<LegalDocumentsResponse>; onNotice: (message: string) => void }) {
  const [adding, setAdding] = useState(false);
  const { data, error, loading, reload } = query;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} size="h3" id={HEADING_ID}>
            Văn bản pháp luật làm căn cứ
          </Title>
          {adding ? null : (
            <Button variant="outline" onClick={() => setAdding(true)}>
              Thêm văn bản
            </Button>
          )}
        </Group>
        {adding ? (
          <LegalDocumentForm
            onAdded={(number) => {
              setAdding(false);
              reload();
              onNotice(`Đã thêm văn bản ${number}.`);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : null}
        {loading && !data ? <LoadingState label="Đang tải văn bản…" /> : null}
        {error ? <ErrorState error={error} title="Không tải được văn bản pháp luật" onRetry={reload} /> : null}
        {data && data.documents.length === 0 ? <Text>Chưa có văn bản nào.</Text> : null}
        {data && data.documents.length > 0 ? (
          <ResponsiveTable
            caption="Văn bản pháp luật, mới có hiệu lực ở trên"
            captionId="bang-van-ban"
            rows={data.documents}
            rowKey={(d) => d.id}
            columns={COLUMNS}
            minWidth={820}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
