import { Paper, Text } from '@mantine/core';
import { STEP_ROLE_LABELS, type ProcessStep } from '../../../../domain/catalogue/procedure.js';
import { formatDuration, totalBudget } from '../catalogue-format.js';
import { PROCEDURE_SECTIONS, ProcedureSection } from './ProcedureSection.js';

interface ProcedureProcessSectionProps {
  steps: readonly ProcessStep[];
  nameOf: (code: string) => string | undefined;
}

function actor(step: ProcessStep, nameOf: (code: string) => string | undefined): string {
  const role = STEP_ROLE_LABELS[step.role];
  if (step.unitCode === null) return role;
  const unit = nameOf(step.unitCode) ?? step.unitCode;
  return step.interAgency ? `${role} – liên thông với ${unit}` : `${role} (${unit})`;
}

/** The internal process template: who handles the dossier at each step, and for how long. */
export function ProcedureProcessSection({ steps, nameOf }: ProcedureProcessSectionProps) {
  const total = totalBudget(steps);
  return (
    <ProcedureSection section={PROCEDURE_SECTIONS.process}>
      {steps.length === 0 ? (
        <Text>Chưa công bố các bước giải quyết.</Text>
      ) : (
        <>
          <Text>Sau khi tiếp nhận, hồ sơ của bạn được giải quyết qua các bước sau. Thời gian tính theo ngày, giờ làm việc.</Text>
          <ol className="catalogue-cards" aria-label="Các bước giải quyết hồ sơ">
            {steps.map((step, index) => (
              <li key={index}>
                <Paper withBorder p="sm">
                  <Text fw={600}>
                    Bước {index + 1}: {step.name}
                  </Text>
                  <dl className="catalogue-facts catalogue-facts-compact">
                    <div>
                      <dt>Người thực hiện</dt>
                      <dd>{actor(step, nameOf)}</dd>
                    </div>
                    <div>
                      <dt>Thời gian</dt>
                      <dd>{formatDuration(step.budget)}</dd>
                    </div>
                  </dl>
                </Paper>
              </li>
            ))}
          </ol>
          {total ? (
            <Text fw={600} data-testid="process-total">
              Tổng thời gian các bước: {total}
            </Text>
          ) : null}
        </>
      )}
    </ProcedureSection>
  );
}
