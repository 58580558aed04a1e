/** The procedure catalogue: public search and pages (CONTRACT), publication decisions and the watchdog. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { createPublicCache } from '../public-cache.js';
import type { CatalogueVersion } from '../../application/catalogue/catalogue-directory.js';
import { createDecision } from '../../application/catalogue/create-decision-draft.js';
import { deleteDraftDecision } from '../../application/catalogue/delete-draft-decision.js';
import { getDecision } from '../../application/catalogue/get-decision.js';
import { publishDecision } from '../../application/catalogue/publish-decision.js';
import { addLegalDocument, listLegalDocuments } from '../../application/catalogue/legal-documents.js';
import { watchdogReport } from '../../application/catalogue/watchdog-report.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { listPublicationDecisions } from '../../application/catalogue/list-publication-decisions.js';
import {
  CompletenessReport,
  ProcedureAtQuery,
  ProcedureCodeParams,
  ProcedureDetail,
  ProcedureFields,
  ProcedureRecord,
  ProcedureSearchPage,
  ProcedureSearchQuery,
  ProcedureVersions,
  type ProcedureSummary,
  type ProcedureVersionInfo,
} from '../../contract/procedure.js';
import {
  DecisionBody,
  DecisionCreated,
  DecisionDeleted,
  DecisionDetail,
  DecisionIdParams,
  DecisionList,
  DecisionPublished,
  LegalDocumentBody,
  LegalDocumentCreated,
  LegalDocumentList,
  WatchdogReport,
} from '../../contract/publication.js';

function summary(ctx: HttpContext, v: CatalogueVersion): ProcedureSummary {
  const r = v.record;
  return {
    code: v.code,
    name: r.name,
    fieldCode: r.fieldCode,
    fieldName: ctx.deps.catalogue.fieldName(r.fieldCode),
    level: r.level,
    onlineLevel: r.onlineLevel,
    timeLimits: r.methods.map((m) => ({ channel: m.channel, amount: m.timeLimit.amount, unit: m.timeLimit.unit })),
    competentAuthority: r.agency.competentAuthority,
    implementingUnitCodes: r.agency.implementingUnitCodes,
    locationIndependent: r.locationIndependent,
    hasFee: r.fees.some((f) => f.amount > 0),
  };
}

function versionInfo(v: CatalogueVersion): ProcedureVersionInfo {
  return {
    id: v.id,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    endReason: v.endReason,
    replacedBy: v.replacedBy,
    decision: { id: v.decisionId, number: v.decisionNumber, issuedOn: v.decisionIssuedOn },
  };
}

export function catalogueRoutes(ctx: HttpContext) {
  const { catalogue } = ctx.deps;
  const today = () => vietnamDate(ctx.deps.clock());
  // Catalogue pages change only on publication (and with the day, which picks the versions in force).
  const cache = createPublicCache({ maxAgeSeconds: 300 });
  const published = () => ({ revision: `${catalogue.revision()}.${today()}`, source: ctx.deps.units.tree() });
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/procedures',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Tra cứu thủ tục hành chính (không cần gõ dấu, chấp nhận gõ sai nhẹ)',
          querystring: ProcedureSearchQuery,
          response: { 200: ProcedureSearchPage, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        cache.serve(request, reply, published(), () => {
          const { q, field, level, unit, onlineLevel, at, page, pageSize } = request.query;
          if (unit !== undefined && !ctx.deps.units.tree().find(unit)) throw new AppError('UNIT_NOT_FOUND');
          const found = catalogue.search({ q, field, level, unit, onlineLevel, at: at ?? today() });
          const start = (page - 1) * pageSize;
          return { total: found.length, page, pageSize, items: found.slice(start, start + pageSize).map((v) => summary(ctx, v)) };
        }),
    );

    r.get(
      '/procedure-fields',
      {
        config: { access: 'public' },
        schema: { tags: ['catalogue'], summary: 'Danh mục lĩnh vực', response: { 200: ProcedureFields } },
      },
      async (request, reply) => cache.serve(request, reply, published(), () => ({ fields: [...catalogue.fields()] })),
    );

    r.get(
      '/procedures/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Một thủ tục hành chính với đầy đủ nội dung đã công bố (phiên bản có hiệu lực)',
          params: ProcedureCodeParams,
          querystring: ProcedureAtQuery,
          response: { 200: ProcedureDetail, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        cache.serve(request, reply, published(), () => {
          const v = catalogue.inForce(request.params.code, request.query.at ?? today());
          if (!v) throw new AppError('PROCEDURE_NOT_FOUND');
          return { ...v.record, fieldName: catalogue.fieldName(v.record.fieldCode), versionInfo: versionInfo(v) };
        }),
    );

    r.get(
      '/procedures/:code/versions',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Lịch sử các phiên bản của một thủ tục',
          params: ProcedureCodeParams,
          response: { 200: ProcedureVersions, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        cache.serve(request, reply, published(), () => {
          const history = catalogue.history(request.params.code);
          if (history.length === 0) throw new AppError('PROCEDURE_NOT_FOUND');
          return { code: request.params.code, versions: history.map((v) => ({ ...versionInfo(v), name: v.record.name })) };
        }),
    );

    r.post(
      '/procedures/check',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Kiểm tra tính đầy đủ (a–h, Nghị định 63/2010) và tổng thời gian quy trình nội bộ của một thủ tục',
          body: ProcedureRecord,
          response: { 200: CompletenessReport, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ problems: publicationProblems(request.body) }),
    );

    r.get(
      '/legal-documents',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Văn bản pháp luật làm căn cứ công bố thủ tục',
          response: { 200: LegalDocumentList, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ documents: unwrap(await listLegalDocuments(ctx.deps, requestMeta(request))) }),
    );

    r.post(
      '/legal-documents',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Thêm văn bản pháp luật (để theo dõi hạn ban hành quyết định công bố)',
          body: LegalDocumentBody,
          response: { 201: LegalDocumentCreated, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const created = unwrap(await addLegalDocument(ctx.deps, { ...request.body, meta: requestMeta(request) }));
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/publication-decisions',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Các quyết định công bố thủ tục',
          response: { 200: DecisionList, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async () => ({ decisions: await listPublicationDecisions(ctx.deps) }),
    );

    r.post(
      '/publication-decisions',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Soạn quyết định công bố (bản nháp): thủ tục mới, sửa đổi, thay thế, bãi bỏ',
          body: DecisionBody,
          response: { 201: DecisionCreated, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const created = unwrap(await createDecision(ctx.deps, { ...request.body, meta: requestMeta(request) }));
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/publication-decisions/:id',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Một quyết định công bố, với những điểm còn chặn việc công bố',
          params: DecisionIdParams,
          response: { 200: DecisionDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getDecision(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/publication-decisions/:id/publish',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Công bố: tạo phiên bản mới của các thủ tục, kết thúc phiên bản cũ vào ngày hiệu lực',
          params: DecisionIdParams,
          response: {
            200: DecisionPublished,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await publishDecision(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.delete(
      '/publication-decisions/:id',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Xóa quyết định còn là bản nháp',
          params: DecisionIdParams,
          response: { 200: DecisionDeleted, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => unwrap(await deleteDraftDecision(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/catalogue/watchdog',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Theo dõi công bố: quyết định ban hành muộn, công khai muộn, văn bản (sắp có hoặc đã có hiệu lực) chưa có quyết định công bố',
          response: { 200: WatchdogReport, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await watchdogReport(ctx.deps, { meta: requestMeta(request) })),
    );
  };
}
