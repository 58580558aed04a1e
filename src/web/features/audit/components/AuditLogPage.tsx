import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { AUDIT_PAGE_SIZE, useAuditLog } from '../hooks/useAuditLog.js';
import { AuditLogList } from './AuditLogList.js';
import { AuditLogTable } from './AuditLogTable.js';

export function AuditLogPage() {
  usePageTitle('Nhật ký hệ thống');
  const { data, error, loading, reload } = useAuditLog();
  // Unit names make the "Đơn vị" column readable; without them the codes are shown.
  const { data: unitData } = useUnits();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;

  const nameOf = useMemo(() => {
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? null;
  }, [unitData]);
  const records = useMemo(() => [...(data?.records ?? [])].sort((a, b) => b.seq - a.seq), [data]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>Nhật ký hệ thống</Title>
          <Text>
            {data && records.length > 0
              ? `${records.length} thao tác gần nhất (tối đa ${AUDIT_PAGE_SIZE}), mới nhất ở trên cùng.`
              : `Tối đa ${AUDIT_PAGE_SIZE} thao tác gần nhất, mới nhất ở trên cùng.`}
          </Text>
        </Stack>
        <Button variant="outline" onClick={reload} loading={loading}>
          Tải lại
        </Button>
      </Group>
      {loading && !data ? <LoadingState label="Đang tải nhật ký…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được nhật ký" onRetry={reload} /> : null}
      {data && records.length === 0 ? <Text>Chưa có bản ghi nhật ký nào.</Text> : null}
      {data && records.length > 0 && isPhone ? <AuditLogList records={records} nameOf={nameOf} /> : null}
      {data && records.length > 0 && !isPhone ? <AuditLogTable records={records} nameOf={nameOf} /> : null}
    </Stack>
  );
}
