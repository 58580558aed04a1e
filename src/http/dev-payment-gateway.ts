/**
 * Mounts the local payment gateway (VNPay and national platform simulator, src/infrastructure/payment/) at
 * /demo/payment-gateway on the same server, for the demo and the tests: it reads its own raw requests, before
 * Fastify parses a body. Never served with real merchant accounts (config/payment-config.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { PaymentGatewaySimulator } from '../infrastructure/payment/payment-gateway-simulator.js';
import { SIMULATOR_PATH } from '../config/payment-config.js';
import { mountRawUnder } from './mount-raw.js';

export function mountPaymentGatewaySimulator(app: FastifyInstance, simulator: PaymentGatewaySimulator): void {
  mountRawUnder(app, SIMULATOR_PATH, (req, res) => simulator.handle(req, res));
  app.addHook('onClose', () => simulator.close());
}
