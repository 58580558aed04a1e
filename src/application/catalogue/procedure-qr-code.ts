/** The QR code of a procedure's public page on the portal, as SVG or PNG, for the desks' printed matter. */
import type { CatalogueDirectory } from './catalogue-directory.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { qrPng, qrSvg } from '../../infrastructure/pdf/qr-code.js';
import { procedurePageUrl } from './print-unit-listing.js';

export { QR_PNG_MAX_SIZE, QR_PNG_MIN_SIZE } from '../../infrastructure/pdf/qr-code.js';

export async function procedureQrCode(
  deps: { catalogue: CatalogueDirectory },
  input: { code: string; publicUrl: string; format: 'svg' | 'png'; size?: number },
): Promise<Result<{ bytes: Buffer; contentType: string }>> {
  if (deps.catalogue.history(input.code).length === 0) return fail('PROCEDURE_NOT_FOUND');
  const url = procedurePageUrl(input.publicUrl, input.code);
  return ok(
    input.format === 'svg'
      ? { bytes: Buffer.from(await qrSvg(url), 'utf8'), contentType: 'image/svg+xml; charset=utf-8' }
      : { bytes: await qrPng(url, input.size ?? 256), contentType: 'image/png' },
  );
}
