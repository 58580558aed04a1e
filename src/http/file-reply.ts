/** Files as responses: PDF and Excel bodies, and how the OpenAPI document describes them. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A non-JSON 200 response (a Buffer, sent as it is) of one media type or one of several, as the OpenAPI document describes it. */
export function fileResponse(mediaType: string | readonly string[], description: string) {
  const types = typeof mediaType === 'string' ? [mediaType] : mediaType;
  return { description, content: Object.fromEntries(types.map((t) => [t, { schema: z.any().meta({ type: 'string', contentMediaType: t }) }])) };
}

export function sendPdf(reply: FastifyReply, body: Buffer, fileName: string) {
  return (
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName}"`)
      // Browsers' PDF viewers break under the API's `default-src 'none'`; the file holds no script.
      .header('content-security-policy', "frame-ancestors 'self'")
      .send(body)
  );
}

export function sendXlsx(reply: FastifyReply, body: Buffer, fileName: string) {
  return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/** Send a printed document (application/document-file.ts) as it is. */
export function sendFile(reply: FastifyReply, file: { kind: 'pdf' | 'xlsx'; bytes: Buffer; fileName: string }) {
  return file.kind === 'pdf' ? sendPdf(reply, file.bytes, file.fileName) : sendXlsx(reply, file.bytes, file.fileName);
}

/** Whether the client asked for a file type (Accept) rather than JSON. */
export const accepts = (accept: string | undefined, mediaType: string) => String(accept ?? '').includes(mediaType);

/** A file name as an RFC 5987 ext-value's characters: percent-encoded UTF-8, `'()*` included (encodeURIComponent keeps them). */
export const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A stored file as an attachment, never rendered by the browser in the app's origin. */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${rfc5987(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}
