import { useDocumentTitle } from '@mantine/hooks';
import { SITE_NAME } from '../site.js';

/** Sets the browser tab title: "<page> – Cổng Dịch vụ công tỉnh Lạng Sơn". */
export function usePageTitle(page: string | null): void {
  useDocumentTitle(page ? `${page} – ${SITE_NAME}` : SITE_NAME);
}
