import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../domain/access/roles.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../hooks/useCurrentOfficial.js';
import { navItemsFor } from '../nav-items.js';
import { SystemStatus } from './SystemStatus.js';

export function DashboardPage() {
  usePageTitle('Tổng quan');
  const user = useCurrentOfficial();
  const shortcuts = navItemsFor(user.role).filter((item) => item.path !== '/can-bo');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Tổng quan</Title>
        <Text>
          Xin chào {user.displayName} ({ROLE_LABELS[user.role]}
          {user.unitName ? `, ${user.unitName}` : ''}).
        </Text>
      </Stack>
      <section aria-labelledby="chuc-nang">
        <Title order={2} size="h3" id="chuc-nang" mb="sm">
          Chức năng của bạn
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {shortcuts.map((item) => (
            <Paper key={item.path} withBorder p="md">
              <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
                <Anchor component={Link} to={item.path} fw={700}>
                  {item.label}
                </Anchor>
                {item.implemented ? null : (
                  <Badge color="gray" variant="light" size="sm" tt="none" style={{ flex: 'none' }}>
                    Đang hoàn thiện
                  </Badge>
                )}
              </Group>
              <Text size="sm" mt={4}>
                {item.description}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <SystemStatus />
    </Stack>
  );
}
