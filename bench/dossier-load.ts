/**
 * The load generator of the HTTP benches (bench/http.ts), in its own process so that it does not share the server's event
 * loop (autocannon, keep-alive connections). Reads one job from the JSON file named by argv[2], prints the figures as JSON.
 * - `get`: GET a random path of `paths` on every request;
 * - `post`: POST to a random path of `paths`, with `body` as JSON when given;
 * - `actions`: each request takes a free working dossier, alternates requestFee / payFee on it with its
 *   current expectedSeq, and frees it with the next seq when the answer comes. (Not requestSupplement /
 *   receiveSupplement: a second supplement request is refused since REFERENCE §2.6 is enforced.)
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadJob {
  mode: 'get' | 'post' | 'actions';
  /** For `post`: the JSON body sent with every request (none when absent). */
  body?: unknown;
  base: string;
  paths: string[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  /** For `actions`: more than `connections`, so that a free one is always there. */
  dossiers?: { id: string; seq: number; paused: boolean }[];
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadJob;
const pick = () => job.paths[Math.floor(Math.random() * job.paths.length)]!;
const free = [...(job.dossiers ?? [])];

type Request = { method: string; path: string; body?: string; headers?: Record<string, string> };
type Context = { dossier?: { id: string; seq: number; paused: boolean } };

const request =
  job.mode === 'actions'
    ? {
        setupRequest(req: Request, context: Context) {
          const d = free.shift();
          if (!d) throw new Error('no free working dossier: give more dossiers than connections');
          context.dossier = d;
          const command = d.paused ? { type: 'payFee', expectedSeq: d.seq } : { type: 'requestFee', expectedSeq: d.seq, amount: 50_000, note: null };
          return {
            ...req,
            method: 'POST',
            path: `/api/v1/dossiers/${d.id}/actions`,
            body: JSON.stringify(command),
            headers: { ...req.headers, 'content-type': 'application/json' },
          };
        },
        onResponse(status: number, _body: string, context: Context) {
          const d = context.dossier!;
          if (status === 200) {
            d.seq++;
            d.paused = !d.paused;
          }
          free.push(d);
        },
      }
    : {
        setupRequest(req: Request) {
          if (job.mode === 'get') return { ...req, method: 'GET', path: pick() };
          if (job.body === undefined) return { ...req, method: 'POST', path: pick() };
          return { ...req, method: 'POST', path: pick(), body: JSON.stringify(job.body), headers: { ...req.headers, 'content-type': 'application/json' } };
        },
      };

const result = await autocannon({
  url: job.base,
  connections: job.connections,
  duration: job.seconds,
  headers: job.headers,
  requests: [request as unknown as autocannon.Request],
});
const figures: LoadFigures = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
process.stdout.write(JSON.stringify(figures));
