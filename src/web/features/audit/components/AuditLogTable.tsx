import { Table } from '@mantine/core';
import { formatDateTime } from '../../../shared/format.js';
import type { AuditRecord } from '../api/audit-api.js';
import { roleLabel } from '../audit-labels.js';
import { ActionCell, ActorCell, TargetCell, UnitCell } from './AuditCells.js';

interface AuditLogTableProps {
  records: AuditRecord[];
  nameOf: (code: string) => string | null;
  caption: string;
}

export function AuditLogTable({ records, nameOf, caption }: AuditLogTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="bang-nhat-ky" tabIndex={0}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" miw={860} captionSide="top">
        <Table.Caption id="bang-nhat-ky" className="table-caption">
          {caption}
        </Table.Caption>
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
          {records.map((record) => (
            <Table.Tr key={record.seq} style={{ verticalAlign: 'top' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={record.at}>{formatDateTime(record.at)}</time>
              </Table.Td>
              <Table.Td>
                <ActorCell record={record} />
              </Table.Td>
              <Table.Td>{roleLabel(record.role)}</Table.Td>
              <Table.Td>
                <UnitCell code={record.unitCode} nameOf={nameOf} />
              </Table.Td>
              <Table.Td>
                <ActionCell action={record.action} />
              </Table.Td>
              <Table.Td maw={240}>
                <TargetCell record={record} nameOf={nameOf} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
