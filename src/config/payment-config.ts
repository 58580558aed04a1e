/**
 * Where fees are paid online (issue 18): the merchant accounts of the province and of units that hold their own
 * (PAYMENT_ACCOUNTS, JSON), or, for a demo and the tests, the local gateway that motcua serves itself at
 * /demo/payment-gateway with demo accounts. With real accounts the local gateway is off and the same adapters
 * talk to VNPay and the national platform.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The payment variables, declared with the others in env.ts. */
export const PAYMENT_ENV = {
  PAYMENT_ACCOUNTS: {
    describe:
      'Merchant accounts for online payment of fees, JSON {"default":{"vnpay":{tmnCode,hashSecret,payUrl,apiUrl},"nationalPlatform":{partnerCode,secret,apiUrl}},"units":{"<unit code>":{…}}}; unset = the local gateway outside production',
    schema: z.string().optional(),
  },
  PAYMENT_SIMULATOR: {
    describe:
      'Serve the local payment gateway (VNPay and national platform simulator) at /demo/payment-gateway; default: outside production when PAYMENT_ACCOUNTS is unset',
    schema: bool.optional(),
  },
  PAYMENT_RECONCILE_SECONDS: {
    describe: 'Seconds between two runs of payment reconciliation (attempts still pending 15 minutes after they began are asked about)',
    schema: z.coerce.number().int().min(1).max(86400).default(60),
  },
} as const;

const url = z.url({ protocol: /^https?$/ });
const vnpay = z.strictObject({
  tmnCode: z.string().min(1).max(8),
  hashSecret: z.string().min(8),
  payUrl: url,
  apiUrl: url,
  timeoutMs: z.number().int().min(100).optional(),
});
const platform = z.strictObject({
  partnerCode: z.string().min(1).max(50),
  secret: z.string().min(8),
  apiUrl: url,
  accessToken: z.string().optional(),
  timeoutMs: z.number().int().min(100).optional(),
});
const unitAccounts = z.strictObject({ vnpay: vnpay.optional(), nationalPlatform: platform.optional() });
export const PaymentAccountsSchema = z.strictObject({ default: unitAccounts, units: z.record(z.string(), unitAccounts).default({}) });
export type PaymentAccounts = z.output<typeof PaymentAccountsSchema>;

export interface PaymentConfig {
  accounts: PaymentAccounts;
  /** The local gateway for demos and tests, mounted at /demo/payment-gateway; null with real accounts. */
  simulator: {
    /** The browser reaches it here. */
    publicBaseUrl: string;
    vnpay: { tmnCode: string; hashSecret: string; ipnUrl: string };
    platform: { partnerCode: string; secret: string; confirmUrl: string; returnUrl: string };
  } | null;
}

export const SIMULATOR_PATH = '/demo/payment-gateway';
const DEMO_VNPAY = { tmnCode: 'MOTCUA01', hashSecret: 'motcua-demo-vnpay-hash-secret-not-for-production' };
const DEMO_PLATFORM = { partnerCode: 'MOTCUA', secret: 'motcua-demo-platform-secret-not-for-production' };

/** The payment settings from PAYMENT_ACCOUNTS and PAYMENT_SIMULATOR; problems and warnings are pushed to the caller's lists. */
export function paymentConfig(
  env: { PAYMENT_ACCOUNTS?: string; PAYMENT_SIMULATOR?: boolean; HOST: string; PORT: number },
  publicUrl: string,
  production: boolean,
  problems: string[],
  warnings: string[],
): PaymentConfig {
  let accounts: PaymentAccounts = { default: {}, units: {} };
  if (env.PAYMENT_ACCOUNTS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.PAYMENT_ACCOUNTS);
    } catch {
      problems.push('PAYMENT_ACCOUNTS: không phải JSON hợp lệ');
    }
    const checked = PaymentAccountsSchema.safeParse(parsed);
    if (parsed !== undefined && !checked.success)
      problems.push(`PAYMENT_ACCOUNTS: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (checked.success) accounts = checked.data;
  }
  const simulator = env.PAYMENT_SIMULATOR ?? (!production && !env.PAYMENT_ACCOUNTS);
  if (!simulator) {
    if (!env.PAYMENT_ACCOUNTS) warnings.push('PAYMENT_ACCOUNTS is not set: fees cannot be paid online (only at the desk).');
    return { accounts, simulator: null };
  }
  if (env.PAYMENT_ACCOUNTS) problems.push('PAYMENT_SIMULATOR: không dùng cùng PAYMENT_ACCOUNTS (cổng thanh toán thử nghiệm sẽ thay tài khoản thật)');
  warnings.push(`The local payment gateway (VNPay and national platform simulator) is served at ${SIMULATOR_PATH}: no money moves.`);
  // Server-to-server calls (the adapters to the gateway, the gateway's callbacks) go over the loopback.
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const internal = `http://${host}:${env.PORT}`;
  return {
    accounts: {
      default: {
        vnpay: {
          ...DEMO_VNPAY,
          payUrl: `${publicUrl}${SIMULATOR_PATH}/paymentv2/vpcpay.html`,
          apiUrl: `${internal}${SIMULATOR_PATH}/merchant_webapi/api/transaction`,
        },
        nationalPlatform: { ...DEMO_PLATFORM, apiUrl: `${internal}${SIMULATOR_PATH}/platform/api` },
      },
      units: {},
    },
    simulator: {
      publicBaseUrl: `${publicUrl}${SIMULATOR_PATH}`,
      vnpay: { ...DEMO_VNPAY, ipnUrl: `${internal}/api/v1/payments/vnpay/ipn` },
      platform: {
        ...DEMO_PLATFORM,
        confirmUrl: `${internal}/api/v1/payments/national-platform/confirm`,
        returnUrl: `${publicUrl}/api/v1/payments/return/national-platform`,
      },
    },
  };
}
