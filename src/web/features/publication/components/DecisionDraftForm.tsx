import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { problemsFromDetails } from '../../../shared/api.js';
import { todayInVietnam } from '../../../shared/format.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { createDecision, type LegalDocument, type Problem } from '../api/publication-api.js';
import { buildDecision, hasDraftErrors, type DecisionDraft, type DraftErrors, type ItemDraft } from '../decision-draft.js';
import { DecisionItemEditor } from './DecisionItemEditor.js';
import { ProblemList } from './ProblemList.js';

const HEADING_ID = 'soan-quyet-dinh';
const NO_ERRORS: DraftErrors = { fields: {}, items: new Map() };

let nextKey = 0;
function newItem(): ItemDraft {
  return { key: ++nextKey, kind: 'amended', procedureCode: '', replacesCode: '', effectiveFrom: '', legalDocumentNumber: '', recordText: '' };
}

interface DecisionDraftFormProps {
  units: readonly Unit[];
  /** The province (default issuing unit). */
  defaultUnitCode: string | null;
  legalDocuments: readonly LegalDocument[];
  fields: readonly { code: string; name: string }[] | null;
  onCreated: (created: { id: string; number: string; problems: Problem[] }) => void;
  onCancel: () => void;
}

/** Draft a publication decision: its number, date, signer and issuing unit, and the procedures it covers. */
export function DecisionDraftForm({ units, defaultUnitCode, legalDocuments, fields, onCreated, onCancel }: DecisionDraftFormProps) {
  const [draft, setDraft] = useState<DecisionDraft>(() => ({
    number: '',
    issuedOn: todayInVietnam(),
    signer: '',
    unitCode: defaultUnitCode,
    items: [newItem()],
  }));
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const save = useAction();
  const serverProblems = save.error ? problemsFromDetails(save.error.details) : [];

  const set = (change: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setItem = (key: number, change: Partial<ItemDraft>) =>
    setDraft((d) => ({ ...d, items: d.items.map((item) => (item.key === key ? { ...item, ...change } : item)) }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildDecision(draft);
    setErrors(built.errors);
    save.clearError();
    if (!built.input) return;
    const input = built.input;
    const outcome = await save.run(() => createDecision(input));
    if (outcome?.ok) onCreated({ id: outcome.value.id, number: input.number, problems: outcome.value.problems });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={HEADING_ID}>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={HEADING_ID}>
        <Stack gap="md">
          <Title order={2} size="h3" id={HEADING_ID}>
            Soạn quyết định công bố
          </Title>
          <Text size="sm">
            Quyết định được lưu dưới dạng bản nháp. Thủ tục chưa đầy đủ vẫn lưu được; hệ thống liệt kê những điểm còn chặn việc công bố để bổ sung trước khi
            công bố.
          </Text>
          <div className="pub-form-grid">
            <TextInput
              id="so-quyet-dinh"
              label="Số quyết định"
              placeholder="1234/QĐ-UBND"
              value={draft.number}
              onChange={(e) => set({ number: e.currentTarget.value })}
              error={errors.fields.number}
              required
            />
            <TextInput
              id="ngay-ban-hanh"
              type="date"
              label="Ngày ban hành"
              value={draft.issuedOn}
              onChange={(e) => set({ issuedOn: e.currentTarget.value })}
              error={errors.fields.issuedOn}
              required
            />
            <TextInput
              id="nguoi-ky"
              label="Người ký"
              value={draft.signer}
              onChange={(e) => set({ signer: e.currentTarget.value })}
              error={errors.fields.signer}
              required
            />
            <div>
              <UnitSelect
                id="co-quan-ban-hanh"
                label="Cơ quan ban hành"
                units={units}
                value={draft.unitCode}
                onChange={(code) => set({ unitCode: code })}
                levels={['province', 'department']}
                placeholder="Gõ để tìm đơn vị"
              />
              {errors.fields.unitCode ? (
                <Text size="sm" c="govRed.7" mt={4}>
                  {errors.fields.unitCode}
                </Text>
              ) : null}
            </div>
          </div>
          <Stack gap="sm" component="section" aria-label="Các thủ tục trong quyết định">
            {draft.items.map((item, i) => (
              <DecisionItemEditor
                key={item.key}
                item={item}
                index={i}
                errors={errors.items.get(i) ?? {}}
                legalDocuments={legalDocuments}
                fields={fields}
                canRemove={draft.items.length > 1}
                onChange={(change) => setItem(item.key, change)}
                onRemove={() => {
                  setErrors(NO_ERRORS);
                  set({ items: draft.items.filter((other) => other.key !== item.key) });
                }}
              />
            ))}
            {errors.fields.items ? (
              <Text size="sm" c="govRed.7">
                {errors.fields.items}
              </Text>
            ) : null}
            <Group>
              <Button variant="outline" onClick={() => set({ items: [...draft.items, newItem()] })}>
                Thêm thủ tục
              </Button>
            </Group>
          </Stack>
          {hasDraftErrors(errors) ? (
            <Alert color="govRed" variant="light" role="alert" title="Chưa lưu được bản nháp">
              Vui lòng sửa các ô được đánh dấu ở trên.
            </Alert>
          ) : null}
          {save.error ? (
            <Alert color="govRed" variant="light" role="alert" title={save.error.message}>
              {serverProblems.length > 0 ? <ProblemList problems={serverProblems} items={draft.items} /> : null}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={save.pending}>
              Lưu bản nháp
            </Button>
            <Button variant="default" onClick={onCancel} disabled={save.pending}>
              Hủy
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
