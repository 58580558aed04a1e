import { Paper, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format.js';
import type { AuditRecord } from '../api/audit-api.js';
import { roleLabel } from '../audit-labels.js';
import { ActionCell, TargetCell, UnitCell } from './AuditCells.js';

interface AuditLogListProps {
  records: AuditRecord[];
  nameOf: (code: string) => string | null;
}

/** The audit log on a phone: one card per record instead of a wide table scrolled sideways. */
export function AuditLogList({ records, nameOf }: AuditLogListProps) {
  return (
    <ul className="audit-list" aria-label="Nhật ký thao tác gần nhất (giờ Việt Nam)">
      {records.map((record) => (
        <li key={record.seq}>
          <Paper withBorder p="sm">
            <Text fw={700} size="sm" mb={4}>
              <time dateTime={record.at}>{formatDateTime(record.at)}</time>
            </Text>
            <dl className="audit-fields">
              <div>
                <dt>Thao tác</dt>
                <dd>
                  <ActionCell action={record.action} />
                </dd>
              </div>
              <div>
                <dt>Người thực hiện</dt>
                <dd>
                  {record.actorName ?? 'Hệ thống'}
                  {record.role ? ` (${roleLabel(record.role)})` : ''}
                </dd>
              </div>
              <div>
                <dt>Đơn vị</dt>
                <dd>
                  <UnitCell code={record.unitCode} nameOf={nameOf} />
                </dd>
              </div>
              <div>
                <dt>Đối tượng</dt>
                <dd>
                  <TargetCell target={record.target} />
                </dd>
              </div>
            </dl>
          </Paper>
        </li>
      ))}
    </ul>
  );
}
