import type { ReactNode } from 'react';
import { hasCapability } from '../../../../domain/access/roles.js';
import { RequireCapability } from '../../back-office/components/RequireCapability.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';

/**
 * The reform pages for those who keep the plan (reform.manage) and, unless `manage`, for the units' officials who
 * report on their tasks (reform.report); anyone else is told the page is not for their role, as the server says 403.
 */
export function RequireReformAccess({ manage = false, children }: { manage?: boolean; children: ReactNode }) {
  const { role } = useCurrentOfficial();
  if (!manage && hasCapability(role, 'reform.report')) return children;
  return <RequireCapability capability="reform.manage">{children}</RequireCapability>;
}
