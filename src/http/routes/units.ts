import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { listUnitOfficials } from '../../application/users/list-unit-officials.js';
import { actorOf } from '../plugins/auth.js';
import { UnitCodeParams, UnitList, UnitOfficialList, type UnitOfficial } from '../../contract/unit.js';

export function unitRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/units',
      {
        config: { access: 'public' },
        schema: {
          tags: ['units'],
          summary: 'Cây đơn vị hành chính (kể cả đơn vị cũ trước 1/7/2025)',
          response: { 200: UnitList },
        },
      },
      async () => ({
        units: ctx.deps.units
          .tree()
          .all()
          .sort((a, b) => a.code.localeCompare(b.code)),
      }),
    );
    r.get(
      '/units/:code/officials',
      {
        config: { access: { capability: 'officials.view' } },
        schema: {
          tags: ['units'],
          summary: 'Cán bộ của một đơn vị (chỉ trong phạm vi đơn vị của người xem)',
          params: UnitCodeParams,
          response: { 200: UnitOfficialList, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const officials = unwrap(await listUnitOfficials(ctx.deps, { actor: actorOf(request), unitCode: request.params.code }));
        return { officials: officials.map((o) => ({ ...o, role: o.role as UnitOfficial['role'] })) };
      },
    );
  };
}
