import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ParActions } from '../hooks/usePar.js';

interface ActionMessageProps {
  actions: ParActions;
  actionKey: string;
  /** Only the notice, or only the refusal (a dialog shows the refusal, the page the notice once it has closed). */
  only?: 'ok' | 'refused';
}

/** The answer to the action of the form `actionKey`, where it was done: a notice, or the refusal with every problem. */
export function ActionMessage({ actions, actionKey, only }: ActionMessageProps) {
  const outcome = actions.outcome;
  if (!outcome || outcome.key !== actionKey || (only === 'ok' && !outcome.ok) || (only === 'refused' && outcome.ok)) return null;
  if (outcome.ok)
    return (
      <Alert color="govBlue" variant="light" role="status" data-testid="par-notice" p="xs">
        <Text size="sm">{outcome.message}</Text>
      </Alert>
    );
  return (
    <Alert color="govRed" variant="light" role="alert" title="Chưa thực hiện được" data-testid="par-error" p="xs">
      <Text size="sm">{outcome.message}</Text>
      {outcome.problems.length > 0 ? (
        <ul className="par-problems">
          {outcome.problems.map((p) => (
            <li key={p}>
              <Text size="sm" className="break-anywhere">
                {p}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

interface FormFooterProps {
  actions: ParActions;
  actionKey: string;
  /** A button that acts by itself; without it, the form's submit button. */
  onClick?: () => void;
  color?: string;
  children: ReactNode;
}

/** An action's answer and its button, busy while the action runs and disabled while another does. */
export function FormFooter({ actions, actionKey, onClick, color, children }: FormFooterProps) {
  return (
    <>
      <ActionMessage actions={actions} actionKey={actionKey} />
      <Group>
        <Button
          type={onClick ? 'button' : 'submit'}
          size="sm"
          color={color}
          onClick={onClick}
          loading={actions.pending === actionKey}
          disabled={actions.pending !== null && actions.pending !== actionKey}
        >
          {children}
        </Button>
      </Group>
    </>
  );
}
