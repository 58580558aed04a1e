/** Where lateness happened: per unit and official, the late dossiers' steps that overran their budget (working hours). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { latenessSummary } from '../../application/scorecard/lateness-summary.js';
import { LatenessQuery, LatenessSummary } from '../../contract/dossier-reports.js';

export function latenessRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/scorecard/lateness',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: {
          tags: ['scorecard'],
          summary: 'Trễ hạn ở đâu: theo đơn vị và cán bộ, các bước của hồ sơ trễ hạn đã vượt định mức thời gian và số giờ làm việc vượt',
          querystring: LatenessQuery,
          response: {
            200: LatenessSummary,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) =>
        unwrap(await latenessSummary(ctx.deps, { unit: request.query.unit, from: request.query.from, to: request.query.to, meta: requestMeta(request) })),
    );
  };
}
