/** Shapes and paths of the public catalogue API (src/http/routes/catalogue.ts). */
import type { Channel, OnlineLevel, ProcedureLevel, ProcedureRecord } from '../../../../domain/catalogue/procedure.js';
import type { DurationUnit } from '../../../../domain/calendar/working-time.js';

export interface TimeLimitSummary {
  channel: Channel;
  amount: number;
  unit: DurationUnit;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string | null;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  timeLimits: TimeLimitSummary[];
  competentAuthority: string;
  implementingUnitCodes: string[];
  locationIndependent: boolean;
  hasFee: boolean;
}

export interface ProcedureSearchResponse {
  total: number;
  page: number;
  pageSize: number;
  items: ProcedureSummary[];
}

export interface ProcedureField {
  code: string;
  name: string;
}

export interface ProcedureFieldsResponse {
  fields: ProcedureField[];
}

export interface ProcedureVersionInfo {
  id: string;
  version: number;
  /** yyyy-MM-dd */
  effectiveFrom: string;
  /** yyyy-MM-dd, the last day of this version; null while open-ended. */
  effectiveTo: string | null;
  endReason: 'amended' | 'replaced' | 'abolished' | null;
  /** Code of the procedure that replaced this one. */
  replacedBy: string | null;
  decision: { id: string; number: string; issuedOn: string };
}

export interface ProcedureVersionsResponse {
  code: string;
  versions: (ProcedureVersionInfo & { name: string })[];
}

export interface ProcedureDetail extends ProcedureRecord {
  fieldName: string | null;
  versionInfo: ProcedureVersionInfo;
}

export const PROCEDURE_FIELDS_PATH = '/api/v1/procedure-fields';

export interface ProcedureSearchQuery {
  q: string;
  field: string | null;
  level: ProcedureLevel | null;
  unit: string | null;
  onlineLevel: OnlineLevel | null;
  page: number;
  pageSize: number;
}

/** GET /api/v1/procedures with only the parameters that are set. */
export function procedureSearchPath(query: ProcedureSearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.field) params.set('field', query.field);
  if (query.level) params.set('level', query.level);
  if (query.unit) params.set('unit', query.unit);
  if (query.onlineLevel) params.set('onlineLevel', query.onlineLevel);
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
export function catalogueFeedPath(filter: { unit: string | null; field: string | null }): string {
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
