/**
 * The catalogue search as it appears in the address bar, so that a search can be shared, bookmarked and
 * walked back with the browser's Back button: `/thu-tuc?q=giay+phep&linh-vuc=G11-XD01&cap=xa&don-vi=…
 * &truc-tuyen=toan-trinh&trang=2`. Unknown or malformed values are ignored rather than refused.
 */
import { ONLINE_LEVELS, PROCEDURE_LEVELS, type OnlineLevel, type ProcedureLevel } from '../../../domain/catalogue/procedure.js';
import { isValidUnitCode } from '../../../domain/units/unit.js';
import type { ProcedureSearchQuery } from './api/catalogue-api.js';

export interface CatalogueSearchState {
  /** Trimmed; '' for none. */
  q: string;
  field: string | null;
  level: ProcedureLevel | null;
  unit: string | null;
  onlineLevel: OnlineLevel | null;
  /** 1-based. */
  page: number;
}

export const EMPTY_SEARCH: CatalogueSearchState = { q: '', field: null, level: null, unit: null, onlineLevel: null, page: 1 };

/** Results per page. */
export const PAGE_SIZE = 10;

/** Longest query the API accepts. */
export const MAX_QUERY_LENGTH = 200;

export const PARAM = {
  q: 'q',
  field: 'linh-vuc',
  level: 'cap',
  unit: 'don-vi',
  onlineLevel: 'truc-tuyen',
  page: 'trang',
} as const;

/** Address-bar words for the levels and online levels (Vietnamese, without diacritics). */
export const LEVEL_SLUGS = { province: 'tinh', commune: 'xa' } as const satisfies Record<ProcedureLevel, string>;
export const ONLINE_LEVEL_SLUGS = { full: 'toan-trinh', partial: 'mot-phan', none: 'chua-truc-tuyen' } as const satisfies Record<OnlineLevel, string>;

function fromSlug<T extends string>(values: readonly T[], slugs: Record<T, string>, slug: string | null): T | null {
  if (slug === null) return null;
  return values.find((value) => slugs[value] === slug) ?? null;
}

export function parseSearchState(params: URLSearchParams): CatalogueSearchState {
  const q = (params.get(PARAM.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH).trim();
  const field = (params.get(PARAM.field) ?? '').trim();
  const unit = (params.get(PARAM.unit) ?? '').trim();
  const pageText = params.get(PARAM.page) ?? '';
  const page = /^\d{1,4}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
  return {
    q,
    field: field && field.length <= 40 ? field : null,
    level: fromSlug(PROCEDURE_LEVELS, LEVEL_SLUGS, params.get(PARAM.level)),
    unit: isValidUnitCode(unit) ? unit : null,
    onlineLevel: fromSlug(ONLINE_LEVELS, ONLINE_LEVEL_SLUGS, params.get(PARAM.onlineLevel)),
    page,
  };
}

/** The state as query parameters: only what is set, in a stable order, page only past the first. */
export function toSearchParams(state: CatalogueSearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set(PARAM.q, q);
  if (state.field) params.set(PARAM.field, state.field);
  if (state.level) params.set(PARAM.level, LEVEL_SLUGS[state.level]);
  if (state.unit) params.set(PARAM.unit, state.unit);
  if (state.onlineLevel) params.set(PARAM.onlineLevel, ONLINE_LEVEL_SLUGS[state.onlineLevel]);
  if (state.page > 1) params.set(PARAM.page, String(state.page));
  return params;
}

/** "?q=…" or "" — for links and `navigate`. */
export function toSearchString(state: CatalogueSearchState): string {
  const query = toSearchParams(state).toString();
  return query ? `?${query}` : '';
}

export type SearchChange = Partial<Omit<CatalogueSearchState, 'page'>>;

/** Applies a change of query or filters; any such change starts again from the first page. */
export function changeSearch(state: CatalogueSearchState, change: SearchChange): CatalogueSearchState {
  return { ...state, ...change, q: (change.q ?? state.q).trim(), page: 1 };
}

export function hasFilters(state: CatalogueSearchState): boolean {
  return state.field !== null || state.level !== null || state.unit !== null || state.onlineLevel !== null;
}

export function clearFilters(state: CatalogueSearchState): CatalogueSearchState {
  return { ...EMPTY_SEARCH, q: state.q };
}

export function sameSearch(a: CatalogueSearchState, b: CatalogueSearchState): boolean {
  return toSearchString(a) === toSearchString(b);
}

export function toApiQuery(state: CatalogueSearchState, pageSize: number = PAGE_SIZE): ProcedureSearchQuery {
  return {
    q: state.q,
    field: state.field ?? undefined,
    level: state.level ?? undefined,
    unit: state.unit ?? undefined,
    onlineLevel: state.onlineLevel ?? undefined,
    page: state.page,
    pageSize,
  };
}

/** Number of pages for `total` results (at least 1). */
export function pageCount(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page links to show: the first, the last, the current one with `siblings` on each side, and
 * 'gap' where pages are left out. A gap never stands for a single page (that page is shown instead).
 */
export function pageItems(current: number, total: number, siblings = 1): (number | 'gap')[] {
  if (total <= 1) return [1];
  const page = Math.min(Math.max(1, current), total);
  const shown = new Set<number>([1, total]);
  for (let p = page - siblings; p <= page + siblings; p++) if (p >= 1 && p <= total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) items.push(previous + 1);
    else if (p - previous > 2) items.push('gap');
    items.push(p);
    previous = p;
  }
  return items;
}
