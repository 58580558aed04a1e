/**
 * Before opening a round: N, the dossiers of the units' subtrees whose result was returned in the period, and the
 * sample size n = ceil(N / (1 + N·e²)) the round would draw (issue 23 §6).
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { sampleSize } from '../../domain/survey/sampling.js';
import type { SurveyPopulation } from '../../contract/survey.js';
import { mayManage, returnedDossiers, unitsReached, type SurveyDeps } from './survey-store.js';

export async function previewSurveyPopulation(
  deps: SurveyDeps,
  input: { from: string; to: string; units: string[]; margin: number; meta: RequestMeta },
): Promise<Result<SurveyPopulation>> {
  const tree = deps.units.tree();
  const allowed = mayManage(input.meta, input.units, tree);
  if (!allowed.ok) return allowed;
  if (input.units.length === 0) return fail('VALIDATION_FAILED', [{ path: 'units', message: 'Chọn ít nhất một đơn vị.' }]);
  const frame = await returnedDossiers(deps.db, input, unitsReached(input.units, tree));
  return ok({ population: frame.length, sampleSize: sampleSize(frame.length, input.margin), margin: input.margin });
}
