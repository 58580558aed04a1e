/**
 * The administrative-reform indices (issue 23): schemes (created, imported from and exported to a spreadsheet,
 * amended, copied to another year), rounds (opened, closed), a unit's self-assessment (scores, evidence, submission),
 * appraisal (scores accepted or changed with a reason, evidence asked for once, survey results), and the results with
 * the ranking and the published report.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import {
  AppraiseBody,
  AssessmentParams,
  CopySchemeBody,
  DecisionBody,
  EvidenceBody,
  EvidenceParams,
  IdParams,
  ImportSchemeBody,
  ParAssessment,
  ParResults,
  ParRound,
  ParScheme,
  ParSchemeSummary,
  RoundBody,
  SchemeBody,
  SchemeUpdateBody,
  ScoreBody,
  SeqBody,
  SubParams,
  SurveyResultsBody,
} from '../../contract/par-index.js';
import { copyScheme, createScheme, exportScheme, getScheme, importScheme, listSchemes, updateScheme } from '../../application/par-index/schemes.js';
import { closeRound, getRound, listRounds, openRound } from '../../application/par-index/rounds.js';
import { addEvidence, getAssessment, readEvidence, scoreSubCriterion, submitAssessment } from '../../application/par-index/assess.js';
import { appraiseSubCriterion, decideAssessment, enterSurveyResults } from '../../application/par-index/appraise.js';
import { roundReport, roundResults } from '../../application/par-index/results.js';
import { fileResponse, sendAttachment, sendFile, XLSX_TYPE } from '../file-reply.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
const FILE_BODY_LIMIT = 15 * 1024 * 1024;
const Seq = z.object({ seq: z.number(), status: z.string().optional() });

export function parIndexRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['par-index'];
    const manage = { access: { capability: 'par.manage' } } as const;
    // Readers: the department, or a unit's officials (the use cases scope them to their unit).
    const signedIn = { access: 'authenticated' } as const;

    r.get(
      '/par/schemes',
      { config: signedIn, schema: { tags, summary: 'Các bộ chỉ số cải cách hành chính', response: { 200: z.array(ParSchemeSummary), ...errors } } },
      async (request) => unwrap(await listSchemes(deps, { meta: requestMeta(request) })),
    );
    r.post(
      '/par/schemes',
      { config: manage, schema: { tags, summary: 'Tạo bộ chỉ số', body: SchemeBody, response: { 201: ParScheme, ...errors } } },
      async (request, reply) => reply.code(201).send(unwrap(await createScheme(deps, { ...request.body, meta: requestMeta(request) }))),
    );
    r.post(
      '/par/schemes/import',
      {
        config: manage,
        bodyLimit: FILE_BODY_LIMIT,
        schema: { tags, summary: 'Nhập bộ chỉ số từ tệp Excel (base64)', body: ImportSchemeBody, response: { 201: ParScheme, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(unwrap(await importScheme(deps, { ...request.body, bytes: Buffer.from(request.body.file, 'base64'), meta: requestMeta(request) }))),
    );
    r.get(
      '/par/schemes/:id',
      { config: signedIn, schema: { tags, summary: 'Một bộ chỉ số', params: IdParams, response: { 200: ParScheme, ...errors } } },
      async (request) => unwrap(await getScheme(deps, { id: request.params.id, meta: requestMeta(request) })),
    );
    r.get(
      '/par/schemes/:id/xlsx',
      {
        config: signedIn,
        schema: { tags, summary: 'Bộ chỉ số dạng Excel', params: IdParams, response: { 200: fileResponse(XLSX_TYPE, 'Bộ chỉ số'), ...errors } },
      },
      async (request, reply) => sendFile(reply, unwrap(await exportScheme(deps, { id: request.params.id, meta: requestMeta(request) }))),
    );
    r.put(
      '/par/schemes/:id',
      {
        config: manage,
        schema: { tags, summary: 'Sửa bộ chỉ số (theo phiên bản đã đọc)', params: IdParams, body: SchemeUpdateBody, response: { 200: ParScheme, ...errors } },
      },
      async (request) => unwrap(await updateScheme(deps, { id: request.params.id, ...request.body, meta: requestMeta(request) })),
    );
    r.post(
      '/par/schemes/:id/copy',
      {
        config: manage,
        schema: { tags, summary: 'Sao chép bộ chỉ số sang năm khác', params: IdParams, body: CopySchemeBody, response: { 201: ParScheme, ...errors } },
      },
      async (request, reply) => reply.code(201).send(unwrap(await copyScheme(deps, { id: request.params.id, ...request.body, meta: requestMeta(request) }))),
    );

    r.get(
      '/par/rounds',
      { config: signedIn, schema: { tags, summary: 'Các đợt đánh giá', response: { 200: z.array(ParRound), ...errors } } },
      async (request) => unwrap(await listRounds(deps, { meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds',
      { config: manage, schema: { tags, summary: 'Mở đợt đánh giá', body: RoundBody, response: { 201: ParRound, ...errors } } },
      async (request, reply) => reply.code(201).send(unwrap(await openRound(deps, { ...request.body, meta: requestMeta(request) }))),
    );
    r.get(
      '/par/rounds/:id',
      { config: signedIn, schema: { tags, summary: 'Một đợt đánh giá', params: IdParams, response: { 200: ParRound, ...errors } } },
      async (request) => unwrap(await getRound(deps, { id: request.params.id, meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds/:id/close',
      { config: manage, schema: { tags, summary: 'Kết thúc đợt đánh giá', params: IdParams, response: { 200: ParRound, ...errors } } },
      async (request) => unwrap(await closeRound(deps, { id: request.params.id, meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds/:id/survey-results',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Nhập kết quả điều tra xã hội học',
          params: IdParams,
          body: SurveyResultsBody,
          response: { 200: z.object({ entered: z.number() }), ...errors },
        },
      },
      async (request) => unwrap(await enterSurveyResults(deps, { roundId: request.params.id, ...request.body, meta: requestMeta(request) })),
    );
    r.get(
      '/par/rounds/:id/results',
      {
        config: signedIn,
        schema: { tags, summary: 'Kết quả, xếp hạng và thay đổi so với năm trước', params: IdParams, response: { 200: ParResults, ...errors } },
      },
      async (request) => unwrap(await roundResults(deps, { roundId: request.params.id, meta: requestMeta(request) })),
    );
    r.get(
      '/par/rounds/:id/report.:format',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Báo cáo kết quả (PDF hoặc Excel)',
          params: IdParams.extend({ format: z.enum(['pdf', 'xlsx']) }),
          response: { 200: fileResponse(['application/pdf', XLSX_TYPE], 'Báo cáo kết quả'), ...errors },
        },
      },
      async (request, reply) =>
        sendFile(reply, unwrap(await roundReport(deps, { roundId: request.params.id, format: request.params.format, meta: requestMeta(request) }))),
    );

    const assessment = (p: { id: string; unit: string }) => ({ roundId: p.id, unitCode: p.unit });
    r.get(
      '/par/rounds/:id/units/:unit',
      {
        config: signedIn,
        schema: { tags, summary: 'Kết quả tự đánh giá của một đơn vị', params: AssessmentParams, response: { 200: ParAssessment, ...errors } },
      },
      async (request) => unwrap(await getAssessment(deps, { ...assessment(request.params), meta: requestMeta(request) })),
    );
    r.put(
      '/par/rounds/:id/units/:unit/scores/:sub',
      {
        config: { access: { capability: 'par.assess' } },
        schema: {
          tags,
          summary: 'Đơn vị tự chấm một tiêu chí thành phần',
          params: SubParams,
          body: ScoreBody,
          response: { 200: z.object({ seq: z.number(), selfPoints: z.number() }), ...errors },
        },
      },
      async (request) =>
        unwrap(await scoreSubCriterion(deps, { ...assessment(request.params), subCode: request.params.sub, ...request.body, meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds/:id/units/:unit/scores/:sub/evidence',
      {
        config: { access: { capability: 'par.assess' } },
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Thêm tài liệu kiểm chứng (tệp hoặc liên kết)',
          params: SubParams,
          body: EvidenceBody,
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            unwrap(await addEvidence(deps, { ...assessment(request.params), subCode: request.params.sub, evidence: request.body, meta: requestMeta(request) })),
          ),
    );
    r.get(
      '/par/rounds/:id/units/:unit/evidence/:evidenceId',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Tải tài liệu kiểm chứng',
          params: EvidenceParams,
          response: { 200: fileResponse(['application/pdf', 'image/png', 'image/jpeg'], 'Tệp'), ...errors },
        },
      },
      async (request, reply) =>
        sendAttachment(
          reply,
          unwrap(await readEvidence(deps, { ...assessment(request.params), evidenceId: request.params.evidenceId, meta: requestMeta(request) })),
        ),
    );
    r.post(
      '/par/rounds/:id/units/:unit/submit',
      {
        config: { access: { capability: 'par.submit' } },
        schema: { tags, summary: 'Lãnh đạo đơn vị gửi kết quả tự đánh giá', params: AssessmentParams, body: SeqBody, response: { 200: Seq, ...errors } },
      },
      async (request) => unwrap(await submitAssessment(deps, { ...assessment(request.params), ...request.body, meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds/:id/units/:unit/scores/:sub/appraisal',
      {
        config: manage,
        schema: { tags, summary: 'Thẩm định một tiêu chí thành phần', params: SubParams, body: AppraiseBody, response: { 200: Seq, ...errors } },
      },
      async (request) =>
        unwrap(await appraiseSubCriterion(deps, { ...assessment(request.params), subCode: request.params.sub, ...request.body, meta: requestMeta(request) })),
    );
    r.post(
      '/par/rounds/:id/units/:unit/decision',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Yêu cầu bổ sung tài liệu kiểm chứng (một lần) hoặc hoàn thành thẩm định',
          params: AssessmentParams,
          body: DecisionBody,
          response: { 200: Seq, ...errors },
        },
      },
      async (request) => unwrap(await decideAssessment(deps, { ...assessment(request.params), ...request.body, meta: requestMeta(request) })),
    );
  };
}
