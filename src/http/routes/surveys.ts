/**
 * The province's satisfaction survey (issue 23 §6; docs/SURVEY.md): the public answering page's invitation and answer
 * (the token is the credential; rate-limited like the feedback form's reporter routes), the applicant's offer on their
 * dossier's page, the rounds (opened and closed with survey.manage), the results per unit and element of a round or a
 * month (scorecard.view; Excel by Accept) and the monthly aggregate in the national portal's DongBoDanhGia shape.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { accepts, sendFile, XLSX_TYPE } from '../file-reply.js';
import { DossierIdParams } from '../../contract/dossier.js';
import {
  DossierSurveyOffer,
  OpenSurveyRoundBody,
  SurveyAnswerBody,
  SurveyAnswerReceipt,
  SurveyInvitation,
  SurveyInvitationIssued,
  SurveyMonthQuery,
  SurveyPopulation,
  SurveyPopulationQuery,
  SurveyPortalRatings,
  SurveyResults,
  SurveyRound,
  SurveyRoundList,
  SurveyRoundParams,
  SurveyTokenParams,
} from '../../contract/survey.js';
import { getSurveyInvitation } from '../../application/survey/survey-invitation.js';
import { answerSurvey } from '../../application/survey/answer-survey.js';
import { getDossierSurveyOffer } from '../../application/survey/dossier-survey-offer.js';
import { issueSurveyInvitation } from '../../application/survey/issue-survey-invitation.js';
import { listSurveyRounds } from '../../application/survey/list-survey-rounds.js';
import { openSurveyRound } from '../../application/survey/open-survey-round.js';
import { closeSurveyRound } from '../../application/survey/close-survey-round.js';
import { roundResults } from '../../application/survey/round-results.js';
import { monthResults } from '../../application/survey/month-results.js';
import { surveyResultsFile } from '../../application/survey/survey-results-file.js';
import { viewSurveyPortalRatings } from '../../application/survey/survey-portal-ratings.js';
import { previewSurveyPopulation } from '../../application/survey/preview-survey-population.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
/** A person answers one survey in a few minutes; a flood of guesses at tokens is refused (429) before it costs anything. */
const ANSWER_LIMIT = { max: 30, timeWindow: 60_000 };

export function surveyRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['surveys'];
    const pub = { access: 'public', rateLimit: ANSWER_LIMIT } as const;
    const view = { access: { capability: 'scorecard.view' } } as const;
    const manage = { access: { capability: 'survey.manage' } } as const;

    r.get(
      '/surveys/invitations/:token',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Phiếu khảo sát sự hài lòng theo đường dẫn trong thư mời (không cần đăng nhập): câu hỏi, và phiếu còn trả lời được không',
          params: SurveyTokenParams,
          response: { 200: SurveyInvitation, ...errors },
        },
      },
      async (request) => unwrap(await getSurveyInvitation(deps, { token: request.params.token })),
    );

    r.post(
      '/surveys/invitations/:token',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Trả lời phiếu khảo sát (một lần mỗi phiếu): mức hài lòng 1–5 từng yếu tố, yếu tố cần cải thiện nhất, ý kiến khác',
          params: SurveyTokenParams,
          body: SurveyAnswerBody,
          response: { 201: SurveyAnswerReceipt, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await answerSurvey(deps, { token: request.params.token, body: request.body, meta: requestMeta(request) }))),
    );

    r.get(
      '/surveys/dossiers/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Người nộp: đợt khảo sát sự hài lòng mời đánh giá hồ sơ này (null khi không có)',
          params: DossierIdParams,
          response: { 200: DossierSurveyOffer, ...errors },
        },
      },
      async (request) => unwrap(await getDossierSurveyOffer(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/surveys/dossiers/:id/invitation',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Người nộp mở phiếu khảo sát của hồ sơ từ trang hồ sơ: mã phiếu mới (đường dẫn gửi trước đó hết hiệu lực)',
          params: DossierIdParams,
          response: { 201: SurveyInvitationIssued, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await issueSurveyInvitation(deps, { id: request.params.id, meta: requestMeta(request) }))),
    );

    r.get(
      '/surveys/rounds',
      {
        config: view,
        schema: {
          tags,
          summary: 'Các đợt khảo sát sự hài lòng liên quan đến đơn vị của người xem, mới nhất trước',
          response: { 200: SurveyRoundList, ...errors },
        },
      },
      async (request) => unwrap(await listSurveyRounds(deps, { meta: requestMeta(request) })),
    );

    r.get(
      '/surveys/population',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Trước khi mở đợt: số hồ sơ đã trả kết quả trong kỳ (N) và cỡ mẫu n = ceil(N / (1 + N·e²))',
          querystring: SurveyPopulationQuery,
          response: { 200: SurveyPopulation, ...errors },
        },
      },
      async (request) => unwrap(await previewSurveyPopulation(deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.post(
      '/surveys/rounds',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mở đợt khảo sát: đếm N, chọn ngẫu nhiên n hồ sơ, tạo phiếu mời và gửi thư điện tử cho người nộp có địa chỉ',
          body: OpenSurveyRoundBody,
          response: { 201: SurveyRound, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await openSurveyRound(deps, { body: request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/surveys/rounds/:id/close',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Kết thúc đợt khảo sát: phiếu mời không nhận trả lời nữa',
          params: SurveyRoundParams,
          response: { 200: SurveyRound, ...errors },
        },
      },
      async (request) => unwrap(await closeSurveyRound(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/surveys/rounds/:id/results',
      {
        config: view,
        schema: {
          tags,
          summary: 'Kết quả một đợt theo đơn vị và yếu tố: chỉ số hài lòng, tỷ lệ phản hồi, sai số (JSON; Accept XLSX cho tệp Excel)',
          params: SurveyRoundParams,
          response: { 200: SurveyResults, ...errors },
        },
      },
      async (request, reply) => {
        const input = { id: request.params.id, meta: requestMeta(request) };
        if (accepts(request.headers.accept, XLSX_TYPE)) return sendFile(reply, unwrap(await surveyResultsFile(deps, { roundId: input.id, meta: input.meta })));
        return unwrap(await roundResults(deps, input));
      },
    );

    r.get(
      '/surveys/results',
      {
        config: view,
        schema: {
          tags,
          summary: 'Kết quả khảo sát của các hồ sơ trả kết quả trong một tháng, theo đơn vị và yếu tố (JSON; Accept XLSX cho tệp Excel)',
          querystring: SurveyMonthQuery,
          response: { 200: SurveyResults, ...errors },
        },
      },
      async (request, reply) => {
        const input = { ...request.query, meta: requestMeta(request) };
        if (accepts(request.headers.accept, XLSX_TYPE)) return sendFile(reply, unwrap(await surveyResultsFile(deps, input)));
        return unwrap(await monthResults(deps, input));
      },
    );

    r.get(
      '/surveys/portal-ratings',
      {
        config: view,
        schema: {
          tags,
          summary: 'Tổng hợp tháng của phiếu khảo sát theo dạng DongBoDanhGia của Cổng Dịch vụ công quốc gia (xem; việc gửi do tác vụ hằng tháng)',
          querystring: SurveyMonthQuery,
          response: { 200: SurveyPortalRatings, ...errors },
        },
      },
      async (request) => unwrap(await viewSurveyPortalRatings(deps, { ...request.query, meta: requestMeta(request) })),
    );
  };
}
