/**
 * The administrative-reform index routes (src/http/routes/par-index.ts, issue 23): schemes (list, import from Excel,
 * copy, export), rounds (open, close, survey results, results and the published report), a unit's assessment (scores,
 * evidence, submission) and its appraisal. The shapes are the contract's (src/contract/par-index.ts).
 */
import type { z } from 'zod';
import type {
  AppraiseBody,
  CopySchemeBody,
  DecisionBody,
  EvidenceBody,
  ImportSchemeBody,
  ParAssessment,
  ParResults,
  ParRound as ParRoundSchema,
  ParScheme as ParSchemeSchema,
  ParSchemeSummary as ParSchemeSummarySchema,
  RoundBody,
  ScoreBody,
  SurveyResultsBody,
} from '../../../../contract/par-index.js';
import { apiPost, apiRequest } from '../../../shared/api.js';

export type { ParAssessment, ParResults };
export type ParRound = z.infer<typeof ParRoundSchema>;
export type ParScheme = z.infer<typeof ParSchemeSchema>;
export type ParSchemeSummary = z.infer<typeof ParSchemeSummarySchema>;
export type RoundInput = z.input<typeof RoundBody>;
export type ImportSchemeInput = z.input<typeof ImportSchemeBody>;
export type CopySchemeInput = z.input<typeof CopySchemeBody>;
export type ScoreInput = z.input<typeof ScoreBody>;
export type Answer = ScoreInput['answer'];
export type EvidenceInput = z.input<typeof EvidenceBody>;
export type AppraiseInput = z.input<typeof AppraiseBody>;
export type DecisionInput = z.input<typeof DecisionBody>;
export type SurveyResultsInput = z.input<typeof SurveyResultsBody>;
export type ScoreRow = ParAssessment['scores'][number];
export type EvidenceRow = ParAssessment['evidence'][number];
export type FigureRow = ParAssessment['figures'][number];
export type UnitResult = ParResults['units'][number];
export type RoundUnit = ParRound['units'][number];

const BASE = '/api/v1/par';
const id = (value: string) => encodeURIComponent(value);

/** GET: the schemes the official may see (the department's, or those of rounds assessing their unit). */
export const SCHEMES_PATH = `${BASE}/schemes`;
/** GET: the rounds (all for the department; those assessing the official's unit otherwise). */
export const ROUNDS_PATH = `${BASE}/rounds`;

export const schemePath = (schemeId: string) => `${SCHEMES_PATH}/${id(schemeId)}`;
/** GET: the scheme as an Excel workbook (the layout the import reads). */
export const schemeXlsxPath = (schemeId: string) => `${schemePath(schemeId)}/xlsx`;
export const roundPath = (roundId: string) => `${ROUNDS_PATH}/${id(roundId)}`;
export const resultsPath = (roundId: string) => `${roundPath(roundId)}/results`;
/** GET: the published report (PDF, landscape; or an Excel workbook). */
export const reportPath = (roundId: string, format: 'pdf' | 'xlsx') => `${roundPath(roundId)}/report.${format}`;
export const assessmentPath = (roundId: string, unitCode: string) => `${roundPath(roundId)}/units/${id(unitCode)}`;
/** GET: an evidence file (an attachment, never shown in the app's origin). */
export const evidencePath = (roundId: string, unitCode: string, evidenceId: string) => `${assessmentPath(roundId, unitCode)}/evidence/${id(evidenceId)}`;
const subPath = (roundId: string, unitCode: string, sub: string) => `${assessmentPath(roundId, unitCode)}/scores/${id(sub)}`;

/** POST 201: a scheme from a spreadsheet in base64 (422 PAR_SCHEME_INVALID names every bad row). */
export function importScheme(body: ImportSchemeInput): Promise<ParScheme> {
  return apiPost<ParScheme>(`${SCHEMES_PATH}/import`, { body });
}

/** POST 201: a scheme copied to another year, to amend. */
export function copyScheme(schemeId: string, body: CopySchemeInput): Promise<ParScheme> {
  return apiPost<ParScheme>(`${schemePath(schemeId)}/copy`, { body });
}

/** POST 201: a round of self-assessment. */
export function openRound(body: RoundInput): Promise<ParRound> {
  return apiPost<ParRound>(ROUNDS_PATH, { body });
}

/** POST: the round ends; every assessment is frozen as it stands. */
export function closeRound(roundId: string): Promise<ParRound> {
  return apiPost<ParRound>(`${roundPath(roundId)}/close`);
}

/** POST: the survey's percentages per unit and survey-based sub-criterion. */
export async function enterSurveyResults(roundId: string, body: SurveyResultsInput): Promise<void> {
  await apiPost<unknown>(`${roundPath(roundId)}/survey-results`, { body });
}

/** PUT: the unit's own score of a sub-criterion, against the version read (409 PAR_ASSESSMENT_CHANGED). */
export async function scoreSubCriterion(roundId: string, unitCode: string, sub: string, body: ScoreInput): Promise<void> {
  await apiRequest<unknown>('PUT', subPath(roundId, unitCode, sub), { body });
}

/** POST 201: evidence for a sub-criterion: a PDF, PNG or JPEG file in base64, or a link. */
export async function addEvidence(roundId: string, unitCode: string, sub: string, body: EvidenceInput): Promise<void> {
  await apiPost<unknown>(`${subPath(roundId, unitCode, sub)}/evidence`, { body });
}

/** POST: the unit's leader submits (400 names the sub-criteria still without evidence). */
export async function submitAssessment(roundId: string, unitCode: string, expectedSeq: number): Promise<void> {
  await apiPost<unknown>(`${assessmentPath(roundId, unitCode)}/submit`, { body: { expectedSeq } });
}

/** POST: the appraisers' points for a sub-criterion; a change needs a reason. */
export async function appraiseSubCriterion(roundId: string, unitCode: string, sub: string, body: AppraiseInput): Promise<void> {
  await apiPost<unknown>(`${subPath(roundId, unitCode, sub)}/appraisal`, { body });
}

/** POST: ask once for more evidence, or finish the appraisal. */
export async function decideAssessment(roundId: string, unitCode: string, body: DecisionInput): Promise<void> {
  await apiPost<unknown>(`${assessmentPath(roundId, unitCode)}/decision`, { body });
}
