import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { PROCEDURE_CODE_PATTERN } from '../../../../domain/catalogue/procedure.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { DECISION_KINDS, fetchProcedure, type DecisionItemKind, type LegalDocument } from '../api/publication-api.js';
import { KIND_LABELS, needsRecord, type ItemDraft, type ItemField } from '../decision-draft.js';
import { parseRecordText, recordFromDetail, recordToText, templateRecord } from '../record-json.js';
import { CompletenessPanel } from './CompletenessPanel.js';

interface DecisionItemEditorProps {
  item: ItemDraft;
  index: number;
  errors: Partial<Record<ItemField, string>>;
  legalDocuments: readonly LegalDocument[];
  fields: readonly { code: string; name: string }[] | null;
  canRemove: boolean;
  onChange: (change: Partial<ItemDraft>) => void;
  onRemove: () => void;
}

const CODE_HINT: Record<DecisionItemKind, string> = {
  new: 'Mã của thủ tục mới, chưa có trong danh mục.',
  amended: 'Mã của thủ tục đang có hiệu lực được sửa đổi, bổ sung.',
  replaced: 'Mã của thủ tục mới thay thế.',
  abolished: 'Mã của thủ tục đang có hiệu lực bị bãi bỏ.',
};

/** The record editor of one item: a JSON text area with live completeness feedback. */
function RecordField({
  item,
  index,
  error,
  fields,
  onChange,
}: Pick<DecisionItemEditorProps, 'item' | 'index' | 'fields' | 'onChange'> & { error?: string | undefined }) {
  const load = useAction();
  const text = useDeferredValue(item.recordText);
  const parsed = useMemo(() => parseRecordText(text), [text]);
  const fieldCodes = useMemo(() => (fields ? new Set(fields.map((f) => f.code)) : null), [fields]);
  const code = item.procedureCode.trim();
  const source = item.kind === 'replaced' ? item.replacesCode.trim() : code;
  const feedbackId = `kiem-tra-${item.key}`;

  async function loadCurrent() {
    const outcome = await load.run(() => fetchProcedure(source));
    if (outcome?.ok) {
      const record = recordFromDetail(outcome.value);
      onChange({ recordText: recordToText(item.kind === 'replaced' && PROCEDURE_CODE_PATTERN.test(code) ? { ...record, code } : record) });
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        {item.kind === 'amended' || item.kind === 'replaced' ? (
          <Button variant="outline" size="xs" onClick={() => void loadCurrent()} loading={load.pending} disabled={!PROCEDURE_CODE_PATTERN.test(source)}>
            {item.kind === 'amended' ? 'Tải nội dung hiện hành' : 'Tải nội dung thủ tục bị thay thế'}
          </Button>
        ) : null}
        {item.kind === 'new' || item.kind === 'replaced' ? (
          <Button
            variant="outline"
            size="xs"
            onClick={() => onChange({ recordText: recordToText(templateRecord(PROCEDURE_CODE_PATTERN.test(code) ? code : '1.000000')) })}
          >
            Dùng mẫu thủ tục mới
          </Button>
        ) : null}
      </Group>
      {load.error ? (
        <Text size="sm" c="govRed.8" role="alert">
          Không tải được thủ tục {source}: {load.error.message}
        </Text>
      ) : null}
      <Textarea
        id={`noi-dung-${item.key}`}
        label={`Nội dung thủ tục (JSON) – mục ${index + 1}`}
        description="Nội dung đầy đủ của thủ tục theo cấu trúc của danh mục. Các nút ở trên tải nội dung hiện hành hoặc một mẫu để sửa. Kết quả kiểm tra hiện ngay bên dưới."
        value={item.recordText}
        onChange={(e) => onChange({ recordText: e.currentTarget.value })}
        error={error}
        autosize
        minRows={8}
        maxRows={24}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        classNames={{ input: 'pub-json' }}
      />
      <CompletenessPanel parsed={parsed} fieldCodes={fieldCodes} id={feedbackId} />
      {fields ? (
        <details className="pub-codes-more">
          <summary>Mã lĩnh vực (fieldCode)</summary>
          <ul className="pub-codes" style={{ flexDirection: 'column' }}>
            {fields.map((f) => (
              <li key={f.code}>
                <span className="mono">{f.code}</span> – {f.name}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Stack>
  );
}

/** One procedure of the decision: what happens to it, from when, on which legal basis, and its content. */
export function DecisionItemEditor({ item, index, errors, legalDocuments, fields, canRemove, onChange, onRemove }: DecisionItemEditorProps) {
  const prefix = `muc-${item.key}`;
  return (
    <fieldset className="pub-item" style={{ minWidth: 0 }}>
      <legend>
        <Text component="span" fw={700}>
          Thủ tục {index + 1}
        </Text>
      </legend>
      <Stack gap="sm">
        <div className="pub-item-fields">
          <NativeSelect
            id={`${prefix}-hinh-thuc`}
            label="Hình thức"
            value={item.kind}
            onChange={(e) => onChange({ kind: e.currentTarget.value as DecisionItemKind })}
            data={DECISION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
          />
          <TextInput
            id={`${prefix}-ma`}
            label="Mã thủ tục"
            description={CODE_HINT[item.kind]}
            placeholder="1.001234"
            value={item.procedureCode}
            onChange={(e) => onChange({ procedureCode: e.currentTarget.value })}
            error={errors.procedureCode}
            required
            classNames={{ input: 'mono' }}
          />
          {item.kind === 'replaced' ? (
            <TextInput
              id={`${prefix}-thay-the`}
              label="Mã thủ tục bị thay thế"
              placeholder="1.001234"
              value={item.replacesCode}
              onChange={(e) => onChange({ replacesCode: e.currentTarget.value })}
              error={errors.replacesCode}
              required
              classNames={{ input: 'mono' }}
            />
          ) : null}
          <TextInput
            id={`${prefix}-hieu-luc`}
            type="date"
            label="Ngày có hiệu lực"
            value={item.effectiveFrom}
            onChange={(e) => onChange({ effectiveFrom: e.currentTarget.value })}
            error={errors.effectiveFrom}
            required
          />
          <NativeSelect
            id={`${prefix}-van-ban`}
            label="Văn bản căn cứ"
            value={item.legalDocumentNumber}
            onChange={(e) => onChange({ legalDocumentNumber: e.currentTarget.value })}
            data={[{ value: '', label: 'Không có' }, ...legalDocuments.map((d) => ({ value: d.number, label: d.number }))]}
          />
        </div>
        {needsRecord(item.kind) ? <RecordField item={item} index={index} error={errors.record} fields={fields} onChange={onChange} /> : null}
        {canRemove ? (
          <Group>
            <Button variant="subtle" color="govRed" onClick={onRemove}>
              Bỏ thủ tục {index + 1}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </fieldset>
  );
}
