/**
 * Mounts the demo's simulators of the population database's LGSP service at /demo/lgsp-dan-cu and of the
 * national portal's personal data vault at /demo/kho-du-lieu (infrastructure/data-exchange/), and of the national portal's
 * integration API at /demo/cong-dvcqg (infrastructure/national-portal/, issue 21), read raw before
 * Fastify parses a body.
 */
import type { FastifyInstance } from 'fastify';
import type { LocalDataExchange } from '../infrastructure/data-exchange/data-exchange.js';
import { NATIONAL_VAULT_PATH, POPULATION_REGISTRY_PATH } from '../config/data-exchange-config.js';
import { NATIONAL_PORTAL_PATH } from '../config/national-portal-config.js';
import { mountRawUnder } from './mount-raw.js';

export function mountLocalDataExchange(app: FastifyInstance, local: LocalDataExchange): void {
  const { population, vault, portal } = local;
  if (portal) mountRawUnder(app, NATIONAL_PORTAL_PATH, (req, res) => portal.handle(req, res));
  if (population) mountRawUnder(app, POPULATION_REGISTRY_PATH, (req, res) => population.handle(req, res));
  if (vault) mountRawUnder(app, NATIONAL_VAULT_PATH, (req, res) => vault.handle(req, res));
  app.addHook('onClose', () => {
    population?.close();
    vault?.close();
    portal?.close();
  });
}
