import { Alert, List } from '@mantine/core';

/** Why a form could not be saved, as a list under a title; nothing when there is no message. */
export function SaveErrorsAlert({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="govRed" variant="light" title={title} role="alert">
      <List size="sm" spacing={2}>
        {messages.map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
