import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { dossierPagePath } from '../../dossiers/api/dossiers-api.js';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { formatDateTime, formatNumber } from '../../../shared/format.js';
import type { DrilldownDossier, ShortfallFeedback, ShortfallProcedure } from '../api/scorecard-api.js';

function Instant({ label, iso }: { label: string; iso: string | null }) {
  return (
    <Text size="xs" span className="nowrap">
      {label}: {iso ? <time dateTime={iso}>{formatDeadline(iso)}</time> : '—'}
    </Text>
  );
}

/** The dossiers that cost the indicator points, each with why (the reason starts with the kind of shortfall), linked to its page. */
export function DossierShortfalls({ dossiers }: { dossiers: readonly DrilldownDossier[] }) {
  return (
    <ul className="scorecard-shortfalls" aria-label="Hồ sơ làm mất điểm">
      {dossiers.map((d) => (
        <li key={d.dossierId}>
          <Paper withBorder p="sm">
            <Stack gap={4}>
              <Anchor component={Link} to={dossierPagePath(d.dossierId)} fw={700} size="sm" className="mono break-anywhere">
                {d.code}
              </Anchor>
              <Text size="sm">{d.procedureName}</Text>
              <Text size="xs" c="dimmed">
                {d.unitName}
              </Text>
              <Group gap="md" style={{ rowGap: 2 }}>
                <Instant label="Tiếp nhận" iso={d.acceptedAt} />
                <Instant label="Hạn giải quyết" iso={d.dueAt} />
                <Instant label="Kết thúc xử lý" iso={d.finishedAt} />
              </Group>
              {d.verdictLabel ? (
                <Text size="sm" data-testid="ket-qua">
                  <Text span fw={600} size="sm">
                    Kết quả:{' '}
                  </Text>
                  {d.verdictLabel}
                  {d.lateHours > 0 ? `, chậm ${formatNumber(d.lateHours)} giờ làm việc` : ''}
                </Text>
              ) : null}
              {d.charged.filter((c) => c.overrunHours > 0).length > 0 ? (
                <Stack gap={2} data-testid="buoc-vuot-dinh-muc">
                  {d.charged
                    .filter((c) => c.overrunHours > 0)
                    .map((c) => (
                      <Text size="xs" key={`${c.stepIndex}-${c.unitCode}`}>
                        Bước {c.stepIndex + 1} «{c.stepName}», {c.unitName}
                        {c.officialName ? ` (${c.officialName})` : ''}: định mức {formatNumber(c.budgetHours)} giờ, đã dùng {formatNumber(c.usedHours)} giờ,{' '}
                        <Text span fw={700} size="xs">
                          vượt {formatNumber(c.overrunHours)} giờ làm việc
                        </Text>
                      </Text>
                    ))}
                </Stack>
              ) : null}
              <Text size="sm" className="break-anywhere" data-testid="ly-do">
                <Text span fw={600} size="sm">
                  Lý do:{' '}
                </Text>
                {d.reason}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </ul>
  );
}

/** The procedures that cost a procedure-count indicator points. */
export function ProcedureShortfalls({ procedures }: { procedures: readonly ShortfallProcedure[] }) {
  return (
    <ul className="scorecard-shortfalls" aria-label="Thủ tục làm mất điểm">
      {procedures.map((p) => (
        <li key={p.procedureCode}>
          <Paper withBorder p="sm">
            <Stack gap={4}>
              <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(p.procedureCode)}`} fw={700} size="sm">
                {p.procedureCode} · {p.procedureName}
              </Anchor>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  Lý do:{' '}
                </Text>
                {p.reason}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </ul>
  );
}

/** Indicators 5.2 and 5.3: the feedback items that lost the points, with why; 5.1 (watched): the items of the kind (issue 22). */
export function FeedbackShortfalls({ items, watched }: { items: readonly ShortfallFeedback[]; watched: boolean }) {
  return (
    <ul className="scorecard-shortfalls" aria-label={watched ? 'Phản ánh, kiến nghị được tính' : 'Phản ánh, kiến nghị làm mất điểm'}>
      {items.map((f) => (
        <li key={f.id}>
          <Paper withBorder p="sm">
            <Stack gap={4}>
              <Anchor component={Link} to={`/can-bo/phan-anh/${f.id}`} fw={700} size="sm">
                {f.code} · {f.title}
              </Anchor>
              <Text size="sm">Tiếp nhận {formatDateTime(f.receivedAt)}</Text>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {watched ? 'Phân loại: ' : 'Lý do: '}
                </Text>
                {f.reason}
              </Text>
            </Stack>
          </Paper>
        </li>
      ))}
    </ul>
  );
}
