import { Paper, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format.js';
import type { AuditRecord } from '../api/audit-api.js';
import { ActionCell, ActorCell, TargetCell, UnitCell } from './AuditCells.js';

interface AuditLogListProps {
  records: AuditRecord[];
  nameOf: (code: string) => string | null;
  caption: string;
}

/** The audit log on a phone: one card per record instead of a wide table scrolled sideways. */
export function AuditLogList({ records, nameOf, caption }: AuditLogListProps) {
  return (
    <ul className="audit-list" aria-label={caption}>
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
                  <ActorCell record={record} withRole />
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
                  <TargetCell record={record} nameOf={nameOf} />
                </dd>
              </div>
            </dl>
          </Paper>
        </li>
      ))}
    </ul>
  );
}
