/**
 * Where the national public-service portal's integration API is (issue 21, INTEGRATIONS §3.1): NATIONAL_PORTAL.
 * Outside production, with nothing configured, motcua serves the portal's simulator at /demo/cong-dvcqg with
 * credentials drawn for this process and syncs to it; "off" turns the sync off (changes wait in the outbox).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const NATIONAL_PORTAL_ENV = {
  NATIONAL_PORTAL: {
    describe:
      'The national portal\'s integration API for the live sync, JSON {"baseUrl","authPath","integrationPath","username","password","dstcode","agencyId","timeoutMs"}; default outside production: the local simulator at /demo/cong-dvcqg; "off" for none',
    schema: z.string().optional(),
  },
  PORTAL_SYNC_POLL_MS: {
    describe: 'How often the sync job sends changed dossiers to the national portal, in milliseconds (0 disables it on this instance)',
    schema: z.coerce.number().int().min(0).max(600_000).default(2000),
  },
  PORTAL_RECONCILE_HOURS: {
    describe:
      'How often motcua compares what it holds with what the national portal holds (TraCuuHoSo) and re-sends the difference, in hours (0: only by the button)',
    schema: z.coerce
      .number()
      .min(0)
      .max(24 * 31)
      .default(24),
  },
  PORTAL_CATALOGUE_PULL_HOURS: {
    describe:
      'How often motcua reads the national procedure catalogue (LayDanhSachTTHC, LayThuTuc) for changes to the procedures the province uses, in hours (0: only by the button); on the instances that run the sync',
    schema: z.coerce
      .number()
      .min(0)
      .max(24 * 31)
      .default(24),
  },
} as const;

export const NATIONAL_PORTAL_PATH = '/demo/cong-dvcqg';

const Portal = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }),
  authPath: z.string().default('/auth'),
  integrationPath: z.string().default('/integration'),
  username: z.string().min(1),
  password: z.string().min(1),
  dstcode: z.string().nullable().default(null),
  agencyId: z.string().min(1),
  timeoutMs: z.number().int().min(100).max(60_000).default(6000),
});
export type NationalPortalSettings = z.output<typeof Portal>;

export interface NationalPortalEnvConfig {
  portal: NationalPortalSettings | null;
  /** The simulator this process serves, with the credentials drawn for it; null when not served. */
  local: { username: string; password: string } | null;
}

export function nationalPortalConfig(
  env: { NATIONAL_PORTAL?: string; HOST: string; PORT: number },
  production: boolean,
  problems: string[],
): NationalPortalEnvConfig {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const local = !production && env.NATIONAL_PORTAL === undefined ? { username: 'motcua-demo', password: randomBytes(18).toString('base64url') } : null;
  if (env.NATIONAL_PORTAL && env.NATIONAL_PORTAL !== 'off') {
    try {
      const checked = Portal.safeParse(JSON.parse(env.NATIONAL_PORTAL));
      if (checked.success) return { portal: checked.data, local: null };
      problems.push(`NATIONAL_PORTAL: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    } catch {
      problems.push('NATIONAL_PORTAL: không phải JSON hợp lệ');
    }
    return { portal: null, local: null };
  }
  if (!local) return { portal: null, local: null };
  return {
    portal: {
      baseUrl: `http://${host}:${env.PORT}${NATIONAL_PORTAL_PATH}`,
      authPath: '/auth',
      integrationPath: '/integration',
      ...local,
      dstcode: null,
      agencyId: '000.00.00.H37',
      timeoutMs: 6000,
    },
    local,
  };
}
