import { describe, expect, it } from 'vitest';
import { procedureSearchPath } from './api/catalogue-api.js';
import {
  changeSearch,
  clearFilters,
  EMPTY_SEARCH,
  hasFilters,
  pageCount,
  pageItems,
  parseSearchState,
  toApiQuery,
  toSearchParams,
  toSearchString,
  type CatalogueSearchState,
} from './search-state.js';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('parseSearchState', () => {
  it('reads every parameter of a shared link', () => {
    expect(parse('q=giay+phep&linh-vuc=G11-XD01&cap=xa&don-vi=000.00.31.H37&truc-tuyen=toan-trinh&trang=3')).toEqual({
      q: 'giay phep',
      field: 'G11-XD01',
      level: 'commune',
      unit: '000.00.31.H37',
      onlineLevel: 'full',
      page: 3,
    });
  });

  it('keeps the home page link working: only ?q=, diacritics and all', () => {
    expect(parse(`q=${encodeURIComponent('  giấy phép xây dựng ')}`)).toEqual({ ...EMPTY_SEARCH, q: 'giấy phép xây dựng' });
  });

  it('ignores unknown and malformed values instead of failing', () => {
    expect(parse('cap=huyen&truc-tuyen=muc-4&don-vi=Sở Xây dựng&trang=-2&linh-vuc=')).toEqual(EMPTY_SEARCH);
    expect(parse('trang=abc').page).toBe(1);
    expect(parse('trang=0').page).toBe(1);
    expect(parse('trang=99999').page).toBe(1);
    expect(parse(`linh-vuc=${'x'.repeat(41)}`).field).toBeNull();
  });

  it('cuts an overlong query to what the API accepts', () => {
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });
});

describe('toSearchParams', () => {
  it('writes only what is set, page only past the first', () => {
    expect(toSearchString(EMPTY_SEARCH)).toBe('');
    expect(toSearchString({ ...EMPTY_SEARCH, q: 'khai sinh' })).toBe('?q=khai+sinh');
    expect(toSearchString({ ...EMPTY_SEARCH, level: 'province', onlineLevel: 'none', page: 2 })).toBe('?cap=tinh&truc-tuyen=chua-truc-tuyen&trang=2');
  });

  it('round-trips through the address bar', () => {
    const state: CatalogueSearchState = { q: 'đăng ký khai sinh', field: 'G09-TP05', level: 'commune', unit: '000.00.35.H37', onlineLevel: 'partial', page: 4 };
    expect(parseSearchState(new URLSearchParams(toSearchParams(state).toString()))).toEqual(state);
  });
});

describe('changing the search', () => {
  const onPage3: CatalogueSearchState = { ...EMPTY_SEARCH, q: 'chung thuc', page: 3 };

  it('goes back to the first page when the query or a filter changes', () => {
    expect(changeSearch(onPage3, { level: 'commune' })).toEqual({ ...onPage3, level: 'commune', page: 1 });
    expect(changeSearch(onPage3, { q: '  ho tich ' })).toEqual({ ...EMPTY_SEARCH, q: 'ho tich' });
  });

  it('clears the filters but keeps the query', () => {
    const filtered = { ...onPage3, field: 'G09-TP02', unit: '000.00.03.H37' };
    expect(hasFilters(filtered)).toBe(true);
    expect(clearFilters(filtered)).toEqual({ ...EMPTY_SEARCH, q: 'chung thuc' });
    expect(hasFilters(clearFilters(filtered))).toBe(false);
  });

  it('asks the API with its own parameter names', () => {
    const state: CatalogueSearchState = { q: 'giay phep', field: null, level: 'province', unit: '000.00.07.H37', onlineLevel: 'full', page: 2 };
    expect(procedureSearchPath(toApiQuery(state, 10))).toBe(
      '/api/v1/procedures?q=giay+phep&level=province&unit=000.00.07.H37&onlineLevel=full&page=2&pageSize=10',
    );
    expect(procedureSearchPath(toApiQuery(EMPTY_SEARCH, 20))).toBe('/api/v1/procedures?page=1&pageSize=20');
  });
});

describe('pagination', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(68, 10)).toBe(7);
  });

  it('shows the first, the last and the neighbours of the current page', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageItems(1, 7)).toEqual([1, 2, 'gap', 7]);
    expect(pageItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageItems(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pageItems(10, 10)).toEqual([1, 'gap', 9, 10]);
  });

  it('never hides a single page behind a gap, and clamps a page out of range', () => {
    expect(pageItems(4, 10)).toEqual([1, 2, 3, 4, 5, 'gap', 10]);
    expect(pageItems(50, 5)).toEqual([1, 'gap', 4, 5]);
  });
});
