/**
 * The motcua settings every bench runs with: production mode, the demo province, the development eID provider,
 * no background vacuum or webhook polling. The driver that fills a database and the server process that serves it
 * must agree on the secrets (a session or a sealed ID written by one is read by the other): both take them here.
 */
import { loadConfig, type AppConfig } from '../../src/config/env.js';

export function benchConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'b'.repeat(40),
    PERSONAL_DATA_KEY: 'p'.repeat(40),
    SEED: 'demo',
    DEV_OIDC_PROVIDER: 'true',
    LOG_LEVEL: 'warn',
    VACUUM_INTERVAL_HOURS: '0',
    WEBHOOK_POLL_SECONDS: '0',
    ...env,
  });
}
