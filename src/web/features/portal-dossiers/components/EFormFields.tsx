import { NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { EFormFieldView } from '../../data-vault/api/data-vault-api.js';
import { PREFILL_ORIGIN_TEXT, selectOptions, type ConfirmedField, type PrefillOrigin } from '../intake.js';

/** Field ids of the e-form's inputs, so that a failed check can move focus to them. */
export function eFormFieldId(key: string): string {
  return `truong-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const ORIGINS: readonly PrefillOrigin[] = ['registry', 'account'];

/** What the registry and the account gave, shown as data (not inputs), under where it came from. */
export function ConfirmedFacts({ confirmed }: { confirmed: readonly ConfirmedField[] }) {
  const groups = ORIGINS.map((origin) => ({ origin, items: confirmed.filter((c) => c.origin === origin) })).filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap="md" data-testid="confirmed-data">
      <Text size="sm">Thông tin dưới đây đã có sẵn nên bạn không cần nhập lại. Nếu có sai sót, hãy liên hệ cơ quan Công an để điều chỉnh.</Text>
      {groups.map((g) => (
        <section key={g.origin} aria-labelledby={`nguon-${g.origin}`}>
          <Title order={3} size="h5" id={`nguon-${g.origin}`} mb="xs">
            {PREFILL_ORIGIN_TEXT[g.origin]}
          </Title>
          <dl className="pd-facts" data-testid={`confirmed-${g.origin}`}>
            {g.items.map((c) => (
              <div key={c.key}>
                <dt>{c.label}</dt>
                <dd data-testid={c.key === 'fullName' ? 'applicant-name' : `confirmed-${c.key}`}>{c.display}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Stack>
  );
}

interface EFormInputProps {
  field: EFormFieldView;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** One field nothing could fill, as the input its type calls for. */
export function EFormInput({ field, value, onChange, error }: EFormInputProps) {
  const common = {
    id: eFormFieldId(field.key),
    label: field.required ? field.label : `${field.label} (không bắt buộc)`,
    required: field.required,
    error,
  };
  switch (field.type) {
    case 'select':
      return <NativeSelect {...common} data={selectOptions(field)} value={value} onChange={(event) => onChange(event.currentTarget.value)} maw={420} />;
    case 'date':
      return <TextInput {...common} type="date" value={value} onChange={(event) => onChange(event.currentTarget.value)} maw={220} />;
    case 'textarea':
      return <Textarea {...common} value={value} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={3} maxLength={field.maxLength} />;
    case 'personalId':
      return (
        <TextInput
          {...common}
          description="12 chữ số, ghi trên thẻ Căn cước"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          maw={260}
        />
      );
    case 'phone':
      return (
        <TextInput
          {...common}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          maw={320}
        />
      );
    case 'email':
      return <TextInput {...common} type="email" autoComplete="email" value={value} onChange={(event) => onChange(event.currentTarget.value)} maw={420} />;
    case 'text':
      return <TextInput {...common} value={value} onChange={(event) => onChange(event.currentTarget.value)} maxLength={field.maxLength} />;
  }
}
