/**
 * A bench server in its own process (bench/support/server-process.ts starts it), so that neither the driver nor
 * the load generator shares its event loop. The spec comes as JSON in argv[2]:
 * - `full`: motcua itself (createRuntime, production settings, logs written to /dev/null) on `url` (PostgreSQL)
 *   or `dataDir` (PGlite);
 * - `bare`: a bare Fastify with the baselines of bench/bare-dossier-server.ts (hello-world, and with a database
 *   a primary-key read, a transaction, an insert).
 * On PGlite both go in one process (an embedded database has one owner), on separate ports.
 * When listening it sends `{ full?: port, bare?: port }` to the parent; SIGTERM closes it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { benchConfig } from '../support/config.js';
import { createRuntime, type Runtime } from '../../src/bootstrap.js';
import { openDatabase, type Database } from '../../src/infrastructure/db/database.js';
import { createLogDestination } from '../../src/infrastructure/logging/log-destination.js';
import { startBareServer } from '../bare-dossier-server.js';

export interface ServerSpec {
  full?: boolean;
  bare?: boolean;
  /** PostgreSQL; else PGlite in dataDir; neither: no database (hello-world only). */
  url?: string;
  dataDir?: string;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
let database: Database | undefined;
if (spec.url || spec.dataDir) database = await openDatabase(spec.url ? { url: spec.url, poolSize: 20 } : { dataDir: spec.dataDir, lock: true });

let runtime: Runtime | undefined;
const ports: { full?: number; bare?: number } = {};
if (spec.full) {
  if (!database) throw new Error('the full server needs a database');
  const config = benchConfig({
    LOG_LEVEL: 'info',
    STATS_POLL_MS: '250',
    LOGIN_RATE_LIMIT: '1000',
    // The bench's load comes from one address; the per-address limit of public lookups would refuse it.
    PUBLIC_LOOKUP_RATE_LIMIT: '100000',
    // Experiments: BENCH_MOTCUA_ENV='{"STATS_POLL_MS":"60000"}' changes motcua's settings for a run.
    ...(JSON.parse(process.env.BENCH_MOTCUA_ENV ?? '{}') as Record<string, string>),
  });
  // Logs are produced, serialised and written as in production, to /dev/null instead of stdout.
  runtime = await createRuntime(config, { database, logStream: createLogDestination('/dev/null') });
  await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  ports.full = portOf(runtime.app.server.address());
}
const bare = spec.bare ? await startBareServer(database?.db) : undefined;
if (bare) ports.bare = bare.port;

function portOf(address: ReturnType<NonNullable<Runtime['app']['server']>['address']>): number {
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// The driver may profile one step only (BENCH_PROFILE_STEP): it sends 'profile-start' and 'profile-stop <file>'.
let profiler: Session | undefined;
process.on('message', (message: string) => {
  if (message === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    profiler.post('Profiler.enable', () => profiler!.post('Profiler.start', () => process.send?.('profiling')));
  } else if (message.startsWith('profile-stop ')) {
    profiler?.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(message.slice('profile-stop '.length), JSON.stringify(result.profile));
      profiler?.disconnect();
      process.send?.('profiled');
    });
  }
});
process.send?.(ports);
process.on('SIGTERM', () => {
  void (async () => {
    await bare?.close();
    if (runtime) await runtime.close();
    else await database?.close();
    process.exit(0);
  })();
});
