import { Checkbox, NumberInput, Paper, Radio, Stack, Text } from '@mantine/core';
import type { ProcedureComponent } from '../../../../domain/catalogue/procedure.js';
import type { Attachment, Attachments } from '../../../shared/attachments.js';
import { componentKey, formLabel, MAX_COPIES, type ComponentChoice, type FieldErrors } from '../submission-form.js';
import { ComponentAttachments } from '../../../shared/components/ComponentAttachments.js';
import type { VaultDocument } from '../../data-vault/api/data-vault-api.js';
import { documentLine } from '../../data-vault/vault-view.js';

interface ComponentsChecklistProps {
  components: readonly ProcedureComponent[];
  choices: Record<string, ComponentChoice>;
  errors: FieldErrors;
  onChange: (key: string, choice: ComponentChoice) => void;
  /** Files chosen per paper (in memory only). */
  attachments: Attachments;
  onAttachmentsChange: (key: string, attachments: Attachment[]) => void;
  /** The citizen's vault documents that can meet a paper, by componentKey. */
  offered?: Readonly<Record<string, readonly VaultDocument[]>>;
}

/** Field ids, so that a failed check can move focus to the paper concerned. */
export function componentFieldId(key: string): string {
  return `giay-to-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const OWN_PAPER = 'paper';
const NO_PAPER = 'none';

function radioValue(choice: ComponentChoice): string {
  if (choice.vaultDocumentId) return `vault:${choice.vaultDocumentId}`;
  return choice.provided ? OWN_PAPER : NO_PAPER;
}

/**
 * The papers of the procedure: which ones the citizen provides, and how many copies; where their data vault
 * holds a document that meets a paper, they choose between it and their own paper.
 */
export function ComponentsChecklist({ components, choices, errors, onChange, attachments, onAttachmentsChange, offered = {} }: ComponentsChecklistProps) {
  if (components.length === 0) return <Text>Thủ tục này không yêu cầu giấy tờ kèm theo.</Text>;
  return (
    <ol className="pd-list" aria-label="Các giấy tờ trong hồ sơ" data-testid="components-checklist">
      {components.map((c, index) => {
        const key = componentKey(c, index);
        const choice = choices[key] ?? { provided: false, copies: 1, vaultDocumentId: null };
        const error = errors[`component:${key}`];
        const id = componentFieldId(key);
        const docs = offered[key] ?? [];
        const title = (
          <>
            {index + 1}. {c.name}{' '}
            <Text component="span" size="sm" fw={600}>
              {c.required ? '(bắt buộc)' : '(nộp nếu có)'}
            </Text>
          </>
        );
        const description = `${formLabel(c.form)}${c.template ? ` · Mẫu: ${c.template}` : ''}`;
        const ownPaper = (
          <OwnPaper
            component={c}
            componentKey={key}
            id={id}
            choice={choice}
            disabled={!choice.provided || choice.vaultDocumentId !== null}
            onChange={(next) => onChange(key, next)}
            attachments={attachments[key] ?? []}
            onAttachmentsChange={(list) => onAttachmentsChange(key, list)}
          />
        );
        return (
          <li key={key}>
            <Paper withBorder p="sm">
              {docs.length > 0 ? (
                <Radio.Group
                  label={title}
                  description={`${description} · Giấy tờ này có sẵn trong kho dữ liệu của bạn: chọn để dùng, không cần tải tệp lên.`}
                  value={radioValue(choice)}
                  onChange={(value) =>
                    onChange(key, {
                      ...choice,
                      provided: value !== NO_PAPER,
                      vaultDocumentId: value.startsWith('vault:') ? value.slice('vault:'.length) : null,
                    })
                  }
                  error={error}
                  data-testid="vault-choice"
                  data-component={c.code}
                >
                  <Stack gap="xs" mt="xs">
                    {docs.map((doc, i) => (
                      <Radio
                        key={doc.id}
                        id={i === 0 ? id : undefined}
                        value={`vault:${doc.id}`}
                        label={`Dùng giấy tờ có sẵn trong kho dữ liệu: ${doc.title}`}
                        description={documentLine(doc)}
                      />
                    ))}
                    <Radio value={OWN_PAPER} label="Tự nộp giấy tờ (đính kèm tệp hoặc nộp bản giấy)" />
                    {c.required ? null : <Radio value={NO_PAPER} label="Không nộp giấy tờ này" />}
                    {choice.provided && !choice.vaultDocumentId ? ownPaper : null}
                  </Stack>
                </Radio.Group>
              ) : (
                <Stack gap="xs">
                  <Checkbox
                    id={id}
                    checked={choice.provided}
                    onChange={(event) => onChange(key, { ...choice, provided: event.currentTarget.checked, vaultDocumentId: null })}
                    label={title}
                    description={description}
                    error={error}
                  />
                  {ownPaper}
                </Stack>
              )}
            </Paper>
          </li>
        );
      })}
    </ol>
  );
}

interface OwnPaperProps {
  component: ProcedureComponent;
  componentKey: string;
  id: string;
  choice: ComponentChoice;
  disabled: boolean;
  onChange: (choice: ComponentChoice) => void;
  attachments: Attachment[];
  onAttachmentsChange: (attachments: Attachment[]) => void;
}

/** The citizen's own paper: how many copies, and its electronic copies to attach. */
function OwnPaper({ component: c, componentKey: key, id, choice, disabled, onChange, attachments, onAttachmentsChange }: OwnPaperProps) {
  return (
    <>
      <NumberInput
        id={`${id}-so-ban`}
        label="Số bản"
        aria-label={`Số bản: ${c.name}`}
        value={choice.copies}
        onChange={(value) => onChange({ ...choice, copies: typeof value === 'number' ? value : Number.parseInt(value, 10) || 0 })}
        min={1}
        max={MAX_COPIES}
        allowDecimal={false}
        allowNegative={false}
        disabled={disabled}
        w={140}
        ml={32}
      />
      <div style={{ marginLeft: 32 }}>
        <ComponentAttachments
          componentKey={key}
          componentName={c.name}
          disabled={disabled}
          unavailable={!c.code}
          attachments={attachments}
          onChange={onAttachmentsChange}
        />
      </div>
    </>
  );
}
