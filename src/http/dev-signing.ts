/**
 * Mounts the demo's own timestamp authority at /demo/tsa and remote signing service at /demo/remote-signing
 * (infrastructure/esign/local-services.ts), read raw before Fastify parses a body.
 */
import type { FastifyInstance } from 'fastify';
import type { LocalSigningServices } from '../infrastructure/esign/local-services.js';
import { REMOTE_SIGNING_PATH, TSA_PATH } from '../config/signing-config.js';
import { mountRawUnder } from './mount-raw.js';

export function mountLocalSigningServices(app: FastifyInstance, services: LocalSigningServices): void {
  mountRawUnder(app, TSA_PATH, (req, res) => services.timestampAuthority(req, res));
  mountRawUnder(app, REMOTE_SIGNING_PATH, (req, res) => services.remoteSigning.handle(req, res));
  app.addHook('onClose', () => {
    services.remoteSigning.close();
    services.setTimestampAuthorityDown(false);
  });
}
