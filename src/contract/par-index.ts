/**
 * What crosses the wire for the administrative-reform indices (issue 23): schemes, rounds, a unit's assessment with
 * its scores, evidence and automatic figures, appraisal, and the results.
 */
import { z } from 'zod';
import { text } from './text.js';
import { AUTO_FIGURE_KEYS, SCHEME_LEVELS, type AutoFigure } from '../domain/par-index/scheme.js';
import { ASSESSMENT_STATUSES } from '../domain/par-index/assessment.js';

const code = text(20).regex(/^\d+(\.\d+){0,2}$/, 'Mã dạng 1, 1.2 hoặc 1.2.3');
const points = z.number().min(0).max(1000);

export const ScoringMethod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesNo') }),
  z.strictObject({
    kind: z.literal('levels'),
    levels: z
      .array(z.strictObject({ label: text(200).min(1), points }))
      .min(2)
      .max(10),
  }),
  z.strictObject({
    kind: z.literal('figure'),
    figure: z.enum(AUTO_FIGURE_KEYS as [AutoFigure, ...AutoFigure[]]),
    bands: z
      .array(z.strictObject({ from: z.number().min(0).max(100), points }))
      .max(10)
      .optional(),
  }),
  z.strictObject({ kind: z.literal('survey') }),
  z.strictObject({ kind: z.literal('manual') }),
]);

export const SchemeDefinition = z
  .strictObject({
    fields: z
      .array(
        z.strictObject({
          code,
          name: text(500).min(1),
          criteria: z
            .array(
              z.strictObject({
                code,
                name: text(500).min(1),
                subCriteria: z.array(z.strictObject({ code, name: text(1000).min(1), maxPoints: points, method: ScoringMethod, evidence: text(1000) })).max(60),
              }),
            )
            .max(30),
        }),
      )
      .max(15),
  })
  .meta({ id: 'ParSchemeDefinition' });

const level = z.enum(SCHEME_LEVELS);
const year = z.number().int().min(2000).max(2100);
const name = text(300).trim().min(3);

export const SchemeBody = z.strictObject({ year, level, name, definition: SchemeDefinition });
export const SchemeUpdateBody = z.strictObject({ expectedVersion: z.number().int().min(1), name, definition: SchemeDefinition });
export const CopySchemeBody = z.strictObject({ year, name });
/** The spreadsheet in base64 (at most 5 MB). */
export const ImportSchemeBody = z.strictObject({ year, level, name, file: z.string().min(1).max(7_000_000) });

export const ParScheme = z
  .object({ id: z.string(), year: z.number(), level, name: z.string(), definition: SchemeDefinition, version: z.number(), copiedFrom: z.string().nullable() })
  .meta({ id: 'ParScheme' });
export const ParSchemeSummary = z.object({
  id: z.string(),
  year: z.number(),
  level,
  name: z.string(),
  version: z.number(),
  maxPoints: z.number(),
  subCriteria: z.number(),
  rounds: z.number(),
});

export const IdParams = z.strictObject({ id: z.uuid() });
export const AssessmentParams = z.strictObject({ id: z.uuid(), unit: text(40).min(1) });
export const SubParams = AssessmentParams.extend({ sub: code });
export const EvidenceParams = AssessmentParams.extend({ evidenceId: z.uuid() });

