import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { MAIN_CONTENT_ID } from '../site.js';

/**
 * After a client-side navigation, move focus to <main> so keyboard and screen-reader users start
 * at the new content, as they would after a full page load. Leaves focus alone on the first render
 * and when the new page already focused something inside <main> (e.g. an autofocus input).
 */
export function useFocusMainOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main || main.contains(document.activeElement)) return;
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }, [pathname]);
}
