/** The procedure catalogue: public search and pages (CONTRACT), publication decisions and the watchdog. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { isoDate, text } from '../../application/text-schema.js';
import { ProcedureCode, ProcedureRecordSchema } from '../../application/catalogue/procedure-schema.js';
import type { CatalogueVersion } from '../../application/catalogue/catalogue-directory.js';
import { createDecision, deleteDraftDecision, getDecision, publishDecision } from '../../application/catalogue/publish-decision.js';
import { addLegalDocument, listLegalDocuments } from '../../application/catalogue/legal-documents.js';
import { watchdogReport } from '../../application/catalogue/watchdog-report.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { ONLINE_LEVELS, PROCEDURE_LEVELS } from '../../domain/catalogue/procedure.js';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { listPublicationDecisions } from '../../application/catalogue/list-publication-decisions.js';
import { DecisionList } from '../../contract/catalogue.js';

const ProcedureSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    fieldCode: z.string(),
    fieldName: z.string().nullable(),
    level: z.enum(PROCEDURE_LEVELS),
    onlineLevel: z.enum(ONLINE_LEVELS),
    timeLimits: z.array(z.object({ channel: z.string(), amount: z.number(), unit: z.string() })),
    competentAuthority: z.string(),
    implementingUnitCodes: z.array(z.string()),
    locationIndependent: z.boolean(),
    hasFee: z.boolean(),
  })
  .meta({ id: 'ProcedureSummary' });

const VersionInfo = z.object({
  id: z.string().describe('Id of this version: a dossier records it'),
  version: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  endReason: z.enum(['amended', 'replaced', 'abolished']).nullable(),
  replacedBy: z.string().nullable(),
  decision: z.object({ id: z.string(), number: z.string(), issuedOn: z.string() }),
});

const ProcedureDetail = ProcedureRecordSchema.extend({ fieldName: z.string().nullable(), versionInfo: VersionInfo }).meta({ id: 'ProcedureDetail' });

const ProblemList = z.array(z.object({ path: z.string(), message: z.string() }));

const DecisionItemInput = z.strictObject({
  kind: z.enum(['new', 'amended', 'replaced', 'abolished']),
  procedureCode: ProcedureCode,
  replacesCode: ProcedureCode.nullable().default(null),
  effectiveFrom: isoDate,
  legalDocumentNumber: text(100).trim().min(1).nullable().default(null),
  record: ProcedureRecordSchema.nullable().default(null),
});

const DecisionBody = z.strictObject({
  number: text(100).trim().min(1).describe('Số quyết định, ví dụ 1234/QĐ-UBND'),
  issuedOn: isoDate,
  signer: text(200).trim().min(1),
  unitCode: text(40).trim().min(1).describe('Cơ quan ban hành (UBND tỉnh)'),
  items: z.array(DecisionItemInput).min(1).max(500),
});

const DecisionIdParams = z.strictObject({ id: z.uuid() });

const LegalDocumentBody = z.strictObject({
  number: text(100).trim().min(1),
  title: text(500).trim().min(1),
  issuer: text(200).trim().min(1),
  issuedOn: isoDate,
  effectiveFrom: isoDate,
});

function summary(ctx: HttpContext, v: CatalogueVersion): z.infer<typeof ProcedureSummary> {
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

function versionInfo(v: CatalogueVersion): z.infer<typeof VersionInfo> {
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
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/procedures',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Tra cứu thủ tục hành chính (không cần gõ dấu, chấp nhận gõ sai nhẹ)',
          querystring: z.strictObject({
            q: text(200).optional(),
            field: text(40).optional(),
            level: z.enum(PROCEDURE_LEVELS).optional(),
            unit: text(40).optional().describe('Thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
            onlineLevel: z.enum(ONLINE_LEVELS).optional(),
            at: isoDate.optional().describe('Danh mục có hiệu lực vào ngày này (mặc định: hôm nay)'),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: {
            200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ProcedureSummary) }),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { q, field, level, unit, onlineLevel, at, page, pageSize } = request.query;
        if (unit !== undefined && !ctx.deps.units.tree().find(unit)) throw new AppError('UNIT_NOT_FOUND');
        const found = catalogue.search({ q, field, level, unit, onlineLevel, at: at ?? today() });
        const start = (page - 1) * pageSize;
        return { total: found.length, page, pageSize, items: found.slice(start, start + pageSize).map((v) => summary(ctx, v)) };
      },
    );

    r.get(
      '/procedure-fields',
      {
        config: { access: 'public' },
        schema: { tags: ['catalogue'], summary: 'Danh mục lĩnh vực', response: { 200: z.object({ fields: z.array(z.object({ code: z.string(), name: z.string() })) }) } },
      },
      async () => ({ fields: [...catalogue.fields()] }),
    );

    r.get(
      '/procedures/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Một thủ tục hành chính với đầy đủ nội dung đã công bố (phiên bản có hiệu lực)',
          params: z.strictObject({ code: ProcedureCode }),
          querystring: z.strictObject({ at: isoDate.optional().describe('Phiên bản có hiệu lực vào ngày này (mặc định: hôm nay)') }),
          response: { 200: ProcedureDetail, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const at = request.query.at ?? today();
        const v = catalogue.inForce(request.params.code, at);
        if (!v) throw new AppError('PROCEDURE_NOT_FOUND');
        return { ...v.record, fieldName: catalogue.fieldName(v.record.fieldCode), versionInfo: versionInfo(v) };
      },
    );

    r.get(
      '/procedures/:code/versions',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Lịch sử các phiên bản của một thủ tục',
          params: z.strictObject({ code: ProcedureCode }),
          response: { 200: z.object({ code: z.string(), versions: z.array(VersionInfo.extend({ name: z.string() })) }), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const history = catalogue.history(request.params.code);
        if (history.length === 0) throw new AppError('PROCEDURE_NOT_FOUND');
        return { code: request.params.code, versions: history.map((v) => ({ ...versionInfo(v), name: v.record.name })) };
      },
    );

    r.post(
      '/procedures/check',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Kiểm tra tính đầy đủ (a–h, Nghị định 63/2010) và tổng thời gian quy trình nội bộ của một thủ tục',
          body: ProcedureRecordSchema,
          response: { 200: z.object({ problems: z.array(z.object({ part: z.string(), path: z.string(), message: z.string() })) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
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
          response: {
            200: z.object({ documents: z.array(LegalDocumentBody.extend({ id: z.string(), decisions: z.number() })) }),
            401: ErrorResponse,
            403: ErrorResponse,
          },
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
          response: { 201: LegalDocumentBody.extend({ id: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
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
          response: {
            200: DecisionList,
            401: ErrorResponse,
            403: ErrorResponse,
          },
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
          response: {
            201: z.object({ id: z.string(), status: z.literal('draft'), problems: ProblemList.describe('Những điểm còn chặn việc công bố') }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
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
          response: {
            200: z.object({
              id: z.string(),
              number: z.string(),
              issuedOn: z.string(),
              signer: z.string(),
              unitCode: z.string(),
              status: z.string(),
              publishedAt: z.string().nullable(),
              items: z.array(
                z.object({
                  kind: z.string(),
                  procedureCode: z.string(),
                  replacesCode: z.string().nullable(),
                  effectiveFrom: z.string(),
                  legalDocumentNumber: z.string().nullable(),
                  record: ProcedureRecordSchema.nullable(),
                }),
              ),
              problems: ProblemList,
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
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
            200: z.object({ id: z.string(), status: z.literal('published'), items: z.number() }),
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
          response: { 200: z.object({ id: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => unwrap(await deleteDraftDecision(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    const Finding = z.object({
      decisionId: z.string(),
      decisionNumber: z.string(),
      issuedOn: z.string(),
      deadline: z.string(),
      workingDaysLate: z.number(),
      procedureCodes: z.array(z.string()),
      unitCodes: z.array(z.string()),
      communeWide: z.boolean().describe('Có thủ tục cấp xã áp dụng cho mọi xã (không nêu đơn vị)'),
    });
    r.get(
      '/catalogue/watchdog',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Theo dõi công bố: quyết định ban hành muộn, công khai muộn, văn bản (sắp có hoặc đã có hiệu lực) chưa có quyết định công bố',
          response: {
            200: z.object({
              today: z.string(),
              rules: z.object({ decisionLeadWorkingDays: z.number(), publishWithinWorkingDays: z.number(), warnWorkingDays: z.number() }),
              lateDecisions: z.array(Finding.extend({ legalNumber: z.string(), effectiveFrom: z.string() })),
              publicationDelays: z.array(Finding.extend({ publishedOn: z.string().nullable(), status: z.enum(['late', 'overdue', 'atRisk']) })),
              missingDecisions: z.array(
                z.object({
                  number: z.string(),
                  title: z.string(),
                  effectiveFrom: z.string(),
                  deadline: z.string().describe('Hạn ban hành quyết định công bố'),
                  status: z.enum(['overdue', 'atRisk']),
                  inForce: z.boolean().describe('Văn bản đã có hiệu lực mà chưa có quyết định công bố'),
                  workingDaysLate: z.number().int().describe('Số ngày làm việc chậm so với hạn ban hành quyết định'),
                }),
              ).describe('Văn bản chưa có quyết định nào công bố thủ tục theo nó, kể cả văn bản đã có hiệu lực'),
            }),
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await watchdogReport(ctx.deps, { meta: requestMeta(request) })),
    );
  };
}
