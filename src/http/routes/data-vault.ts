/**
 * "Provide once" (issue 20): the citizen's data vault and the desk's view of it with consent, reuse of a vault
 * document in a dossier, digitization at the desk, population-registry lookups and the e-form prefilled from them,
 * what a dossier recorded of all this, and the reports (lookups per unit and official, digitization per unit).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { DossierIdParams } from '../../contract/dossier.js';
import { DossierFile } from '../../contract/dossier-files.js';
import {
  DeskVaultQuery,
  DigitizationReport,
  DigitizeBody,
  DossierProvideOnce,
  IntakeForm,
  IntakeFormQuery,
  LookupReport,
  LookupReportQuery,
  MyVaultQuery,
  PopulationLookup,
  PopulationLookupBody,
  ReuseBody,
  VaultConsent,
  VaultConsentBody,
  VaultListing,
} from '../../contract/data-vault.js';
import { listDeskVault, listMyVault } from '../../application/data-vault/list-vault.js';
import { grantVaultConsent } from '../../application/data-vault/grant-vault-consent.js';
import { reuseVaultDocument } from '../../application/data-vault/reuse-vault-document.js';
import { digitizeComponent } from '../../application/data-vault/digitize-component.js';
import { lookupPopulation } from '../../application/data-vault/lookup-population.js';
import { intakeForm } from '../../application/data-vault/intake-form.js';
import { dossierProvideOnce } from '../../application/data-vault/dossier-provide-once.js';
import { digitizationReport, populationLookupReport } from '../../application/data-vault/provide-once-reports.js';

/** Scanned pages travel as base64 in JSON: 30 pages of a 10 MB file at most. */
const DIGITIZE_BODY_LIMIT = 15 * 1024 * 1024;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
const outside = { ...errors, 502: ErrorResponse, 503: ErrorResponse, 504: ErrorResponse };

export function dataVaultRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['data-vault'];

    r.get(
      '/my/vault',
      {
        config: { access: { capability: 'portal.use' } },
        schema: {
          tags,
          summary: 'Kho dữ liệu của tôi; với một thủ tục: giấy tờ dùng được cho từng thành phần (hỏi cả kho trên Cổng DVCQG)',
          querystring: MyVaultQuery,
          response: { 200: VaultListing, ...outside },
        },
      },
      async (request) => unwrap(await listMyVault(deps, { procedure: request.query.procedure, meta: requestMeta(request) })),
    );

    r.get(
      '/my/intake-form',
      {
        config: { access: { capability: 'portal.use' } },
        schema: {
          tags,
          summary: 'Biểu mẫu điện tử của thủ tục, điền sẵn từ tài khoản VNeID và Cơ sở dữ liệu quốc gia về dân cư',
          querystring: IntakeFormQuery,
          response: { 200: IntakeForm, ...outside },
        },
      },
      async (request) => unwrap(await intakeForm(deps, { procedure: request.query.procedure, meta: requestMeta(request) })),
    );

    r.get(
      '/vault',
      {
        config: { access: { capability: 'dossier.receive' } },
        schema: {
          tags,
          summary: 'Kho dữ liệu của công dân đến nộp hồ sơ tại quầy (cần công dân đồng ý, đã ghi nhận)',
          querystring: DeskVaultQuery,
          response: { 200: VaultListing, ...outside },
        },
      },
      async (request) => unwrap(await listDeskVault(deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.post(
      '/vault/consents',
      {
        config: { access: { capability: 'dossier.receive' } },
        schema: {
          tags,
          summary: 'Ghi nhận công dân đồng ý cho bộ phận một cửa xem kho dữ liệu (hiệu lực 2 giờ)',
          body: VaultConsentBody,
          response: { 201: VaultConsent, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await grantVaultConsent(deps, { ...request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/files/reuse',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Dùng giấy tờ trong kho dữ liệu cho một thành phần hồ sơ thay cho nộp tệp',
          params: DossierIdParams,
          body: ReuseBody,
          response: { 201: DossierFile, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await reuseVaultDocument(deps, { id: request.params.id, ...request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/files/digitize',
      {
        bodyLimit: DIGITIZE_BODY_LIMIT,
        config: { access: { capability: 'dossier.receive' } },
        schema: {
          tags,
          summary: 'Số hóa thành phần hồ sơ giấy tại quầy: ghép trang quét, xác nhận đúng bản gốc, ký số bằng chứng thư số của cơ quan',
          params: DossierIdParams,
          body: DigitizeBody,
          response: { 201: DossierFile, ...outside },
        },
      },
      async (request, reply) => {
        const { componentCode, from, validUntil, pages } = request.body;
        const decoded = pages.map((p) => Buffer.from(p.data, 'base64'));
        return reply
          .code(201)
          .send(unwrap(await digitizeComponent(deps, { id: request.params.id, componentCode, from, validUntil, pages: decoded, meta: requestMeta(request) })));
      },
    );

    r.get(
      '/dossiers/:id/provide-once',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Hồ sơ đã dùng dữ liệu sẵn có thế nào: biểu mẫu điền sẵn, tra cứu dân cư, số hóa, tái sử dụng, thời gian tiếp nhận',
          params: DossierIdParams,
          response: { 200: DossierProvideOnce, ...errors },
        },
      },
      async (request) => unwrap(await dossierProvideOnce(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/population/lookups',
      {
        config: { access: { capability: 'dossier.receive' } },
        schema: {
          tags,
          summary: 'Tra cứu Cơ sở dữ liệu quốc gia về dân cư để điền sẵn thông tin người nộp tại quầy (mỗi lượt đều được ghi nhật ký)',
          body: PopulationLookupBody,
          response: { 200: PopulationLookup, ...outside },
        },
      },
      async (request) => unwrap(await lookupPopulation(deps, { ...request.body, meta: requestMeta(request) })),
    );

    r.get(
      '/reports/population-lookups',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: { tags, summary: 'Lượt tra cứu dân cư theo đơn vị và cán bộ', querystring: LookupReportQuery, response: { 200: LookupReport, ...errors } },
      },
      async (request) => unwrap(await populationLookupReport(deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.get(
      '/reports/digitization',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: {
          tags,
          summary: 'Số hóa, tái sử dụng, dữ liệu dân cư và thời gian tiếp nhận theo đơn vị; số trường người nộp phải tự nhập theo thủ tục',
          querystring: LookupReportQuery,
          response: { 200: DigitizationReport, ...errors },
        },
      },
      async (request) => unwrap(await digitizationReport(deps, { ...request.query, meta: requestMeta(request) })),
    );
  };
}
