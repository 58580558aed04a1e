import { Group, Loader, Text } from '@mantine/core';

/** What a screen reader hears while a page's code is fetched (the routes in App.tsx are loaded on first use). */
export const PAGE_LOADING_LABEL = 'Đang tải trang…';

export function LoadingState({ label = 'Đang tải dữ liệu…' }: { label?: string }) {
  return (
    <Group gap="sm" role="status" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
