/**
 * The only reader of process.env. Every variable is declared once here with a one-line description
 * and a development default; `loadConfig` validates them all at start-up and fails fast.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { PAYMENT_ENV, paymentConfig, type PaymentConfig } from './payment-config.js';
import { SIGNING_ENV, signingConfig, type SigningConfig } from './signing-config.js';
import { DATA_EXCHANGE_ENV, dataExchangeConfig, type DataExchangeConfig } from './data-exchange-config.js';
import { FEEDBACK_ENV } from './feedback-config.js';
import { PAR_ENV } from './par-config.js';
import { MAIL_ENV } from './mail-config.js';
import type { S3Config } from './s3-config.js';
export type { S3Config };
import { parseTrustProxy } from './trust-proxy.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const spec = {
  NODE_ENV: {
    describe: 'development | production | test; production makes secrets and OIDC settings mandatory',
    schema: z.enum(['development', 'production', 'test']).default('development'),
  },
  PORT: {
    describe: 'TCP port the HTTP server listens on',
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
  },
  HOST: {
    describe: 'Interface the HTTP server binds to: 127.0.0.1 (this machine only) unless set, e.g. 0.0.0.0 behind a reverse proxy on another host',
    schema: z.string().min(1).default('127.0.0.1'),
  },
  PUBLIC_URL: {
    describe: 'External base URL of this server (used for OIDC redirects and QR links); defaults to http://localhost:PORT',
    schema: z.url().optional(),
  },
  DATABASE_URL: {
    describe: 'postgres:// URL; when unset the embedded PGlite database in DATA_DIR is used',
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
      .optional(),
  },
  DATA_DIR: {
    describe: 'Folder for the embedded PGlite database and local files',
    schema: z.string().min(1).default('./data'),
  },
  PGLITE_SHARED_BUFFERS_MB: {
    describe:
      'Embedded PGlite: MB of memory kept for cached table pages (its shared_buffers), all of it resident from the start; on PostgreSQL set shared_buffers on the server',
    schema: z.coerce.number().int().min(1).max(1024).default(32),
  },
  FILES_DIR: {
    describe: 'Folder for uploaded files when FILE_STORAGE=local (content-addressed by sha256); defaults to DATA_DIR/files',
    schema: z.string().min(1).optional(),
  },
  FILE_STORAGE: {
    describe: 'Where uploaded files go: local (FILES_DIR) or s3 (an S3-compatible bucket: S3_ENDPOINT, S3_BUCKET and the S3 keys)',
    schema: z.enum(['local', 's3']).default('local'),
  },
  S3_ENDPOINT: {
    describe: 'FILE_STORAGE=s3: URL of the S3 API, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000',
    schema: z
      .url({ protocol: /^https?$/, error: 'phải có dạng http://… hoặc https://…' })
      .refine((v) => {
        const url = new URL(v);
        return !url.username && !url.password && !url.search && !url.hash;
      }, 'không chứa tên đăng nhập, mật khẩu, ?… hay #… (khóa truy cập đặt trong S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)')
      .optional(),
  },
  S3_REGION: {
    describe: 'FILE_STORAGE=s3: region the requests are signed for (MinIO, Ceph and Garage accept their configured region)',
    schema: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'chỉ gồm chữ thường, số và dấu -')
      .default('us-east-1'),
  },
  S3_BUCKET: {
    describe: 'FILE_STORAGE=s3: the bucket (it must exist)',
    schema: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'tên bucket: 3–63 ký tự chữ thường, số, dấu . và -')
      .optional(),
  },
  S3_ACCESS_KEY_ID: {
    describe: 'FILE_STORAGE=s3: access key id',
    schema: z
      .string()
      .regex(/^[\x21-\x7e]{1,128}$/, 'không được chứa khoảng trắng')
      .optional(),
  },
  S3_SECRET_ACCESS_KEY: {
    describe: 'FILE_STORAGE=s3: secret access key (never printed)',
    schema: z.string().min(1).max(256).optional(),
  },
  S3_PREFIX: {
    describe: 'FILE_STORAGE=s3: prefix of the object keys, e.g. motcua/ (a missing final / is added); objects are {prefix}ab/cd/{sha256}',
    schema: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9!_.*'()\/-]*$/, "chỉ gồm chữ, số và các ký tự ! _ . * ' ( ) / -")
      .refine((v) => !v.startsWith('/'), 'không bắt đầu bằng /')
      .optional(),
  },
  S3_FORCE_PATH_STYLE: {
    describe: 'FILE_STORAGE=s3: true (default) addresses endpoint/bucket/key (MinIO, Ceph, Garage); false uses virtual-hosted bucket.endpoint/key',
    schema: bool.optional(),
  },
  SEED: {
    describe: 'demo seeds the demo province into an empty database at start-up; none starts empty (default in production)',
    schema: z.enum(['demo', 'none']).optional(),
  },
  SESSION_SECRET: {
    describe: 'Secret (≥ 32 characters) that signs CSRF tokens and OIDC state cookies; required in production',
    schema: z.string().min(32).optional(),
  },
  SESSION_TTL_HOURS: {
    describe: 'Lifetime of a login session, in hours',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
  },
  COOKIE_SECURE: {
    describe: 'Mark cookies Secure (true behind HTTPS); defaults to true when PUBLIC_URL is https',
    schema: bool.optional(),
  },
  TRUST_PROXY: {
    describe: 'Behind a reverse proxy: true, the number of proxy hops, or a comma-separated list of proxy addresses (client IP for rate limits and audit)',
    schema: z
      .string()
      .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'true, false, một số, hoặc danh sách địa chỉ')
      .default('false'),
  },
  LOGIN_RATE_LIMIT: {
    describe: 'Maximum password-login attempts per client IP per minute',
    schema: z.coerce.number().int().min(1).max(10_000).default(10),
  },
  PUBLIC_LOOKUP_RATE_LIMIT: {
    describe: 'Most public dossier lookups by code (GET /api/v1/public/dossiers/{code}) per client IP per minute',
    schema: z.coerce.number().int().min(1).max(100_000).default(30),
  },
  LOGIN_LOCKOUT_THRESHOLD: {
    describe: 'Failed passwords in a row that lock an official account (1 min, doubling at each further failure, at most 1 h); 0 disables',
    schema: z.coerce.number().int().min(0).max(1000).default(5),
  },
  OIDC_ISSUER_URL: {
    describe: 'Issuer of the citizens’ OpenID Connect provider (VNeID / national SSO); unset = built-in development provider',
    schema: z.url().optional(),
  },
  OIDC_CLIENT_ID: {
    describe: 'OIDC client id registered with the provider',
    schema: z.string().min(1).optional(),
  },
  OIDC_CLIENT_SECRET: {
    describe: 'OIDC client secret registered with the provider',
    schema: z.string().min(1).optional(),
  },
  OIDC_SCOPES: {
    describe: 'Scopes requested from the identity provider (space-separated); defaults to "openid profile email", plus "phone vneid" for the built-in provider',
    schema: z
      .string()
      .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/)
      .optional(),
  },
  DEV_OIDC_PROVIDER: {
    describe: 'Serve the built-in development identity provider at /oidc (defaults to on outside production when OIDC_ISSUER_URL is unset)',
    schema: bool.optional(),
  },
  LOG_LEVEL: {
    describe: 'fatal | error | warn | info | debug | trace | silent',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  LOG_FORMAT: {
    describe: 'auto | json | pretty: readable lines on a terminal outside production, JSON lines otherwise (auto), or always one of them',
    schema: z.enum(['auto', 'json', 'pretty']).default('auto'),
  },
  BODY_LIMIT_BYTES: {
    describe: 'Largest accepted JSON request body, in bytes',
    schema: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
  },
  METRICS_TOKEN: {
    describe: 'If set, /metrics requires "Authorization: Bearer <token>"; if unset, /metrics answers only requests from this machine (loopback)',
    schema: z.string().min(16).optional(),
  },
  VACUUM_INTERVAL_HOURS: {
    describe: 'How often VACUUM (ANALYZE) runs on the embedded PGlite database (0 disables)',
    schema: z.coerce
      .number()
      .min(0)
      .max(24 * 7)
      .default(24),
  },
  WEBHOOK_POLL_SECONDS: {
    describe: 'How often the webhook worker sends due catalogue-change notifications, in seconds (0 disables it on this instance)',
    schema: z.coerce.number().min(0).max(3600).default(5),
  },
  REPORT_CUTOFF_DAY: {
    describe: 'Day of the month reporting periods start from: 1 for calendar months, 15 for the 15th-to-14th periods of Decree 09/2019',
    schema: z.coerce.number().int().min(1).max(28).default(1),
  },
  SCORECARD_MIN_SAMPLE: {
    describe: 'Fewest dossiers (indicator 2.1 sample) for a unit to be ranked among its siblings; smaller units are shown unranked',
    schema: z.coerce.number().int().min(0).max(100_000).default(30),
  },
  STATS_POLL_MS: {
    describe: 'How often the statistics worker folds changed dossiers into the scorecard rollups, in milliseconds (0 disables it on this instance)',
    schema: z.coerce.number().int().min(0).max(60_000).default(250),
  },
  NOTIFY_POLL_SECONDS: {
    describe: 'How often the notification worker sends queued e-mails to applicants, in seconds (0 disables it on this instance)',
    schema: z.coerce.number().min(0).max(3600).default(5),
  },
  STEP_WARNING_LEAD_MINUTES: {
    describe:
      'How long before a step of a dossier runs out of its budget its assignee and the unit leader are warned, in working minutes (480 = one working day)',
    schema: z.coerce.number().int().min(0).max(100_000).default(480),
  },
  STEP_WARNING_POLL_SECONDS: {
    describe: 'How often the step-deadline warning job looks for steps about to run out or overrun, in seconds (0 disables it on this instance)',
    schema: z.coerce.number().min(0).max(86_400).default(300),
  },
  AUDIT_CHECKPOINT_DIR: {
    describe:
      'Folder outside the database where signed checkpoints of the audit chains (head hash and count) are appended; defaults to DATA_DIR/audit (put it on other storage in production)',
    schema: z.string().min(1).optional(),
  },
  AUDIT_CHECKPOINT_KEY: {
    describe: 'Secret (≥ 32 characters) that signs the audit checkpoints (HMAC-SHA256); defaults to a key derived from SESSION_SECRET',
    schema: z.string().min(32).optional(),
  },
  AUDIT_CHECKPOINT_MINUTES: {
    describe:
      'How often a signed checkpoint of the audit chains is written, in minutes (0 disables it on this instance; `motcua audit checkpoint` writes one at once)',
    schema: z.coerce
      .number()
      .min(0)
      .max(24 * 60)
      .default(60),
  },
  PERSONAL_DATA_KEY: {
    describe:
      'Secret (≥ 32 characters) that seals ID numbers at rest (AES-256-GCM) and keys their lookup hash; required in production. Keep it apart from the backups: without it the ID numbers cannot be read',
    schema: z.string().min(32).optional(),
  },
  PERSONAL_DATA_PREVIOUS_KEYS: {
    describe: 'Earlier PERSONAL_DATA_KEY values, comma-separated, still accepted for reading after a rotation until `motcua personal-data reseal` has run',
    schema: z.string().optional(),
  },
  DRAFT_RETENTION_DAYS: {
    describe: "Days a citizen's unsent submission draft is kept on their device before the portal deletes it (Decree 13/2023)",
    schema: z.coerce.number().int().min(1).max(365).default(30),
  },
  ...PAYMENT_ENV,
  ...SIGNING_ENV,
  ...DATA_EXCHANGE_ENV,
  ...FEEDBACK_ENV,
  ...PAR_ENV,
  ...MAIL_ENV,
} as const;

type Spec = typeof spec;
export type RawEnv = { [K in keyof Spec]: z.output<Spec[K]['schema']> };

export interface AppConfig extends Omit<RawEnv, 'SEED' | 'TRUST_PROXY'> {
  SEED: 'demo' | 'none';
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  /** Things an operator should know at start-up (development defaults in use). */
  warnings: string[];
  publicUrl: string;
  filesDir: string;
  /** Where uploaded files are stored: FILES_DIR on local disk, or an S3-compatible bucket. */
  files: { kind: 'local'; dir: string } | ({ kind: 's3' } & S3Config);
  cookieSecure: boolean;
  /** Messages go to the demo mailbox, and its page is served: no SMTP_URL, outside production. */
  demoMailbox: boolean;
  sessionSecret: string;
  /** Where the signed audit checkpoints go, and the key that signs them. */
  auditCheckpoint: { dir: string; key: string };
  /** The secret that seals personal data, and earlier ones still accepted for reading. */
  personalData: { key: string; previousKeys: string[] };
  devOidcProvider: boolean;
  /** Merchant accounts, or the local gateway (config/payment-config.ts). */
  payments: PaymentConfig;
  /** Signers, the timestamp authority, the remote signing service and trust anchors (config/signing-config.ts). */
  signing: SigningConfig;
  /** The population registry and the national data vault (config/data-exchange-config.ts). */
  dataExchange: DataExchangeConfig;
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; scopes: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** One line per variable, for `motcua config` and the README. */
export function describeConfig(): { name: string; describe: string }[] {
  return Object.entries(spec).map(([name, s]) => ({ name, describe: s.describe }));
}

