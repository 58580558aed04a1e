import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { scopeRootOf } from '../../../../domain/access/policy.js';
import { UnitTree } from '../../../../domain/units/unit.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { AUDIT_PAGE_SIZE, useAuditLog } from '../hooks/useAuditLog.js';
import { AuditFiltersForm } from './AuditFiltersForm.js';
import { AuditLogList } from './AuditLogList.js';
import { AuditLogTable } from './AuditLogTable.js';

export function AuditLogPage() {
  usePageTitle('Nhật ký hệ thống');
  const log = useAuditLog();
  const { data, error, loading, reload, pageNumber } = log;
  // Unit names make the "Đơn vị" column readable; without them the codes are shown.
  const { data: unitData } = useUnits();
  const { state } = useAuth();
  const viewerUnit = state.status === 'authenticated' ? state.user.unitCode : null;
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;

  const nameOf = useMemo(() => {
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    return (code: string) => names.get(code) ?? null;
  }, [unitData]);
  // The filter offers the units within the viewer's scope, as the server allows.
  const unitOptions = useMemo(() => {
    if (!unitData || viewerUnit === null) return [];
    const tree = new UnitTree(unitData.units);
    const root = scopeRootOf(viewerUnit, tree);
    return unitData.units
      .filter((u) => tree.isWithin(u.code, root))
      .map((u) => ({ value: u.code, label: u.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [unitData, viewerUnit]);
  const records = data?.records ?? [];
  const caption = `Nhật ký thao tác, trang ${pageNumber} (giờ Việt Nam)`;
  const first = (pageNumber - 1) * AUDIT_PAGE_SIZE + 1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>Nhật ký hệ thống</Title>
          <Text>Mọi thao tác làm thay đổi dữ liệu, mới nhất ở trên cùng, {AUDIT_PAGE_SIZE} bản ghi mỗi trang.</Text>
        </Stack>
        <Button variant="outline" onClick={reload} loading={loading}>
          Tải lại
        </Button>
      </Group>
      <Paper withBorder p="md" bg="gray.0">
        <AuditFiltersForm value={log.filters} onChange={log.setFilters} units={unitOptions} />
      </Paper>
      {loading && !data ? <LoadingState label="Đang tải nhật ký…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được nhật ký" onRetry={reload} /> : null}
      {data && records.length === 0 ? <Text>Không có bản ghi nhật ký nào phù hợp.</Text> : null}
      {data && records.length > 0 ? (
        <>
          <Text aria-live="polite" data-testid="audit-range">
            Bản ghi thứ {first}–{first + records.length - 1}
            {data.nextBeforeSeq === null ? ' (hết)' : ''}.
          </Text>
          {isPhone ? (
            <AuditLogList records={records} nameOf={nameOf} caption={caption} />
          ) : (
            <AuditLogTable records={records} nameOf={nameOf} caption={caption} />
          )}
        </>
      ) : null}
      {data && (pageNumber > 1 || data.nextBeforeSeq !== null) ? (
        <Group gap="sm" component="nav" aria-label="Phân trang nhật ký">
          <Button variant="default" onClick={log.firstPage} disabled={pageNumber === 1}>
            Mới nhất
          </Button>
          <Button variant="default" onClick={log.previousPage} disabled={pageNumber === 1}>
            Trang trước
          </Button>
          <Button variant="default" onClick={log.nextPage} disabled={data.nextBeforeSeq === null || loading}>
            Trang sau
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
