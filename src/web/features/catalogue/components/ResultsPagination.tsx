import { Link } from 'react-router';
import { pageCount, pageItems, toSearchString, type CatalogueSearchState } from '../search-state.js';

interface ResultsPaginationProps {
  state: CatalogueSearchState;
  total: number;
  /** Called when a page link is followed (e.g. to move focus to the results). */
  onNavigate: () => void;
}

/** Real links (shareable, open in a new tab), with the current page marked for screen readers. */
export function ResultsPagination({ state, total, onNavigate }: ResultsPaginationProps) {
  const pages = pageCount(total);
  if (pages <= 1) return null;
  const current = Math.min(state.page, pages);
  const link = (page: number) => toSearchString({ ...state, page });

  return (
    <nav className="catalogue-pagination" aria-label="Phân trang kết quả">
      <ul>
        <li>
          {current > 1 ? (
            <Link className="catalogue-page-link" to={link(current - 1)} onClick={onNavigate} rel="prev" aria-label="Trang trước">
              ‹ Trước
            </Link>
          ) : (
            <span className="catalogue-page-link" aria-disabled="true">
              ‹ Trước
            </span>
          )}
        </li>
        {pageItems(current, pages).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} className="catalogue-page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                className="catalogue-page-link"
                to={link(item)}
                onClick={onNavigate}
                aria-label={`Trang ${item}`}
                aria-current={item === current ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
        <li>
          {current < pages ? (
            <Link className="catalogue-page-link" to={link(current + 1)} onClick={onNavigate} rel="next" aria-label="Trang sau">
              Sau ›
            </Link>
          ) : (
            <span className="catalogue-page-link" aria-disabled="true">
              Sau ›
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
