/** Where lateness happened: per unit and official, the late dossiers' steps that overran their budget (working hours). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { isoDate, text } from '../../application/text-schema.js';
import { latenessSummary } from '../../application/scorecard/lateness-summary.js';

const Row = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  officialId: z.string().nullable(),
  officialName: z.string().nullable(),
  dossiers: z.number().describe('Số hồ sơ trễ hạn có bước của đơn vị (cán bộ) vượt định mức'),
  steps: z.number().describe('Số bước vượt định mức'),
  overrunHours: z.number().describe('Tổng số giờ làm việc vượt định mức'),
});

export function latenessRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/scorecard/lateness',
      {
        config: { access: { capability: 'scorecard.view' } },
        schema: {
          tags: ['scorecard'],
          summary: 'Trễ hạn ở đâu: theo đơn vị và cán bộ, các bước của hồ sơ trễ hạn đã vượt định mức thời gian và số giờ làm việc vượt',
          querystring: z.strictObject({ unit: text(40).trim().min(1), from: isoDate, to: isoDate.describe('Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này') }),
          response: {
            200: z.object({
              unit: z.string(),
              from: z.string(),
              to: z.string(),
              lateDossiers: z.number(),
              withoutOverrun: z.number().describe('Hồ sơ trễ hạn mà không bước nào vượt định mức'),
              withoutOverrunByUnit: z.array(z.object({ unitCode: z.string(), unitName: z.string(), dossiers: z.number() })),
              units: z.array(Row),
              officials: z.array(Row),
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await latenessSummary(ctx.deps, { unit: request.query.unit, from: request.query.from, to: request.query.to, meta: requestMeta(request) })),
    );
  };
}
