/** Where a dossier stands, as its page and its public status show it: the summary and each step against its deadline. */
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { stepOverruns } from '../../domain/dossier/step-overrun.js';
import { STATUS_LABELS } from '../../domain/dossier/dossier.js';
import { judge, VERDICT_LABELS } from '../../domain/dossier/timeliness.js';
import { toDate } from './dossier-store.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { DossierReadDeps } from './dossier-listing.js';

const iso = (local: number | null) => (local === null ? null : vietnamIso(toDate(local)!));

/** Each visit of a step against its own deadline, by the one judgement (step-overrun.ts), as of this minute. */
export function stepsView(deps: DossierReadDeps, header: DossierHeader, state: DossierState, now: number) {
  const tree = deps.units.tree();
  const measured = new Map(stepOverruns(header, state, deps.calendars.rulesFor(header.receivingUnitCode), now + 1).visits.map((m) => [m.visit, m]));
  return state.visits.map((v, position) => {
    const step = header.steps[v.index];
    const verdict = measured.get(position)?.verdict ?? 'notDue';
    return {
      index: v.index,
      name: step?.name ?? `Bước ${v.index + 1}`,
      unitCode: v.unitCode,
      unitName: tree.find(v.unitCode)?.name ?? v.unitCode,
      interAgency: step?.interAgency ?? false,
      receivedAt: iso(v.receivedAt)!,
      dueAt: iso(v.dueAt)!,
      handedOverAt: iso(v.handedOverAt),
      timeliness: verdict,
      timelinessLabel: VERDICT_LABELS[verdict],
    };
  });
}

export function summary(deps: DossierReadDeps, header: DossierHeader, state: DossierState, now: number) {
  // The one judgement, as of this minute: what the report and the scorecard count this dossier as.
  const judged = state.dueAt === null && !state.repeatedSupplement ? null : judge(state, now + 1);
  const timeliness = judged?.verdict ?? null;
  const step = state.stepIndex === null ? null : header.steps[state.stepIndex];
  return {
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    nationalCode: state.nationalCode,
    seq: state.seq,
    currentStep:
      step && state.visits.at(-1)?.handedOverAt === null
        ? { index: state.stepIndex!, name: step.name, unitCode: step.unitCode, unitName: deps.units.tree().find(step.unitCode)?.name ?? step.unitCode }
        : null,
    acceptedAt: iso(state.acceptedAt),
    dueAt: iso(state.dueAt),
    appointmentAt: iso(state.appointmentAt),
    finishedAt: iso(state.finishedAt),
    returnedAt: iso(state.returnedAt),
    timeliness,
    timelinessLabel: timeliness ? VERDICT_LABELS[timeliness] : null,
    repeatedSupplement: state.repeatedSupplement,
    extensions: state.extensions,
    explanation: state.explanation,
  };
}
