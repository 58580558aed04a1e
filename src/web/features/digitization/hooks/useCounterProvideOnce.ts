import { useCallback, useMemo, useState } from 'react';
import type { ProcedureRecord } from '../../../../domain/catalogue/procedure.js';
import type { EFormField } from '../../../../domain/data-vault/e-form.js';
import { useAction } from '../../calendar/hooks/useAction.js';
import { lookupPopulation } from '../api/provide-once-api.js';
import {
  applyLookup,
  checkCounterEForm,
  counterEFormFields,
  eFormBegun,
  formDataOf,
  hasEFormProblems,
  lookupApplies,
  lookupRequest,
  type ApplicantBlock,
  type EFormCheck,
  type EFormValues,
  type LookupFieldErrors,
  type RegistryLookup,
} from '../counter-eform.js';

/** What counter intake sends besides the dossier itself. */
export interface ProvideOnceFields {
  formData: Record<string, string> | null;
  populationLookupId: string | null;
  intakeStartedAt: string;
}

export interface CounterProvideOnce {
  fields: EFormField[];
  extras: EFormValues;
  setExtra: (key: string, value: string) => void;
  extraErrors: Record<string, string>;
  lookup: RegistryLookup | null;
  /** The lookup is still about the applicant typed and the procedure chosen. */
  lookupInForce: boolean;
  lookupAction: ReturnType<typeof useAction>;
  /** Look the applicant up; the block as the registry filled it, or what to fix before asking. */
  lookUp: (block: ApplicantBlock) => Promise<{ block: ApplicantBlock } | { errors: LookupFieldErrors } | null>;
  /** The e-form goes with the dossier. */
  begun: boolean;
  /** The fields to send, or the e-form's problems (also kept for the e-form's own inputs). */
  check: (block: ApplicantBlock) => { ok: true; fields: ProvideOnceFields } | { ok: false; problems: EFormCheck };
  reset: () => void;
}

/**
 * Counter intake's "provide once" state: when the form was opened (the intake time runs from there), the registry
 * lookup, and the procedure's e-form beyond the applicant block.
 */
export function useCounterProvideOnce(procedure: Pick<ProcedureRecord, 'code' | 'eForm'> | null, personalId: string): CounterProvideOnce {
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [extras, setExtras] = useState<EFormValues>({});
  const [extraErrors, setExtraErrors] = useState<Record<string, string>>({});
  const [lookup, setLookup] = useState<RegistryLookup | null>(null);
  const lookupAction = useAction();
  const fields = useMemo(() => (procedure ? counterEFormFields(procedure) : []), [procedure]);
  const code = procedure?.code ?? null;

  const setExtra = useCallback((key: string, value: string) => {
    setExtras((v) => ({ ...v, [key]: value }));
    setExtraErrors(({ [key]: _cleared, ...rest }) => rest);
  }, []);

  async function lookUp(block: ApplicantBlock) {
    if (!code) return null;
    const request = lookupRequest(block, extras.birthDate ?? '', code);
    if (!request.ok) {
      if (request.errors.birthDate) setExtraErrors((e) => ({ ...e, birthDate: request.errors.birthDate! }));
      return { errors: request.errors };
    }
    setExtraErrors(({ birthDate: _cleared, ...rest }) => rest);
    const outcome = await lookupAction.run(() => lookupPopulation(request.body));
    if (!outcome?.ok) return null;
    const found: RegistryLookup = { ...outcome.value, personalId: request.body.personalId, procedureCode: code };
    setLookup(found);
    const applied = applyLookup(block, extras, found);
    setExtras(applied.extras);
    return { block: applied.block };
  }

  const begun = eFormBegun(fields, extras, lookup);
  const lookupInForce = lookupApplies(lookup, personalId, code);

  function check(block: ApplicantBlock) {
    if (!procedure || !begun) {
      setExtraErrors({});
      return { ok: true as const, fields: { formData: null, populationLookupId: lookupInForce ? lookup.lookupId : null, intakeStartedAt: startedAt } };
    }
    const problems = checkCounterEForm(procedure, block, extras);
    setExtraErrors(problems.extras);
    if (hasEFormProblems(problems)) return { ok: false as const, problems };
    return {
      ok: true as const,
      fields: { formData: formDataOf(fields, block, extras), populationLookupId: lookupInForce ? lookup.lookupId : null, intakeStartedAt: startedAt },
    };
  }

  function reset() {
    setStartedAt(new Date().toISOString());
    setExtras({});
    setExtraErrors({});
    setLookup(null);
    lookupAction.clearError();
  }

  return { fields, extras, setExtra, extraErrors, lookup, lookupInForce, lookupAction, lookUp, begun, check, reset };
}