const DEV_SECRET = 'motcua-development-secret-do-not-use-in-production';
export const DEV_OIDC_CLIENT = { clientId: 'motcua-portal', clientSecret: 'motcua-dev-oidc-client-secret' };

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) {
    const value = source[name] === '' ? undefined : source[name];
    const parsed = (s.schema as z.ZodType).safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')} (${s.describe})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const env = raw as RawEnv;
  const production = env.NODE_ENV === 'production';
  if (production && !env.SESSION_SECRET) problems.push('SESSION_SECRET: bắt buộc khi NODE_ENV=production');
  if (production && !env.PERSONAL_DATA_KEY) problems.push('PERSONAL_DATA_KEY: bắt buộc khi NODE_ENV=production');
  const previousKeys = (env.PERSONAL_DATA_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (previousKeys.some((k) => k.length < 32)) problems.push('PERSONAL_DATA_PREVIOUS_KEYS: mỗi khóa phải có ít nhất 32 ký tự');
  if (env.OIDC_ISSUER_URL && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    problems.push('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: bắt buộc khi đặt OIDC_ISSUER_URL');
  }
  if (env.OIDC_ISSUER_URL && env.DEV_OIDC_PROVIDER === true) {
    problems.push('DEV_OIDC_PROVIDER: không dùng cùng OIDC_ISSUER_URL (nhà cung cấp thử nghiệm sẽ nhận khóa bí mật thật)');
  }
  if (production && !env.OIDC_ISSUER_URL && env.DEV_OIDC_PROVIDER !== true) {
    problems.push('OIDC_ISSUER_URL: bắt buộc khi NODE_ENV=production (hoặc đặt DEV_OIDC_PROVIDER=true cho bản trình diễn)');
  }
  if (env.FILE_STORAGE === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !env[name]);
    if (missing.length > 0) problems.push(`${missing.join(', ')}: bắt buộc khi FILE_STORAGE=s3`);
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const devOidcProvider = env.DEV_OIDC_PROVIDER ?? (!production && !env.OIDC_ISSUER_URL);
  const warnings: string[] = [];
  const payments = paymentConfig(env, publicUrl, production, problems, warnings);
  const signing = signingConfig(env, production, problems, warnings);
  const dataExchange = dataExchangeConfig(env, production, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  if (!env.SESSION_SECRET) warnings.push('SESSION_SECRET is not set: using the public development secret (never do this in production).');
  if (!env.PERSONAL_DATA_KEY)
    warnings.push('PERSONAL_DATA_KEY is not set: ID numbers are sealed with a key derived from the session secret (never do this in production).');
  if (devOidcProvider) warnings.push('The development identity provider (VNeID simulator) is served at /oidc with demo citizens.');
  const seed = env.SEED ?? (production ? 'none' : 'demo');
  if (seed === 'demo') warnings.push('SEED=demo: an empty database is seeded with the demo province and its publicly documented accounts.');
  if (env.FILE_STORAGE === 'local' && (env.S3_ENDPOINT || env.S3_BUCKET))
    warnings.push('S3_ENDPOINT / S3_BUCKET are set but FILE_STORAGE is local: uploaded files stay in FILES_DIR.');
  if (!env.SMTP_URL && !production) warnings.push('SMTP_URL is not set: e-mails to applicants go to the demo mailbox (GET /api/v1/demo/mailbox), not to them.');
  const filesDir = env.FILES_DIR ?? `${env.DATA_DIR.replace(/\/+$/, '')}/files`;
  const prefix = env.S3_PREFIX ? env.S3_PREFIX.replace(/\/*$/, '/') : '';
  return {
    ...env,
    SEED: seed,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    warnings,
    publicUrl,
    filesDir,
    files:
      env.FILE_STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: env.S3_ENDPOINT as string,
            region: env.S3_REGION,
            bucket: env.S3_BUCKET as string,
            accessKeyId: env.S3_ACCESS_KEY_ID as string,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY as string,
            prefix,
            forcePathStyle: env.S3_FORCE_PATH_STYLE ?? true,
          }
        : { kind: 'local', dir: filesDir },
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    demoMailbox: !env.SMTP_URL && env.NODE_ENV !== 'production',
    sessionSecret: env.SESSION_SECRET ?? DEV_SECRET,
    auditCheckpoint: {
      dir: env.AUDIT_CHECKPOINT_DIR ?? `${env.DATA_DIR.replace(/\/+$/, '')}/audit`,
      key:
        env.AUDIT_CHECKPOINT_KEY ??
        createHmac('sha256', env.SESSION_SECRET ?? DEV_SECRET)
          .update('motcua audit checkpoint')
          .digest('hex'),
    },
    personalData: {
      key:
        env.PERSONAL_DATA_KEY ??
        createHmac('sha256', env.SESSION_SECRET ?? DEV_SECRET)
          .update('motcua personal data')
          .digest('hex'),
      previousKeys,
    },
    devOidcProvider,
    payments,
    signing,
    dataExchange,
    oidc: {
      issuerUrl: env.OIDC_ISSUER_URL ?? `${publicUrl}/oidc`,
      clientId: env.OIDC_CLIENT_ID ?? DEV_OIDC_CLIENT.clientId,
      clientSecret: env.OIDC_CLIENT_SECRET ?? DEV_OIDC_CLIENT.clientSecret,
      scopes: env.OIDC_SCOPES ?? (devOidcProvider ? 'openid profile email phone vneid' : 'openid profile email'),
    },
  };
}
