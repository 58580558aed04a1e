import '../../ratings/ratings.css';
import { Radio, Text } from '@mantine/core';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  /** The radio group's name (unique on the page). */
  name: string;
  legend: string;
  /** The question in full, read out with the group. */
  hint?: string | undefined;
  choices: readonly Choice[];
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  testId?: string;
}

/**
 * A question as a fieldset with its legend and native radio buttons (arrow keys move between the answers, the group is
 * one Tab stop), each answer a large target that stacks on a phone; an error is said next to the legend.
 */
export function ChoiceGroup({ name, legend, hint, choices, value, error, onChange, testId }: ChoiceGroupProps) {
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="rt-question" aria-describedby={described || undefined} data-invalid={error ? true : undefined} data-testid={testId}>
      <legend>{legend}</legend>
      {hint ? <Text id={`${name}-hint`}>{hint}</Text> : null}
      {error ? (
        <Text id={`${name}-error`} c="govRed.8" fw={600} mt={4}>
          {error}
        </Text>
      ) : null}
      <div className="rt-options">
        {choices.map((choice) => (
          <div key={choice.value} className="rt-option" data-checked={value === choice.value ? true : undefined}>
            <Radio name={name} value={choice.value} label={choice.label} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
