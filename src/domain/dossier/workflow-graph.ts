/**
 * The procedure's workflow as a graph over its process template (fixed in the dossier's header at intake).
 * A hand-over ("Chuyển bước") goes to the next step of the template, never further: each step has its
 * own budget, and jumping over one would leave it unaccounted for. Inter-agency steps are hand-overs
 * "where defined": the step before one may send the dossier to it, or go past it to the next step of
 * the competent unit when no other agency is needed. The step that registers and returns a result (a
 * desk step right after a leader's) is entered by the leader's decision (approve or reject), never by a
 * transfer, so a leader's step hands over only to another leader's or a specialist's step.
 *
 * The server's decide() and the web's action form both call `transferTargets`, so the form offers only
 * what the server accepts.
 */
import { scopeRootOf } from '../access/policy.js';
import type { UnitTree } from '../units/unit.js';
import type { DossierHeader, DossierState, DossierStep } from './fold.js';

/** A desk step right after a leader's: it is entered by the decision, not by a transfer. */
export function isResultStep(header: DossierHeader, index: number): boolean {
  return index > 0 && header.steps[index]?.role === 'desk_officer' && header.steps[index - 1]?.role === 'leader';
}

/** The steps the dossier at its current step may be handed over to, in template order. */
export function transferTargets(header: Pick<DossierHeader, 'steps'>, state: Pick<DossierState, 'stepIndex'>): number[] {
  if (state.stepIndex === null) return [];
  const targets: number[] = [];
  for (let j = state.stepIndex + 1; j < header.steps.length; j++) {
    if (isResultStep(header as DossierHeader, j)) break;
    targets.push(j);
    // An inter-agency step may be gone past; any other next step is the only one.
    if (!header.steps[j]?.interAgency) break;
  }
  return targets;
}

/** An official as the application found them, to receive a dossier at a step. */
export interface RecipientFacts {
  userId: string;
  role: string;
  unitCode: string | null;
  disabled: boolean;
}

/**
 * Whether an official may be named to receive the dossier at `step`: active, with the step's role, and of
 * the step's unit (their own unit, or the unit their service centre or desk serves), as for claiming it.
 */
export function isEligibleRecipient(step: Pick<DossierStep, 'role' | 'unitCode'>, official: RecipientFacts, tree: UnitTree): boolean {
  if (official.disabled || official.role !== step.role || official.unitCode === null) return false;
  if (!tree.find(official.unitCode)) return false;
  return official.unitCode === step.unitCode || scopeRootOf(official.unitCode, tree) === step.unitCode;
}