export const RoundBody = z.strictObject({
  schemeId: z.uuid(),
  name,
  year,
  deadline: z.iso.date(),
  unitCodes: z.array(text(40).min(1)).max(500).nullable().describe('Để trống: mọi đơn vị cùng cấp với bộ chỉ số'),
});
export const ParRound = z
  .object({
    id: z.string(),
    schemeId: z.string(),
    schemeName: z.string(),
    level: z.string(),
    name: z.string(),
    year: z.number(),
    deadline: z.string(),
    status: z.enum(['open', 'closed']),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        status: z.enum(ASSESSMENT_STATUSES),
        statusLabel: z.string(),
        submittedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ParRound' });

export const Answer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesNo'), done: z.boolean() }),
  z.strictObject({ kind: z.literal('levels'), level: z.number().int().min(0).max(20) }),
  z.strictObject({ kind: z.literal('figure'), value: z.number().nullable() }),
  z.strictObject({ kind: z.literal('survey'), value: z.number().nullable() }),
  z.strictObject({ kind: z.literal('manual'), points }),
]);
export const ScoreBody = z.strictObject({ expectedSeq: z.number().int().min(1), answer: Answer, note: text(2000).trim().nullable() });
export const EvidenceBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    name: text(300).trim().min(1),
    contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], 'Chỉ nhận tệp PDF, PNG hoặc JPEG'),
    data: z.string().min(1).max(14_000_000, 'Tệp lớn hơn 10 MB'),
  }),
  z.strictObject({ kind: z.literal('link'), name: text(300).trim().min(1), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export const SeqBody = z.strictObject({ expectedSeq: z.number().int().min(1) });
export const AppraiseBody = z.strictObject({ expectedSeq: z.number().int().min(1), points, reason: text(2000).trim().nullable() });
export const DecisionBody = z.strictObject({
  expectedSeq: z.number().int().min(1),
  decision: z.enum(['requestEvidence', 'finish']),
  note: text(2000).trim().nullable(),
});
export const SurveyResultsBody = z.strictObject({
  results: z
    .array(z.strictObject({ unitCode: text(40).min(1), subCode: code, value: z.number().min(0).max(100) }))
    .min(1)
    .max(5000),
});

const Totals = z.object({
  total: z.number(),
  max: z.number(),
  percent: z.number(),
  fields: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      points: z.number(),
      max: z.number(),
      percent: z.number(),
      criteria: z.array(z.object({ code: z.string(), points: z.number(), max: z.number() })),
    }),
  ),
});

export const ParAssessment = z
  .object({
    round: z.object({ id: z.string(), name: z.string(), year: z.number(), deadline: z.string(), status: z.enum(['open', 'closed']) }),
    unitCode: z.string(),
    unitName: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    seq: z.number(),
    evidenceRequested: z.boolean(),
    evidenceNote: z.string().nullable(),
    submittedAt: z.string().nullable(),
    scheme: z.object({ id: z.string(), name: z.string(), level, year: z.number(), definition: SchemeDefinition }),
    scores: z.array(
      z.object({
        code: z.string(),
        answer: Answer.nullable(),
        selfPoints: z.number().nullable(),
        selfNote: z.string().nullable(),
        appraisedPoints: z.number().nullable(),
        appraisalReason: z.string().nullable(),
        appraisedAt: z.string().nullable(),
      }),
    ),
    evidence: z.array(
      z.object({
        id: z.string(),
        subCode: z.string(),
        kind: z.enum(['file', 'link']),
        name: z.string(),
        url: z.string().nullable(),
        contentType: z.string().nullable(),
        size: z.number().nullable(),
        createdAt: z.string(),
      }),
    ),
    figures: z.array(
      z.object({
        figure: z.string(),
        label: z.string(),
        value: z.number().nullable(),
        source: z.union([z.object({ indicator: z.string() }), z.object({ report: z.string() }), z.object({ legal: z.string() })]),
        counted: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
        /** Taken into the scores (at submission or the round's close): the value scored, not today's. */
        frozen: z.boolean(),
      }),
    ),
    totals: z.object({ self: Totals, final: Totals }),
    availableActions: z.array(z.enum(['score', 'submit', 'requestEvidence', 'appraise', 'finish'])),
  })
  .meta({ id: 'ParAssessment' });
export type ParAssessment = z.infer<typeof ParAssessment>;

export const ParResults = z
  .object({
    round: z.object({ id: z.string(), name: z.string(), year: z.number(), status: z.enum(['open', 'closed']), level: z.string(), schemeName: z.string() }),
    previousRound: z.object({ id: z.string(), name: z.string(), year: z.number() }).nullable(),
    fields: z.array(z.object({ code: z.string(), name: z.string(), max: z.number() })),
    units: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        status: z.enum(ASSESSMENT_STATUSES),
        totals: Totals,
        rank: z.number(),
        previousRank: z.number().nullable(),
        rankChange: z.number().nullable(),
        totalChange: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ParResults' });
export type ParResults = z.infer<typeof ParResults>;
