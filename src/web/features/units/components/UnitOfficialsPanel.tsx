import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Unit } from '../../../../domain/units/unit.js';
import { ROLE_LABELS } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useUnitOfficials } from '../hooks/useUnitOfficials.js';

/** Officials of the selected unit, or the server's refusal when it lies outside the caller's scope. */
export function UnitOfficialsPanel({ unit }: { unit: Unit | null }) {
  const { data, error, loading, reload } = useUnitOfficials(unit?.code ?? null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="can-bo-don-vi" data-testid="unit-officials">
      <Stack gap="sm">
        <Title order={2} size="h4" id="can-bo-don-vi">
          {unit ? `Cán bộ thuộc ${unit.name}` : 'Cán bộ của đơn vị'}
        </Title>
        {unit === null ? <Text size="sm">Chọn một đơn vị trong cây để xem danh sách cán bộ.</Text> : null}
        {loading ? <LoadingState label="Đang tải danh sách cán bộ…" /> : null}
        {error ? <ErrorState error={error} title="Không xem được danh sách cán bộ" {...(error.status === 403 ? {} : { onRetry: reload })} /> : null}
        {data && data.officials.length === 0 ? <Text size="sm">Đơn vị chưa có cán bộ nào.</Text> : null}
        {data && data.officials.length > 0 ? (
          <Table striped={false} verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Họ và tên</Table.Th>
                <Table.Th scope="col">Vai trò</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.officials.map((official) => (
                <Table.Tr key={official.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {official.fullName}
                    </Text>
                    <Text size="xs" className="mono">
                      {official.username}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ROLE_LABELS[official.role] ?? official.role}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
