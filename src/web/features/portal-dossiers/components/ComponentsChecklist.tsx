import { Checkbox, NumberInput, Paper, Stack, Text } from '@mantine/core';
import type { ProcedureComponent } from '../../../../domain/catalogue/procedure.js';
import type { Attachment, Attachments } from '../../../shared/attachments.js';
import { componentKey, formLabel, MAX_COPIES, type ComponentChoice, type FieldErrors } from '../submission-form.js';
import { ComponentAttachments } from '../../../shared/components/ComponentAttachments.js';

interface ComponentsChecklistProps {
  components: readonly ProcedureComponent[];
  choices: Record<string, ComponentChoice>;
  errors: FieldErrors;
  onChange: (key: string, choice: ComponentChoice) => void;
  /** Files chosen per paper (in memory only). */
  attachments: Attachments;
  onAttachmentsChange: (key: string, attachments: Attachment[]) => void;
}

/** Field ids, so that a failed check can move focus to the paper concerned. */
export function componentFieldId(key: string): string {
  return `giay-to-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The papers of the procedure: which ones the citizen provides, and how many copies. */
export function ComponentsChecklist({ components, choices, errors, onChange, attachments, onAttachmentsChange }: ComponentsChecklistProps) {
  if (components.length === 0) return <Text>Thủ tục này không yêu cầu giấy tờ kèm theo.</Text>;
  return (
    <ol className="pd-list" aria-label="Các giấy tờ trong hồ sơ" data-testid="components-checklist">
      {components.map((c, index) => {
        const key = componentKey(c, index);
        const choice = choices[key] ?? { provided: false, copies: 1 };
        const error = errors[`component:${key}`];
        const id = componentFieldId(key);
        return (
          <li key={key}>
            <Paper withBorder p="sm">
              <Stack gap="xs">
                <Checkbox
                  id={id}
                  checked={choice.provided}
                  onChange={(event) => onChange(key, { ...choice, provided: event.currentTarget.checked })}
                  label={
                    <>
                      {index + 1}. {c.name}{' '}
                      <Text component="span" size="sm" fw={600}>
                        {c.required ? '(bắt buộc)' : '(nộp nếu có)'}
                      </Text>
                    </>
                  }
                  description={`${formLabel(c.form)}${c.template ? ` · Mẫu: ${c.template}` : ''}`}
                  error={error}
                />
                <NumberInput
                  id={`${id}-so-ban`}
                  label="Số bản"
                  aria-label={`Số bản: ${c.name}`}
                  value={choice.copies}
                  onChange={(value) => onChange(key, { ...choice, copies: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0 })}
                  min={1}
                  max={MAX_COPIES}
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={!choice.provided}
                  w={140}
                  ml={32}
                />
                <div style={{ marginLeft: 32 }}>
                  <ComponentAttachments
                    componentKey={key}
                    componentName={c.name}
                    disabled={!choice.provided}
                    unavailable={!c.code}
                    attachments={attachments[key] ?? []}
                    onChange={(list) => onAttachmentsChange(key, list)}
                  />
                </div>
              </Stack>
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}
