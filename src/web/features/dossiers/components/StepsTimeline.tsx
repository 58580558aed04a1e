import { Group, Stack, Text, Title } from '@mantine/core';
import type { Dossier } from '../api/dossiers-api.js';
import { formatBudget, formatDeadline, stepRoleLabel } from '../dossier-format.js';
import { TimelinessBadge, ToneBadge } from './ToneBadge.js';

const HEADING_ID = 'cac-buoc-xu-ly';

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDeadline(iso)}</time>;
}

/** The process template, step by step, with each visit of the dossier: received, deadline, handed over, timeliness. */
export function StepsTimeline({ dossier, unitName }: { dossier: Dossier; unitName: (code: string) => string }) {
  const current = dossier.currentStep?.index ?? null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h4" id={HEADING_ID}>
        Các bước xử lý
      </Title>
      <ol className="dos-timeline" data-testid="steps-timeline">
        {dossier.template.map((step) => {
          const visits = dossier.steps.filter((v) => v.index === step.index);
          const done = visits.length > 0 && visits.every((v) => v.handedOverAt !== null);
          const isCurrent = step.index === current;
          return (
            <li key={step.index} aria-current={isCurrent ? 'step' : undefined} data-state={isCurrent ? 'current' : done ? 'done' : 'todo'}>
              <Group gap="xs" align="baseline">
                <Text fw={700} size="sm">
                  Bước {step.index + 1}: {step.name}
                </Text>
                {isCurrent ? <ToneBadge label="Đang ở bước này" tone="info" size="sm" /> : null}
              </Group>
              <Text size="xs" c="dimmed">
                {unitName(step.unitCode)} · {stepRoleLabel(step.role)} · thời gian {formatBudget(step.budgetMinutes)}
                {step.interAgency ? ' · liên thông' : ''}
              </Text>
              {visits.length === 0 ? (
                <Text size="xs" c="dimmed">
                  Chưa đến bước này.
                </Text>
              ) : (
                <ul className="dos-visits">
                  {visits.map((v) => (
                    <li key={v.receivedAt}>
                      Nhận <When iso={v.receivedAt} /> · hạn <When iso={v.dueAt} />
                      {v.handedOverAt ? (
                        <>
                          {' '}
                          · chuyển đi <When iso={v.handedOverAt} />
                        </>
                      ) : null}{' '}
                      <TimelinessBadge timeliness={v.timeliness} label={v.timelinessLabel} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </Stack>
  );
}
