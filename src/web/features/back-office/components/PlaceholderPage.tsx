import { Stack, Text, Title } from '@mantine/core';
import { ComingSoon } from '../../../shared/components/ComingSoon.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import type { NavItem } from '../nav-items.js';

export function PlaceholderPage({ item }: { item: NavItem }) {
  usePageTitle(item.label);
  return (
    <Stack gap="md">
      <Title order={1}>{item.label}</Title>
      <Text>{item.description}</Text>
      <ComingSoon />
    </Stack>
  );
}
