import { Text } from '@mantine/core';
import { formatInstant } from '../dossier-format.js';
import type { StepView } from '../api/portal-dossiers-api.js';

/** The steps the dossier went through, oldest first: who, when received, when handed over, on time or not. */
export function StepsTimeline({ steps, finished }: { steps: readonly StepView[]; finished: boolean }) {
  if (steps.length === 0) {
    return <Text>Hồ sơ chưa được tiếp nhận nên chưa có bước xử lý nào.</Text>;
  }
  return (
    <ol className="pd-timeline" data-testid="dossier-steps">
      {steps.map((step, i) => {
        const current = step.handedOverAt === null && !finished;
        return (
          <li key={`${step.index}-${i}`} data-current={current ? 'true' : 'false'}>
            <Text fw={700}>{step.name}</Text>
            <Text size="sm">{step.unitName}</Text>
            <Text size="sm">
              Nhận lúc {formatInstant(step.receivedAt)}
              {step.handedOverAt ? ` · Hoàn thành lúc ${formatInstant(step.handedOverAt)}` : current ? ' · Đang thực hiện' : ''}
            </Text>
            <Text size="sm" c="dimmed">
              Hạn của bước: {formatInstant(step.dueAt)} · {step.timelinessLabel}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}
