/** What crosses the wire for the system's public answers: health and the portal's public settings. */
import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/** GET /api/v1/portal/settings: what the citizen's browser needs to know of the province's rules. */
export const PortalSettings = z.object({ draftRetentionDays: z.number().int() });
export type PortalSettings = z.infer<typeof PortalSettings>;
