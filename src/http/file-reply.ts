/** Files as responses: PDF and Excel bodies, and how the OpenAPI document describes them. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A non-JSON 200 response (a Buffer, sent as it is) as the OpenAPI document describes it. */
export function fileResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.any().meta({ type: 'string', contentMediaType: mediaType }) } } };
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

/** A stored file as an attachment, never rendered by the browser in the app's origin. */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}
