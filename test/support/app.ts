/** Starts the real application (full middleware stack) on a test database, optionally listening. */
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/env.js';
import { createRuntime, type Runtime } from '../../src/bootstrap.js';
import { createTestDatabase, type EngineName, type TestDatabase } from './databases.js';

export const DEMO_PASSWORD = 'MotCua@2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface TestApp extends Runtime {
  testDb: TestDatabase;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestApp(
  engine: EngineName,
  options: { listen?: boolean; env?: Record<string, string>; testDb?: TestDatabase } = {},
): Promise<TestApp> {
  const port = options.listen ? await freePort() : 3999;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    VACUUM_INTERVAL_HOURS: '0',
    FILES_DIR: mkdtempSync(join(tmpdir(), 'motcua-test-files-')),
    // No checkpoint files from test servers unless a test asks for them (with its own folder).
    AUDIT_CHECKPOINT_MINUTES: '0',
    // No background sync with the national portal unless a test asks for it (tests run the sync themselves).
    PORTAL_SYNC_POLL_MS: '0',
    PORTAL_RECONCILE_HOURS: '0',
    ...options.env,
  });
  const testDb = options.testDb ?? (await createTestDatabase(engine));
  const runtime = await createRuntime(config, { database: testDb.database, logger: false });
  if (options.listen) await runtime.app.listen({ port, host: '127.0.0.1' });
  return {
    ...runtime,
    testDb,
    baseUrl: config.publicUrl,
    async stop() {
      await runtime.app.close();
      await testDb.drop();
    },
  };
}

/** A logged-in client that keeps the session cookie and sends the CSRF token, over app.inject(). */
export class Client {
  cookie = '';
  csrf = '';
  /** Each client comes from its own address, so per-IP login rate limits do not couple tests. */
  readonly remoteAddress = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(private readonly app: TestApp) {}

  static async official(app: TestApp, username: string, password = DEMO_PASSWORD): Promise<Client> {
    const client = new Client(app);
    const res = await client.request('POST', '/api/v1/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return client;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'motcua_session');
    if (setCookie) this.cookie = setCookie.value ? `motcua_session=${setCookie.value}` : '';
    if (res.statusCode === 200 && res.headers['content-type']?.toString().includes('json')) {
      const parsed = res.json() as { csrfToken?: string };
      if (parsed.csrfToken) this.csrf = parsed.csrfToken;
    }
    return res;
  }
}
