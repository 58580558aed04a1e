/**
 * Mounts the local payment gateway (VNPay and national platform simulator, src/infrastructure/payment/) at
 * /demo/payment-gateway on the same server, for the demo and the tests: it reads its own raw requests, before
 * Fastify parses a body. Never served with real merchant accounts (config/payment-config.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { PaymentGatewaySimulator } from '../infrastructure/payment/payment-gateway-simulator.js';
import { SIMULATOR_PATH } from '../config/payment-config.js';

export function mountPaymentGatewaySimulator(app: FastifyInstance, simulator: PaymentGatewaySimulator): void {
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '';
    if (!(url === SIMULATOR_PATH || url.startsWith(SIMULATOR_PATH + '/') || url.startsWith(SIMULATOR_PATH + '?'))) {
      done();
      return;
    }
    reply.hijack();
    // The security headers set so far (security-headers.ts) go on the gateway's pages too.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
    request.raw.url = url.slice(SIMULATOR_PATH.length) || '/';
    void simulator.handle(request.raw, reply.raw);
  });
  app.addHook('onClose', () => simulator.close());
}
