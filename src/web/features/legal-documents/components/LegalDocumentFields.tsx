import { NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { MARKED_STATUSES, LEGAL_STATUS_LABELS } from '../../../../domain/legal-documents/legal-document.js';
import { TYPE_OPTIONS, typeFromNumber, type DocumentErrors, type DocumentValues } from '../legal-view.js';

interface FieldsProps {
  idPrefix: string;
  values: DocumentValues;
  errors: DocumentErrors;
  /** False when correcting a document: its number stays. */
  withNumber: boolean;
  onChange: (patch: Partial<DocumentValues>) => void;
}

const MARK_OPTIONS = MARKED_STATUSES.map((s) => ({ value: s, label: s === 'inForce' ? 'Không (theo ngày và văn bản liên quan)' : LEGAL_STATUS_LABELS[s] }));

/** A document's fields: number (its type read from it), title, issuer, dates, a status marked by hand, the next review. */
export function LegalDocumentFields({ idPrefix, values, errors, withNumber, onChange }: FieldsProps) {
  const date = (key: 'issuedOn' | 'effectiveFrom' | 'expiresOn' | 'reviewDueOn', label: string, required = false) => (
    <TextInput
      id={`${idPrefix}-${key}`}
      type="date"
      label={label}
      required={required}
      value={values[key]}
      onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      error={errors[key]}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {withNumber ? (
          <TextInput
            id={`${idPrefix}-so`}
            label="Số, ký hiệu"
            placeholder="12/2024/QĐ-UBND"
            required
            value={values.number}
            onChange={(e) => {
              const number = e.currentTarget.value;
              onChange({ number, ...(typeFromNumber(number) ? { type: typeFromNumber(number)! } : {}) });
            }}
            error={errors.number}
          />
        ) : null}
        <NativeSelect
          id={`${idPrefix}-loai`}
          label="Loại văn bản"
          value={values.type}
          onChange={(e) => onChange({ type: e.currentTarget.value as DocumentValues['type'] })}
          data={TYPE_OPTIONS}
        />
      </SimpleGrid>
      <Textarea
        id={`${idPrefix}-trich-yeu`}
        label="Trích yếu"
        required
        autosize
        minRows={2}
        value={values.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        error={errors.title}
      />
      <TextInput
        id={`${idPrefix}-co-quan`}
        label="Cơ quan ban hành"
        required
        value={values.issuer}
        onChange={(e) => onChange({ issuer: e.currentTarget.value })}
        error={errors.issuer}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {date('issuedOn', 'Ngày ban hành', true)}
        {date('effectiveFrom', 'Ngày có hiệu lực', true)}
        {date('expiresOn', 'Ngày hết hiệu lực (nếu có)')}
        {date('reviewDueOn', 'Hạn rà soát tiếp theo')}
      </SimpleGrid>
      <NativeSelect
        id={`${idPrefix}-danh-dau`}
        label="Sửa đổi, hết hiệu lực một phần bởi văn bản ngoài danh mục của tỉnh"
        value={values.markedStatus}
        onChange={(e) => onChange({ markedStatus: e.currentTarget.value as DocumentValues['markedStatus'] })}
        data={MARK_OPTIONS}
      />
    </Stack>
  );
}
