/**
 * Where e-results are signed and what is trusted (issue 19): PKCS#12 files of units and officials
 * (SIGNING_CREDENTIALS), the NEAC-style remote signing service (SIGNING_REMOTE), the RFC 3161 timestamp
 * authority (SIGNING_TSA_URL) and the trust anchors of verification (SIGNING_TRUST_ANCHORS). Outside
 * production, with nothing configured, motcua keeps a demo certification authority in its database (named
 * as a demo in its certificate), and serves a local timestamp authority at /demo/tsa and a local remote
 * signing service at /demo/remote-signing that sign with it.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

export const SIGNING_ENV = {
  SIGNING_CREDENTIALS: {
    describe:
      'PKCS#12 files of signers, JSON {"units":{"<unit code>":{"file":"path.p12","passphrase":"…"}},"users":{"<username>":{…}}}; a signer without one uses the demo CA where it is on',
    schema: z.string().optional(),
  },
  SIGNING_DEMO_CA: {
    describe: 'Keep a demo certification authority in the database and issue demo certificates to units and leaders; default: outside production',
    schema: bool.optional(),
  },
  SIGNING_TRUST_ANCHORS: {
    describe: 'Comma-separated PEM files of root certificates that verification trusts (the national roots); the demo CA is added while it is on',
    schema: z.string().optional(),
  },
  SIGNING_TSA_URL: {
    describe: 'RFC 3161 timestamp authority asked for each signature (best effort); default: the local one at /demo/tsa with the demo CA; "off" for none',
    schema: z.string().optional(),
  },
  SIGNING_TSA_TIMEOUT_MS: {
    describe: 'Bound on a timestamp request; past it the signature stays at PAdES B-B and the record says why',
    schema: z.coerce.number().int().min(100).max(60_000).default(5000),
  },
  SIGNING_REMOTE: {
    describe:
      'NEAC-style remote signing service, JSON {"baseUrl","token","caName","timeoutMs"}; default: the local one at /demo/remote-signing with the demo CA',
    schema: z.string().optional(),
  },
} as const;

const Remote = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
  caName: z.string().min(1),
  timeoutMs: z.number().int().min(100).max(120_000).default(30_000),
});
const Credential = z.strictObject({ file: z.string().min(1), passphrase: z.string() });
const Credentials = z.strictObject({ units: z.record(z.string(), Credential).default({}), users: z.record(z.string(), Credential).default({}) });
export type SigningCredentialFiles = z.output<typeof Credentials>;
export type RemoteSigningConfig = z.output<typeof Remote>;

export interface SigningConfig {
  demoCa: boolean;
  credentials: SigningCredentialFiles;
  trustAnchorFiles: string[];
  tsa: { url: string; timeoutMs: number } | null;
  remote: RemoteSigningConfig | null;
  /** The local services of a demo (served at /demo/tsa and /demo/remote-signing), or null. */
  local: { remoteToken: string } | null;
}

export const TSA_PATH = '/demo/tsa';
export const REMOTE_SIGNING_PATH = '/demo/remote-signing';

function parseJson<T>(name: string, text: string | undefined, schema: z.ZodType<T>, problems: string[]): T | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`${name}: không phải JSON hợp lệ`);
    return null;
  }
  const checked = schema.safeParse(parsed);
  if (checked.success) return checked.data;
  problems.push(`${name}: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return null;
}

export function signingConfig(
  env: {
    SIGNING_CREDENTIALS?: string;
    SIGNING_DEMO_CA?: boolean;
    SIGNING_TRUST_ANCHORS?: string;
    SIGNING_TSA_URL?: string;
    SIGNING_TSA_TIMEOUT_MS: number;
    SIGNING_REMOTE?: string;
    HOST: string;
    PORT: number;
  },
  production: boolean,
  problems: string[],
  warnings: string[],
): SigningConfig {
  // The demo's own services are reached over the loopback.
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const internalUrl = `http://${host}:${env.PORT}`;
  const credentials = parseJson('SIGNING_CREDENTIALS', env.SIGNING_CREDENTIALS, Credentials, problems) ?? { units: {}, users: {} };
  const demoCa = env.SIGNING_DEMO_CA ?? !production;
  if (demoCa) warnings.push('E-results are signed with the demo certification authority kept in the database: they prove nothing outside this demo.');
  const remote = parseJson('SIGNING_REMOTE', env.SIGNING_REMOTE, Remote, problems);
  // The demo's own services sign with demo keys: their token is drawn for this process, never a constant that
  // would let anyone on the network sign as an official.
  const local = demoCa && !env.SIGNING_REMOTE ? { remoteToken: randomBytes(24).toString('base64url') } : null;
  const tsaUrl = env.SIGNING_TSA_URL === 'off' ? null : (env.SIGNING_TSA_URL ?? (local ? `${internalUrl}${TSA_PATH}` : null));
  if (tsaUrl && !/^https?:\/\//.test(tsaUrl)) problems.push('SIGNING_TSA_URL: phải là địa chỉ http(s) hoặc "off"');
  return {
    demoCa,
    credentials,
    trustAnchorFiles: (env.SIGNING_TRUST_ANCHORS ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    tsa: tsaUrl ? { url: tsaUrl, timeoutMs: env.SIGNING_TSA_TIMEOUT_MS } : null,
    remote: remote ?? (local ? { baseUrl: `${internalUrl}${REMOTE_SIGNING_PATH}`, token: local.remoteToken, caName: 'motcua-demo', timeoutMs: 30_000 } : null),
    local,
  };
}
