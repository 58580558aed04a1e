import { Text } from '@mantine/core';
import { appointmentReasons, EXPLANATION_INTRO } from '../dossier-format.js';
import type { DossierSummary, HistoryEntry } from '../api/portal-dossiers-api.js';

interface AppointmentExplanationProps {
  dossier: Pick<DossierSummary, 'status' | 'explanation' | 'extensions' | 'appointmentAt' | 'dueAt'>;
  history?: readonly Pick<HistoryEntry, 'type'>[];
}

/** "Vì sao là ngày này?": a disclosure under the appointment, the server's reasons in plain Vietnamese. */
export function AppointmentExplanation({ dossier, history = [] }: AppointmentExplanationProps) {
  const reasons = appointmentReasons(dossier, history);
  if (reasons.length === 0) return null;
  const counted = dossier.explanation.length > 0;
  return (
    <details className="pd-why" data-testid="appointment-explanation">
      <summary>Vì sao là ngày này?</summary>
      {counted ? <Text size="sm">{EXPLANATION_INTRO}</Text> : null}
      {reasons.length === 1 && !counted ? (
        <Text size="sm">{reasons[0]}</Text>
      ) : (
        <ol>
          {reasons.map((line, i) => (
            <li key={i}>
              <Text size="sm" component="span">
                {line}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
