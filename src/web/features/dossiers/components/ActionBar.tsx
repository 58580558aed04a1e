import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { ACTION_LABELS, type ActionType } from '../../../../domain/dossier/dossier.js';
import { DESTRUCTIVE_ACTIONS, HIDDEN_ACTIONS, PRIMARY_ACTIONS } from '../action-forms.js';

interface ActionBarProps {
  actions: readonly ActionType[];
  pending: boolean;
  onAction: (type: ActionType) => void;
}

const HEADING_ID = 'thao-tac-ho-so';

/** The actions this official may take now (computed by the server), the next workflow move first. */
export function ActionBar({ actions, pending, onAction }: ActionBarProps) {
  const shown = actions.filter((a) => !HIDDEN_ACTIONS.has(a));
  const primary = shown.filter((a) => PRIMARY_ACTIONS.has(a));
  const secondary = shown.filter((a) => !PRIMARY_ACTIONS.has(a) && !DESTRUCTIVE_ACTIONS.has(a));
  const destructive = shown.filter((a) => DESTRUCTIVE_ACTIONS.has(a));
  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING_ID} data-testid="dossier-actions">
      <Title order={2} size="h4" id={HEADING_ID}>
        Thao tác
      </Title>
      {shown.length === 0 ? (
        <Text size="sm">Bạn không có thao tác nào trên hồ sơ ở trạng thái hiện tại.</Text>
      ) : (
        <Group gap="sm">
          {primary.map((a) => (
            <Button key={a} onClick={() => onAction(a)} disabled={pending}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
          {secondary.map((a) => (
            <Button key={a} variant="default" onClick={() => onAction(a)} disabled={pending}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
          {destructive.map((a) => (
            <Button key={a} variant="outline" color="govRed" onClick={() => onAction(a)} disabled={pending}>
              {ACTION_LABELS[a]}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
