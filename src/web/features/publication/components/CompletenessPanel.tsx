import { Alert, List, Stack, Text } from '@mantine/core';
import { completeness, type ParsedRecord } from '../record-json.js';

const SHOWN_SHAPE_PROBLEMS = 12;

interface CompletenessPanelProps {
  parsed: ParsedRecord;
  /** Known field codes (lĩnh vực); a record naming another one cannot be published. */
  fieldCodes: ReadonlySet<string> | null;
  id: string;
}

function Mark({ ok }: { ok: boolean }) {
  return (
    <span className="pub-check-mark" data-ok={ok} aria-hidden="true">
      {ok ? '✓' : '✗'}
    </span>
  );
}

/**
 * Live feedback on the record being edited: first whether it can be read at all, then parts a–h of
 * Decree 63/2010 one by one and the process template (its step budgets must add up to the time limit).
 */
export function CompletenessPanel({ parsed, fieldCodes, id }: CompletenessPanelProps) {
  if (!parsed.ok) {
    return (
      <Alert color="govRed" variant="light" title="Chưa đọc được nội dung thủ tục" id={id}>
        {parsed.syntaxError ? <Text size="sm">{parsed.syntaxError}</Text> : null}
        {parsed.problems.length > 0 ? (
          <List size="sm" spacing={2}>
            {parsed.problems.slice(0, SHOWN_SHAPE_PROBLEMS).map((p) => (
              <List.Item key={p.path}>
                <span className="mono">{p.path}</span>: {p.message}
              </List.Item>
            ))}
            {parsed.problems.length > SHOWN_SHAPE_PROBLEMS ? <List.Item>và {parsed.problems.length - SHOWN_SHAPE_PROBLEMS} lỗi khác</List.Item> : null}
          </List>
        ) : null}
      </Alert>
    );
  }
  const report = completeness(parsed.record);
  const unknownField = fieldCodes !== null && !fieldCodes.has(parsed.record.fieldCode);
  const missing = report.parts.filter((p) => p.problems.length > 0).length + (report.process.length > 0 ? 1 : 0) + (unknownField ? 1 : 0);
  return (
    <Stack gap={6} id={id} data-testid="completeness">
      <Text size="sm" fw={700}>
        {missing === 0 ? 'Đủ các thành phần a–h và quy trình nội bộ hợp lệ.' : `Còn ${missing} mục cần bổ sung trước khi công bố:`}
      </Text>
      <ul className="pub-checklist">
        {report.parts.map((part) => {
          const ok = part.problems.length === 0;
          return (
            <li key={part.part}>
              <Mark ok={ok} />
              <span>
                {ok
                  ? `${part.part}) ${part.label}: đủ`
                  : part.problems.map((message) => (
                      <span key={message} style={{ display: 'block' }}>
                        {message}
                      </span>
                    ))}
              </span>
            </li>
          );
        })}
        <li>
          <Mark ok={report.process.length === 0} />
          <span>
            {report.process.length === 0
              ? 'Quy trình nội bộ: tổng thời gian các bước bằng thời hạn giải quyết'
              : report.process.map((message) => (
                  <span key={message} style={{ display: 'block' }}>
                    Quy trình nội bộ: {message}
                  </span>
                ))}
          </span>
        </li>
        {unknownField ? (
          <li>
            <Mark ok={false} />
            <span>Không có lĩnh vực mã {parsed.record.fieldCode || '(trống)'} (fieldCode)</span>
          </li>
        ) : null}
      </ul>
    </Stack>
  );
}
