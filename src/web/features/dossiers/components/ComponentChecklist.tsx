import { Checkbox, Text, TextInput } from '@mantine/core';
import { COMPONENT_FORM_LABELS } from '../../../../domain/catalogue/procedure.js';
import type { Attachment, Attachments } from '../../../shared/attachments.js';
import { ComponentAttachments, type AttachmentWording } from '../../../shared/components/ComponentAttachments.js';
import type { ComponentLine } from '../intake-form.js';

interface ComponentChecklistProps {
  lines: readonly ComponentLine[];
  onChange: (lines: ComponentLine[]) => void;
  error?: string | undefined;
  copiesErrors?: Record<string, string> | undefined;
  /** Scans chosen per component code (in memory only), sent once the dossier is received. */
  scans: Attachments;
  onScansChange: (code: string, scans: Attachment[]) => void;
}

const SCAN_WORDING: AttachmentWording = {
  pick: 'Đính kèm bản scan',
  disabledHint: 'Đánh dấu đã nhận để đính kèm bản scan.',
  disabledNote: 'chỉ gửi khi đánh dấu đã nhận',
};

export function checkboxId(code: string): string {
  return `thanh-phan-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The procedure's components as a checklist: tick what was received (Space), then the number of copies, and
 * attach the scans of the paper (digitized: sent right after the dossier is received).
 */
export function ComponentChecklist({ lines, onChange, error, copiesErrors, scans, onScansChange }: ComponentChecklistProps) {
  const update = (code: string, change: Partial<ComponentLine>) => onChange(lines.map((l) => (l.code === code ? { ...l, ...change } : l)));
  return (
    <fieldset className="dos-fieldset" aria-describedby={error ? 'thanh-phan-loi' : undefined}>
      <legend>Thành phần hồ sơ đã nhận</legend>
      {lines.length === 0 ? (
        <Text size="sm">Thủ tục không quy định thành phần hồ sơ.</Text>
      ) : (
        <ul className="dos-checklist">
          {lines.map((line) => (
            <li key={line.code}>
              <Checkbox
                id={checkboxId(line.code)}
                checked={line.checked}
                onChange={(event) => update(line.code, { checked: event.currentTarget.checked })}
                label={line.name}
                description={`${COMPONENT_FORM_LABELS[line.form]}${line.required ? ' · bắt buộc' : ' · nếu có'}`}
              />
              <TextInput
                id={`${checkboxId(line.code)}-so-ban`}
                size="xs"
                label="Số bản"
                aria-label={`Số bản – ${line.name}`}
                inputMode="numeric"
                value={line.copies}
                disabled={!line.checked}
                error={copiesErrors?.[line.code]}
                onChange={(event) => update(line.code, { copies: event.currentTarget.value })}
              />
              <div className="dos-checklist-scans">
                <ComponentAttachments
                  componentKey={line.code}
                  componentName={line.name}
                  disabled={!line.checked}
                  unavailable={!line.code}
                  attachments={scans[line.code] ?? []}
                  onChange={(list) => onScansChange(line.code, list)}
                  wording={SCAN_WORDING}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <Text id="thanh-phan-loi" size="sm" c="govRed.7" mt="xs">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
