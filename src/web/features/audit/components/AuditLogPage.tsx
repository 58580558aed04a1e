import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { AUDIT_PAGE_SIZE, useAuditLog } from '../hooks/useAuditLog.js';
import { AuditLogTable } from './AuditLogTable.js';

export function AuditLogPage() {
  usePageTitle('Nhật ký hệ thống');
  const { data, error, loading, reload } = useAuditLog();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>Nhật ký hệ thống</Title>
          <Text>{AUDIT_PAGE_SIZE} thao tác gần nhất, mới nhất ở trên cùng.</Text>
        </Stack>
        <Button variant="outline" onClick={reload} loading={loading}>
          Tải lại
        </Button>
      </Group>
      {loading && !data ? <LoadingState label="Đang tải nhật ký…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được nhật ký" onRetry={reload} /> : null}
      {data && data.records.length === 0 ? <Text>Chưa có bản ghi nhật ký nào.</Text> : null}
      {data && data.records.length > 0 ? <AuditLogTable records={data.records} /> : null}
    </Stack>
  );
}
