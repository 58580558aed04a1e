import { Table } from '@mantine/core';
import { isRole, ROLE_LABELS } from '../../../../domain/access/roles.js';
import { formatDateTime } from '../../../shared/format.js';
import type { AuditRecord } from '../api/audit-api.js';

function roleLabel(role: string | null): string {
  if (role === null) return '—';
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function AuditLogTable({ records }: { records: AuditRecord[] }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="bang-nhat-ky" tabIndex={0}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" miw={760}>
        <Table.Caption id="bang-nhat-ky">Nhật ký thao tác gần nhất (giờ Việt Nam)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Thời gian</Table.Th>
            <Table.Th scope="col">Người thực hiện</Table.Th>
            <Table.Th scope="col">Vai trò</Table.Th>
            <Table.Th scope="col">Đơn vị</Table.Th>
            <Table.Th scope="col">Thao tác</Table.Th>
            <Table.Th scope="col">Đối tượng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...records].sort((a, b) => b.seq - a.seq).map((record) => (
            <Table.Tr key={record.seq}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={record.at}>{formatDateTime(record.at)}</time>
              </Table.Td>
              <Table.Td>{record.actorName ?? 'Hệ thống'}</Table.Td>
              <Table.Td>{roleLabel(record.role)}</Table.Td>
              <Table.Td className="mono">{record.unitCode ?? '—'}</Table.Td>
              <Table.Td className="mono">{record.action}</Table.Td>
              <Table.Td className="mono" style={{ wordBreak: 'break-all' }}>
                {record.target ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
