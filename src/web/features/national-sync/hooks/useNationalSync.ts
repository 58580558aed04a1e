import { useState } from 'react';
import { hasCapability } from '../../../../domain/access/roles.js';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import {
  CONNECTIONS_PATH,
  MAPPING_PATH,
  PARKED_PATH,
  syncReportPath,
  type ConnectionList,
  type ParkedSyncList,
  type PortalMapping,
  type PortalSyncReport,
} from '../api/national-sync-api.js';

/**
 * GET `path` as useApiQuery does, but while the same path is asked again (the refresh button, after an action) the
 * previous answer stays on screen, so that the page and the focus do not jump.
 */
function useRefreshedQuery<T>(path: string | null): ApiQuery<T> {
  const query = useApiQuery<T>(path);
  const [previous, setPrevious] = useState<{ of: string; answer: T } | null>(null);
  if (path !== null && query.data !== undefined && query.data !== previous?.answer) setPrevious({ of: path, answer: query.data });
  const kept = query.loading && previous?.of === path ? previous.answer : undefined;
  return { ...query, data: query.data ?? kept };
}

export function useConnections(): ApiQuery<ConnectionList> {
  return useRefreshedQuery<ConnectionList>(CONNECTIONS_PATH);
}

/** The queue and the units' figures over [from, to]; null skips the request (an unfinished period). */
export function useSyncReport(days: { from: string; to: string } | null): ApiQuery<PortalSyncReport> {
  return useRefreshedQuery<PortalSyncReport>(days ? syncReportPath(days.from, days.to) : null);
}

export function useParkedSyncs(): ApiQuery<ParkedSyncList> {
  return useApiQuery<ParkedSyncList>(PARKED_PATH);
}

export function usePortalMapping(): ApiQuery<PortalMapping> {
  return useApiQuery<PortalMapping>(MAPPING_PATH);
}

/** Whether the official may run the connections: reconcile, send again, change the mapping (admins); others only read. */
export function useManagesIntegrations(): boolean {
  return hasCapability(useCurrentOfficial().role, 'integrations.manage');
}
