import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title with its introduction (`children`) under it, and the page's main button (`action`) beside them. */
export function PageHeading({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Stack gap={4} maw={760}>
        <Title order={1}>{title}</Title>
        {children}
      </Stack>
      {action}
    </Group>
  );
}
