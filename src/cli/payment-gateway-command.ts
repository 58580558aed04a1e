/**
 * `motcua payment-gateway`: the local payment gateway (VNPay 2.1.0 and the national platform 1.0.6) on a port of
 * its own, for a demo where motcua talks to it as to a real gateway (PAYMENT_ACCOUNTS pointing at it). It knows
 * the merchant accounts motcua is configured with (else the demo ones) and calls motcua back at PUBLIC_URL.
 * `npm start` in demo mode does not need it: the same gateway is served inside the server at /demo/payment-gateway.
 */
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/env.js';
import { startPaymentGatewaySimulator } from '../infrastructure/payment/payment-gateway-simulator.js';

export const PAYMENT_GATEWAY_USAGE = `  payment-gateway [--port 8090] [--host 127.0.0.1]
                                            chạy cổng thanh toán thử nghiệm (VNPay, Nền tảng thanh toán DVCQG) trên cổng riêng;
                                            gọi lại motcua tại PUBLIC_URL, với tài khoản trong PAYMENT_ACCOUNTS (hoặc tài khoản mẫu)`;

export async function runPaymentGateway(config: AppConfig, argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string', default: '8090' }, host: { type: 'string', default: '127.0.0.1' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port: ${values.port}`);
  const accounts = [config.payments.accounts.default, ...Object.values(config.payments.accounts.units)];
  const demo = config.payments.simulator;
  const api = `${config.publicUrl}/api/v1/payments`;
  const vnpay = accounts.flatMap((a) => (a.vnpay ? [{ tmnCode: a.vnpay.tmnCode, hashSecret: a.vnpay.hashSecret, ipnUrl: `${api}/vnpay/ipn` }] : []));
  const platform = accounts.flatMap((a) =>
    a.nationalPlatform
      ? [
          {
            partnerCode: a.nationalPlatform.partnerCode,
            secret: a.nationalPlatform.secret,
            confirmUrl: `${api}/national-platform/confirm`,
            returnUrl: `${api}/return/national-platform`,
          },
        ]
      : [],
  );
  const gateway = await startPaymentGatewaySimulator({
    host: values.host,
    port,
    vnpayMerchants: vnpay.length > 0 || !demo ? vnpay : [demo.vnpay],
    platformPartners: platform.length > 0 || !demo ? platform : [demo.platform],
  });
  out(`Cổng thanh toán thử nghiệm tại ${gateway.url} (VNPay: ${gateway.url}/paymentv2/vpcpay.html, Nền tảng DVCQG: ${gateway.url}/platform/api);`);
  out(`gọi lại motcua tại ${api}; lỗi giả lập: POST ${gateway.url}/_faults {"dropRate":0.2,...}. Ctrl+C để dừng.`);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gateway.close();
  return 0;
}
