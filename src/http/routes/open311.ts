/**
 * Citizen feedback through Open311 GeoReport v2 (issue 22 §7): `services.json`, `services/{code}.json`,
 * `requests.json` (GET and POST, form-encoded or JSON), `requests/{id}.json`, `tokens/{token}.json`, under
 * /api/v1/open311/v2. Errors in Open311's shape: a list of `{code, description}`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import formbody from '@fastify/formbody';
import { z } from 'zod';
import { requestMeta } from '../plugins/auth.js';
import type { HttpContext } from '../context.js';
import { text } from '../../contract/text.js';
import type { AppErrorValue } from '../../domain/errors/error-codes.js';
import { ERROR_STATUS } from '../error-status.js';
import { listOpen311, open311Service, OPEN311_SERVICES, submitOpen311 } from '../../application/feedback/open311.js';

const INTAKE_LIMIT = { max: 10, timeWindow: 60_000 };

/** Open311's error list; the Vietnamese message with the details. */
function open311Error(reply: FastifyReply, error: AppErrorValue) {
  const details = Array.isArray(error.details) ? (error.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join('; ') : '';
  const status = ERROR_STATUS[error.code];
  return reply.code(status).send([{ code: status, description: `${error.message}${details ? ` (${details})` : ''}` }]);
}

const SubmitBody = z.looseObject({
  api_key: text(200).optional(),
  service_code: text(40),
  description: text(10_000).trim().min(20, 'Nội dung cần ít nhất 20 ký tự'),
  first_name: text(100).optional(),
  last_name: text(100).optional(),
  email: z.email().max(200).optional(),
  phone: text(20).optional(),
  address_string: text(500).optional(),
});

/** Form-encoded `attribute[code]=value` pairs, or a JSON object `attribute`. */
function attributesOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (body.attribute && typeof body.attribute === 'object') for (const [k, v] of Object.entries(body.attribute)) if (typeof v === 'string') out[k] = v;
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([a-z_]{1,40})\]$/.exec(k);
    if (m && typeof v === 'string') out[m[1]!] = v.slice(0, 1000);
  }
  return out;
}

export function open311Routes(ctx: HttpContext) {
  const deps = { ...ctx.deps, open311Keys: ctx.config.OPEN311_API_KEYS };
  return async (app: FastifyInstance) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    const pub = { access: 'public' } as const;

    r.get('/open311/v2/services.json', { config: pub, schema: { tags, summary: 'Open311: các dịch vụ (loại phản ánh)' } }, async () => OPEN311_SERVICES);

    r.get(
      '/open311/v2/services/:code.json',
      { config: pub, schema: { tags, summary: 'Open311: định nghĩa một dịch vụ', params: z.object({ code: text(40) }) } },
      async (request, reply) =>
        open311Service(deps, request.params.code) ?? reply.code(404).send([{ code: 404, description: `Không có dịch vụ ${request.params.code}` }]),
    );

    r.post(
      '/open311/v2/requests.json',
      {
        config: { ...pub, rateLimit: INTAKE_LIMIT },
        schema: { tags, summary: 'Open311: gửi một phản ánh (khóa API của ứng dụng, hoặc câu hỏi kiểm tra)', body: SubmitBody },
      },
      async (request, reply) => {
        const body = request.body as z.infer<typeof SubmitBody>;
        const result = await submitOpen311(deps, { body: { ...body, attribute: attributesOf(body) }, meta: requestMeta(request) });
        return result.ok ? reply.code(201).send(result.value) : open311Error(reply, result.error);
      },
    );

    r.get(
      '/open311/v2/requests.json',
      {
        config: pub,
        schema: {
          tags,
          summary: 'Open311: danh sách phản ánh (không có dữ liệu cá nhân)',
          querystring: z.object({
            service_request_id: text(2000).optional(),
            service_code: text(40).optional(),
            status: z.enum(['open', 'closed']).optional(),
            start_date: text(40).optional(),
            end_date: text(40).optional(),
            jurisdiction_id: text(100).optional(),
          }),
        },
      },
      async (request, reply) => {
        const result = await listOpen311(deps, request.query);
        return result.ok ? result.value : open311Error(reply, result.error);
      },
    );

    r.get(
      '/open311/v2/requests/:id.json',
      { config: pub, schema: { tags, summary: 'Open311: một phản ánh', params: z.object({ id: text(40) }) } },
      async (request, reply) => {
        const result = await listOpen311(deps, { service_request_id: request.params.id });
        if (!result.ok) return open311Error(reply, result.error);
        return result.value.length > 0 ? result.value : reply.code(404).send([{ code: 404, description: 'Không tìm thấy phản ánh' }]);
      },
    );

    r.get(
      '/open311/v2/tokens/:token.json',
      { config: pub, schema: { tags, summary: 'Open311: mã phiếu → mã phản ánh (tiếp nhận đồng bộ: trùng nhau)', params: z.object({ token: text(40) }) } },
      async (request, reply) => {
        const result = await listOpen311(deps, { service_request_id: request.params.token });
        if (!result.ok || result.value.length === 0) return reply.code(404).send([{ code: 404, description: 'Không tìm thấy phiếu' }]);
        return [{ service_request_id: request.params.token, token: request.params.token }];
      },
    );
  };
}
