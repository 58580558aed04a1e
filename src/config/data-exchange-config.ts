/**
 * Where the outside systems of "provide once" are (issue 20): the national population database through the
 * provincial LGSP (POPULATION_REGISTRY) and the national portal's personal data vault (NATIONAL_VAULT). Outside
 * production, with nothing configured, motcua serves local simulators of both at /demo/lgsp-dan-cu and
 * /demo/kho-du-lieu, holding the demo citizens, with credentials drawn for this process; "off" turns one off.
 * The national portal's integration API for the live sync (issue 21) is configured alongside (national-portal-config.ts).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NATIONAL_PORTAL_ENV, nationalPortalConfig, type NationalPortalEnvConfig } from './national-portal-config.js';

export const DATA_EXCHANGE_ENV = {
  POPULATION_REGISTRY: {
    describe:
      'The population database through the provincial LGSP, JSON {"url","accessKey","secretKey","appName","partnerCode","partnerCodeCus","bearerToken","integrationCode","officers":{"<username or *>":{"officerCode","keyName","keyPass"}},"timeoutMs"}; default outside production: the local simulator at /demo/lgsp-dan-cu; "off" for none',
    schema: z.string().optional(),
  },
  NATIONAL_VAULT: {
    describe:
      'The national portal\'s personal data vault, JSON {"baseUrl","authPath","queryPath","filePath","username","password","dstcode","unitCode","timeoutMs"}; default outside production: the local simulator at /demo/kho-du-lieu; "off" for none',
    schema: z.string().optional(),
  },
  ...NATIONAL_PORTAL_ENV,
} as const;

export const POPULATION_REGISTRY_PATH = '/demo/lgsp-dan-cu';
export const NATIONAL_VAULT_PATH = '/demo/kho-du-lieu';

const Officer = z.strictObject({ officerCode: z.string().min(1).max(20), keyName: z.string().min(1), keyPass: z.string().min(1) });
const Population = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  accessKey: z.string().min(1),
  secretKey: z.string().min(1),
  appName: z.string().min(1),
  partnerCode: z.string().min(1),
  partnerCodeCus: z.string().default(''),
  bearerToken: z.string().min(1).nullable().default(null),
  integrationCode: z.string().regex(/^\d{1,20}$/),
  officers: z.record(z.string(), Officer),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});
const Vault = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }),
  authPath: z.string().default('/auth'),
  queryPath: z.string().default('/GetKetQuaGiayTo'),
  filePath: z.string().default('/GetGiayToByUrl'),
  username: z.string().min(1),
  password: z.string().min(1),
  dstcode: z.string().nullable().default(null),
  unitCode: z.string().min(1),
  timeoutMs: z.number().int().min(100).max(60_000).default(6000),
});
export type PopulationRegistryConfig = z.output<typeof Population>;
export type NationalVaultSettings = z.output<typeof Vault>;

export interface DataExchangeConfig {
  population: PopulationRegistryConfig | null;
  nationalVault: NationalVaultSettings | null;
  /** The simulators this process serves, with the credentials drawn for it; null for either not served. */
  local: {
    population: { accessKey: string; secretKey: string; appName: string; partnerCode: string; partnerCodeCus: string; keyName: string; keyPass: string } | null;
    vault: { username: string; password: string } | null;
  };
  /** The national portal's integration API for the live sync (issue 21, config/national-portal-config.ts). */
  portal: NationalPortalEnvConfig;
}

function parse<T>(name: string, text: string, schema: z.ZodType<T>, problems: string[]): T | null {
  try {
    const checked = schema.safeParse(JSON.parse(text));
    if (checked.success) return checked.data;
    problems.push(`${name}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  } catch {
    problems.push(`${name}: không phải JSON hợp lệ`);
  }
  return null;
}

export function dataExchangeConfig(
  env: { POPULATION_REGISTRY?: string; NATIONAL_VAULT?: string; NATIONAL_PORTAL?: string; HOST: string; PORT: number },
  production: boolean,
  problems: string[],
): DataExchangeConfig {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const internalUrl = `http://${host}:${env.PORT}`;
  const secret = () => randomBytes(18).toString('base64url');
  const localPopulation =
    !production && env.POPULATION_REGISTRY === undefined
      ? {
          accessKey: secret(),
          secretKey: secret(),
          appName: 'motcua-demo',
          partnerCode: 'H37',
          partnerCodeCus: 'H37',
          keyName: 'motcua-demo',
          keyPass: secret(),
        }
      : null;
  const localVault = !production && env.NATIONAL_VAULT === undefined ? { username: 'motcua-demo', password: secret() } : null;
  const population =
    env.POPULATION_REGISTRY && env.POPULATION_REGISTRY !== 'off'
      ? parse('POPULATION_REGISTRY', env.POPULATION_REGISTRY, Population, problems)
      : localPopulation
        ? {
            url: `${internalUrl}${POPULATION_REGISTRY_PATH}`,
            ...localPopulation,
            bearerToken: null,
            integrationCode: '037',
            officers: { '*': { officerCode: 'CB-DEMO', keyName: localPopulation.keyName, keyPass: localPopulation.keyPass } },
            timeoutMs: 5000,
          }
        : null;
  const nationalVault =
    env.NATIONAL_VAULT && env.NATIONAL_VAULT !== 'off'
      ? parse('NATIONAL_VAULT', env.NATIONAL_VAULT, Vault, problems)
      : localVault
        ? {
            baseUrl: `${internalUrl}${NATIONAL_VAULT_PATH}`,
            authPath: '/auth',
            queryPath: '/GetKetQuaGiayTo',
            filePath: '/GetGiayToByUrl',
            ...localVault,
            dstcode: null,
            unitCode: '000.00.00.H37',
            timeoutMs: 6000,
          }
        : null;
  const portal = nationalPortalConfig(env, production, problems);
  return { population, nationalVault, local: { population: localPopulation, vault: localVault }, portal };
}
