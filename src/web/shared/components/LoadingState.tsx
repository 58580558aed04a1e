import { Group, Loader, Text } from '@mantine/core';

export function LoadingState({ label = 'Đang tải dữ liệu…' }: { label?: string }) {
  return (
    <Group gap="sm" role="status" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
