/**
 * The payment gateways of the province, from configuration: each unit may hold its own merchant account per
 * provider (a VNPay terminal, a partner code on the national platform), else it pays into the province's default.
 * Callbacks are routed back to the account that owns them by the terminal (vnp_TmnCode) or partner (MaDoiTac).
 */
import type { OnlineProvider, PaymentGateway, PaymentGateways } from '../../domain/payment/gateway.js';
import { createPlatformGateway, type PlatformAccount } from './national-payment-platform.js';
import type { FetchFunction } from './payment-wire.js';
import { createVnpayGateway, type VnpayAccount } from './vnpay.js';

export type UnitAccounts = { vnpay?: VnpayAccount; nationalPlatform?: PlatformAccount };

export type PaymentAccountsConfig = {
  /** The province's accounts, for units without their own. */
  default: UnitAccounts;
  /** By unit code. */
  units: Record<string, UnitAccounts>;
};

/** The order providers are offered in: the national platform first (DuocThanhToanTrucTuyen 1), then the province's own gateway. */
const PROVIDERS: readonly OnlineProvider[] = ['nationalPlatform', 'vnpay'];

export function createPaymentGateways(config: PaymentAccountsConfig, options: { fetch?: FetchFunction; now?: () => Date } = {}): PaymentGateways {
  const gateways = new Map<VnpayAccount | PlatformAccount, PaymentGateway>();
  const gatewayOf = (provider: OnlineProvider, account: VnpayAccount | PlatformAccount): PaymentGateway => {
    let gateway = gateways.get(account);
    if (!gateway) {
      gateway =
        provider === 'vnpay'
          ? createVnpayGateway(account as VnpayAccount, { fetch: options.fetch, now: options.now })
          : createPlatformGateway(account as PlatformAccount, { fetch: options.fetch });
      gateways.set(account, gateway);
    }
    return gateway;
  };
  const accountOf = (unitCode: string, provider: OnlineProvider) =>
    (Object.hasOwn(config.units, unitCode) ? config.units[unitCode]?.[provider] : undefined) ?? config.default[provider];
  const allAccounts = [config.default, ...Object.values(config.units)];

  return {
    providersFor: (unitCode) => PROVIDERS.filter((provider) => accountOf(unitCode, provider) !== undefined),
    for(unitCode, provider) {
      const account = accountOf(unitCode, provider);
      return account ? gatewayOf(provider, account) : null;
    },
    forCallback(provider, raw) {
      const owner = provider === 'vnpay' ? raw.vnp_TmnCode : raw.MaDoiTac;
      if (typeof owner !== 'string' || owner === '') return null;
      for (const accounts of allAccounts) {
        if (provider === 'vnpay' && accounts.vnpay?.tmnCode === owner) return gatewayOf(provider, accounts.vnpay);
        if (provider === 'nationalPlatform' && accounts.nationalPlatform?.partnerCode === owner) return gatewayOf(provider, accounts.nationalPlatform);
      }
      return null;
    },
  };
}
