/** Paths of the public catalogue API (src/http/routes/catalogue*.ts); its shapes are the server's contract (src/contract). */
import type { CatalogueFeedQuery } from '../../../../contract/catalogue.js';
import type { ProcedureSearchQuery } from '../../../../contract/procedure.js';

export type {
  ProcedureDetail,
  ProcedureField,
  ProcedureFields as ProcedureFieldsResponse,
  ProcedureSearchPage as ProcedureSearchResponse,
  ProcedureSearchQuery,
  ProcedureSummary,
  ProcedureVersionInfo,
  ProcedureVersions as ProcedureVersionsResponse,
  TimeLimitSummary,
} from '../../../../contract/procedure.js';

export const PROCEDURE_FIELDS_PATH = '/api/v1/procedure-fields';

/** GET /api/v1/procedures with only the parameters that are set. */
export function procedureSearchPath(query: ProcedureSearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.field) params.set('field', query.field);
  if (query.level) params.set('level', query.level);
  if (query.unit) params.set('unit', query.unit);
  if (query.onlineLevel) params.set('onlineLevel', query.onlineLevel);
  if (query.at) params.set('at', query.at);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return `/api/v1/procedures?${params.toString()}`;
}

export function procedurePath(code: string): string {
  return `/api/v1/procedures/${encodeURIComponent(code)}`;
}

export function procedureVersionsPath(code: string): string {
  return `${procedurePath(code)}/versions`;
}

/** A QR code of the public page of the procedure (`${PUBLIC_URL}/thu-tuc/{code}`). */
export function procedureQrPath(code: string, format: 'svg' | 'png'): string {
  return `${procedurePath(code)}/qr.${format}`;
}

/** The printable A4 listing of a unit's procedures, with QR codes, for the notice board at the desk. */
export function unitProceduresPdfPath(unitCode: string): string {
  return `/api/v1/units/${encodeURIComponent(unitCode)}/procedures.pdf`;
}

/** Atom feed of catalogue changes, narrowed to a unit and/or a field. */
export function catalogueFeedPath(filter: CatalogueFeedQuery): string {
  const params = new URLSearchParams();
  if (filter.unit) params.set('unit', filter.unit);
  if (filter.field) params.set('field', filter.field);
  const query = params.toString();
  return `/api/v1/catalogue/feed.atom${query ? `?${query}` : ''}`;
}

/** The citizen-facing page of a procedure (what the QR code encodes, relative to the site). */
export function procedurePagePath(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}
