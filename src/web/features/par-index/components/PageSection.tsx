import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageSectionProps {
  id: string;
  title: string;
  /** The heading's level: 2 for a part of the page, 3 for a part of a part. */
  order?: 2 | 3;
  /** In a bordered box (a form). */
  boxed?: boolean;
  children: ReactNode;
}

/** A titled part of a page, named by its heading. */
export function PageSection({ id, title, order = 2, boxed = false, children }: PageSectionProps) {
  const body = (
    <Stack gap={order === 2 ? 'sm' : 'xs'} component="section" aria-labelledby={id}>
      <Title order={order} size={order === 2 ? 'h3' : 'h4'} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
  return boxed ? (
    <Paper withBorder p="md">
      {body}
    </Paper>
  ) : (
    body
  );
}
