import { Group, Radio } from '@mantine/core';
import { CHANNEL_LABELS, CHANNELS } from '../../../../domain/catalogue/procedure.js';
import type { ActionFormValues } from '../action-forms.js';

type ReturnMethod = ActionFormValues['method'];

/** How the result is returned to the applicant (one of the channels); the chosen one takes the focus when the form opens. */
export function ReturnMethodField({ value, onChange, error }: { value: ReturnMethod; onChange: (method: ReturnMethod) => void; error?: string | undefined }) {
  return (
    <Radio.Group label="Hình thức trả kết quả" withAsterisk value={value} onChange={(v) => onChange(v as ReturnMethod)} error={error}>
      <Group gap="lg" mt={6}>
        {CHANNELS.map((c) => (
          <Radio key={c} value={c} label={CHANNEL_LABELS[c]} {...(c === value ? { 'data-autofocus': true } : {})} />
        ))}
      </Group>
    </Radio.Group>
  );
}
