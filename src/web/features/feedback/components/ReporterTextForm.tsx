import '../../portal-dossiers/portal-dossiers.css';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../../shared/api.js';

interface ReporterTextFormProps {
  id: string;
  legend: string;
  label: string;
  description: string;
  /** Fewest characters the server takes. */
  min: number;
  max: number;
  submitLabel: string;
  /** Sends the text; throws the server's refusal. */
  onSend: (text: string) => Promise<void>;
}

/** One text the reporter sends about their item (the supplement asked for, or why they re-raise it). */
export function ReporterTextForm({ id, legend, label, description, min, max, submitLabel, onSend }: ReporterTextFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (value.length < min) {
      setError(value === '' ? `Nhập ${label.toLowerCase()}.` : `Cần ít nhất ${min} ký tự.`);
      document.getElementById(id)?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onSend(value);
    } catch (e) {
      setError(toApiError(e).message);
      document.getElementById(id)?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={legend}>
      <fieldset className="pd-fieldset">
        <legend>{legend}</legend>
        <Stack gap="sm">
          <Textarea
            id={id}
            label={label}
            description={description}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={max}
            required
            error={error}
          />
          <Group>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
