/**
 * The province's reform plans (kế hoạch cải cách hành chính, issue 23 item 7): the plans by year, a plan with its
 * completion per unit and overdue tasks (or its Excel workbook), adding and importing tasks; a task, its evidence,
 * editing and reopening it (the plan's keepers), reporting progress and completion (the owner unit), an inspection's
 * findings. Everything needs a session: the keepers (reform.manage) see the province's plan, a unit's leaders and
 * specialists (reform.report) their unit's tasks; a task they do not see does not exist for them (404).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { accepts, fileResponse, sendAttachment, sendFile, XLSX_TYPE } from '../file-reply.js';
import {
  AddFindingBody,
  AddReformTaskBody,
  EditReformTaskBody,
  EvidenceInput,
  ImportReformPlanBody,
  ReformFindingParams,
  ReformImportResult,
  ReformPlanList,
  ReformPlanQuery,
  ReformPlanView,
  ReformTaskDetail,
  ReformTaskOutcome,
  ReformTaskParams,
  ReformYearParams,
  ReopenReformTaskBody,
  ReportReformTaskBody,
  UpdateFindingBody,
} from '../../contract/reform-plan.js';
import { listReformPlans } from '../../application/reform-plan/list-reform-plans.js';
import { readReformPlan } from '../../application/reform-plan/read-reform-plan.js';
import { exportReformPlan } from '../../application/reform-plan/export-reform-plan.js';
import { addReformTask } from '../../application/reform-plan/add-reform-task.js';
import { importReformPlan } from '../../application/reform-plan/import-reform-plan.js';
import { readReformTask } from '../../application/reform-plan/read-reform-task.js';
import { readReformEvidence } from '../../application/reform-plan/read-reform-evidence.js';
import { editReformTask } from '../../application/reform-plan/edit-reform-task.js';
import { reportReformTask } from '../../application/reform-plan/report-reform-task.js';
import { reopenReformTask } from '../../application/reform-plan/reopen-reform-task.js';
import { addInspectionFinding } from '../../application/reform-plan/add-inspection-finding.js';
import { updateFindingRemedy } from '../../application/reform-plan/update-finding-remedy.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
/** A 10 MB file in base64, and the rest of the body. */
const FILE_BODY_LIMIT = 15 * 1024 * 1024;

export function reformPlanRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['reform-plans'];
    const session = { access: 'authenticated' } as const;
    const manage = { access: { capability: 'reform.manage' } } as const;
    const report = { access: { capability: 'reform.report' } } as const;

    r.get(
      '/reform-plans',
      {
        config: session,
        schema: { tags, summary: 'Các kế hoạch cải cách hành chính theo năm, với tỷ lệ hoàn thành', response: { 200: ReformPlanList, ...errors } },
      },
      async (request) => unwrap(await listReformPlans(deps, requestMeta(request))),
    );

    r.get(
      '/reform-plans/:year',
      {
        config: session,
        schema: {
          tags,
          summary:
            'Kế hoạch một năm: tỷ lệ hoàn thành của tỉnh và từng đơn vị, nhiệm vụ quá hạn (lâu nhất trước), danh sách nhiệm vụ; xuất Excel kèm tình trạng (Accept XLSX)',
          params: ReformYearParams,
          querystring: ReformPlanQuery,
          response: { 200: ReformPlanView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = requestMeta(request);
        if (accepts(request.headers.accept, XLSX_TYPE)) return sendFile(reply, unwrap(await exportReformPlan(deps, { year: request.params.year, meta })));
        return unwrap(await readReformPlan(deps, { year: request.params.year, query: request.query, meta }));
      },
    );

    r.post(
      '/reform-plans/:year/tasks',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Thêm một nhiệm vụ vào kế hoạch (tạo kế hoạch của năm nếu chưa có)',
          params: ReformYearParams,
          body: AddReformTaskBody,
          response: { 201: ReformTaskOutcome, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await addReformTask(deps, { year: request.params.year, body: request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/reform-plans/:year/import',
      {
        config: manage,
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Nhập kế hoạch từ tệp Excel (mỗi dòng một nhiệm vụ); có dòng sai thì không nhập dòng nào và nêu lỗi từng dòng',
          params: ReformYearParams,
          body: ImportReformPlanBody,
          response: { 200: ReformImportResult, ...errors },
        },
      },
      async (request) => unwrap(await importReformPlan(deps, { year: request.params.year, body: request.body, meta: requestMeta(request) })),
    );

    r.get(
      '/reform-tasks/:id',
      {
        config: session,
        schema: {
          tags,
          summary: 'Một nhiệm vụ: minh chứng, kết quả kiểm tra, lịch sử',
          params: ReformTaskParams,
          response: { 200: ReformTaskDetail, ...errors },
        },
      },
      async (request) => unwrap(await readReformTask(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/reform-tasks/:id/evidence',
      {
        config: session,
        schema: {
          tags,
          summary: 'Tải tệp minh chứng hoàn thành nhiệm vụ',
          params: ReformTaskParams,
          response: { 200: fileResponse(EvidenceInput.options[0].shape.contentType.options, 'Tệp minh chứng như đã gửi'), ...errors },
        },
      },
      async (request, reply) => sendAttachment(reply, unwrap(await readReformEvidence(deps, { id: request.params.id, meta: requestMeta(request) }))),
    );

    r.patch(
      '/reform-tasks/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sửa nhiệm vụ (nội dung, đơn vị chủ trì, thời hạn, sản phẩm)',
          params: ReformTaskParams,
          body: EditReformTaskBody,
          response: { 200: ReformTaskOutcome, ...errors },
        },
      },
      async (request) => unwrap(await editReformTask(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/reform-tasks/:id/reports',
      {
        config: report,
        bodyLimit: FILE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Đơn vị chủ trì báo cáo tiến độ, hoặc hoàn thành kèm minh chứng (tệp PDF, PNG, JPEG, DOCX, XLSX hoặc đường dẫn)',
          params: ReformTaskParams,
          body: ReportReformTaskBody,
          response: { 200: ReformTaskOutcome, ...errors },
        },
      },
      async (request) => unwrap(await reportReformTask(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/reform-tasks/:id/reopen',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mở lại nhiệm vụ đã báo cáo hoàn thành (nêu lý do)',
          params: ReformTaskParams,
          body: ReopenReformTaskBody,
          response: { 200: ReformTaskOutcome, ...errors },
        },
      },
      async (request) => unwrap(await reopenReformTask(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/reform-tasks/:id/findings',
      {
        config: session,
        schema: {
          tags,
          summary: 'Ghi nhận một phát hiện của nhiệm vụ kiểm tra',
          params: ReformTaskParams,
          body: AddFindingBody,
          response: { 200: ReformTaskOutcome, ...errors },
        },
      },
      async (request) => unwrap(await addInspectionFinding(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.patch(
      '/reform-tasks/:id/findings/:findingId',
      {
        config: session,
        schema: {
          tags,
          summary: 'Cập nhật tình hình khắc phục một phát hiện qua kiểm tra',
          params: ReformFindingParams,
          body: UpdateFindingBody,
          response: { 200: ReformTaskOutcome, ...errors },
        },
      },
      async (request) =>
        unwrap(await updateFindingRemedy(deps, { id: request.params.id, findingId: request.params.findingId, body: request.body, meta: requestMeta(request) })),
    );
  };
}
