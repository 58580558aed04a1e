import { Stack, Text, Title } from '@mantine/core';
import type { Dossier } from '../api/dossiers-api.js';
import { actionLabel, formatDeadline, roleLabel } from '../dossier-format.js';

/** Who applied: shown to officials only (the public status never carries it). */
export function ApplicantSection({ dossier }: { dossier: Dossier }) {
  const a = dossier.applicant;
  const rows: [string, string | null][] = [
    ['Họ và tên', a.fullName],
    ['Số định danh', a.personalId],
    ['Địa chỉ', a.address],
    ['Điện thoại', a.phone],
    ['Email', a.email],
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="nguoi-nop-ho-so">
      <Title order={2} size="h4" id="nguoi-nop-ho-so">
        Người nộp hồ sơ
      </Title>
      <dl className="dos-fields" data-testid="applicant">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </Stack>
  );
}

/** Every action on the dossier, in order, with who (by role) and why. */
export function HistorySection({ dossier }: { dossier: Dossier }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="lich-su-xu-ly">
      <Title order={2} size="h4" id="lich-su-xu-ly">
        Lịch sử xử lý
      </Title>
      {dossier.history.length === 0 ? (
        <Text size="sm">Chưa có thao tác nào.</Text>
      ) : (
        <ol className="dos-history" data-testid="dossier-history">
          {dossier.history.map((h) => (
            <li key={h.seq}>
              <time dateTime={h.at}>{formatDeadline(h.at)}</time> — <strong>{actionLabel(h.type)}</strong> ({roleLabel(h.actorRole)})
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
