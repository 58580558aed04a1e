/**
 * The load generator of bench/load-mix.ts, in its own process so that it does not share the server's event
 * loop. Reads one job from the JSON file named by argv[2]; prints the raw samples as JSON on stdout, progress on
 * stderr.
 * - Bare baselines: `connections` clients in a closed loop, each sending its next request when the last
 *   answered, for `seconds` (as bench/dossiers.ts drives them with autocannon).
 * - The persona mix: an open loop. Each persona sends at its own rate whatever the server's pace, so that a
 *   slow server meets a queue, as it would from real citizens and officials; a request's latency is counted from
 *   the instant it was due, not from when a free socket let it go (no coordinated omission).
 */
import { Agent, request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';

export type Call = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

export interface PersonaJob {
  name: string;
  /** Requests per second at scale 1. */
  rate: number;
  kind: 'lookup' | 'submit' | 'intake' | 'act' | 'scorecard';
  headers: Record<string, string>;
  /** lookup: `/api/v1/public/dossiers/{code}?key=…`; scorecard: the scorecard URLs to pick from. */
  paths?: string[];
  /** submit, intake: the JSON body. */
  body?: string;
  /** act: working dossiers, each alternating requestFee (the assignee asks for the fee) / payFee (paid at the desk). */
  dossiers?: { id: string; seq: number; paused: boolean }[];
}

export interface MixJob {
  base: string;
  bare: { name: string; method: 'GET' | 'POST'; base: string; paths: string[]; seconds: number; connections: number }[];
  personas: PersonaJob[];
  phases: { name: string; seconds: number; scale: number }[];
  /** Requests in flight beyond which a due request is shed by the generator (counted as an error). */
  maxInFlight: number;
}

/** One answered (or failed) request: persona, phase, due instant (ms from the mix's start), latency ms, ok. */
export type Sample = [persona: number, phase: number, due: number, latency: number, ok: 0 | 1];

export interface MixSamples {
  bare: { name: string; latencies: number[]; errors: number; seconds: number }[];
  samples: Sample[];
  /** Per persona and phase: due requests not sent (too many in flight, or no free working dossier). */
  shed: number[][];
  /** Per persona: how many answers of each failing status (0: no answer, a timeout or a reset). */
  failures: Record<string, number>[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function send(base: string, call: Call, timeoutMs = 30_000): Promise<number> {
  const url = new URL(call.path, base);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: call.method,
        headers: { ...(call.body ? { 'content-type': 'application/json' } : {}), ...call.headers },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    if (call.body) req.write(call.body);
    req.end();
  });
}

async function closedLoop(job: MixJob['bare'][number]): Promise<MixSamples['bare'][number]> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await send(job.base, { method: job.method, path: job.paths[Math.floor(Math.random() * job.paths.length)]! });
        if (status >= 200 && status < 300) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  return { name: job.name, latencies, errors, seconds: job.seconds };
}

/** The next request of a persona, and what to do with its answer. */
function caller(p: PersonaJob): () => { call: Call; done: (status: number) => void } | null {
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]!;
  switch (p.kind) {
    case 'lookup':
    case 'scorecard':
      return () => ({ call: { method: 'GET', path: pick(p.paths!), headers: p.headers }, done: () => undefined });
    case 'submit':
    case 'intake':
      return () => ({ call: { method: 'POST', path: '/api/v1/dossiers', body: p.body!, headers: p.headers }, done: () => undefined });
    case 'act': {
      const free = [...p.dossiers!];
      return () => {
        const d = free.shift();
        if (!d) return null;
        const command = d.paused ? { type: 'payFee', expectedSeq: d.seq } : { type: 'requestFee', expectedSeq: d.seq, amount: 50_000, note: null };
        return {
          call: { method: 'POST', path: `/api/v1/dossiers/${d.id}/actions`, body: JSON.stringify(command), headers: p.headers },
          done: (status) => {
            if (status === 200) {
              d.seq++;
              d.paused = !d.paused;
            }
            free.push(d);
          },
        };
      };
    }
  }
}

async function openLoop(job: MixJob): Promise<{ samples: Sample[]; shed: number[][]; failures: Record<string, number>[] }> {
  const samples: Sample[] = [];
  const failures: Record<string, number>[] = job.personas.map(() => ({}));
  const shed = job.personas.map(() => job.phases.map(() => 0));
  const next = job.personas.map(caller);
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  let phaseStart = 0;
  for (const [phase, { name, seconds, scale }] of job.phases.entries()) {
    const issued = job.personas.map(() => 0);
    const phaseEnd = phaseStart + seconds * 1000;
    process.stderr.write(`  ${name}: ${seconds} s at ${scale}× (${job.personas.map((p) => `${p.name} ${Math.round(p.rate * scale)}/s`).join(', ')})\n`);
    let lastReport = phaseStart;
    for (;;) {
      const now = performance.now() - start;
      const until = Math.min(now, phaseEnd);
      for (const [i, p] of job.personas.entries()) {
        const due = Math.floor(((until - phaseStart) / 1000) * p.rate * scale);
        for (; issued[i]! < due; issued[i]!++) {
          const dueAt = phaseStart + ((issued[i]! + 1) / (p.rate * scale)) * 1000;
          const made = inFlight < job.maxInFlight ? next[i]!() : null;
          if (!made) {
            shed[i]![phase]!++;
            continue;
          }
          inFlight++;
          const promise = send(job.base, made.call).then((status) => {
            inFlight--;
            made.done(status);
            if (status < 200 || status >= 300) failures[i]![status] = (failures[i]![status] ?? 0) + 1;
            samples.push([i, phase, dueAt, performance.now() - start - dueAt, status >= 200 && status < 300 ? 1 : 0]);
            pending.delete(promise);
          });
          pending.add(promise);
        }
      }
      if (now >= phaseEnd) break;
      if (now - lastReport >= 30_000) {
        lastReport = now;
        process.stderr.write(`    ${Math.round((now - phaseStart) / 1000)} s: ${samples.length.toLocaleString('en')} answered, ${inFlight} in flight\n`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    phaseStart = phaseEnd;
  }
  await Promise.all(pending);
  return { samples, shed, failures };
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as MixJob;
const bare: MixSamples['bare'] = [];
for (const b of job.bare) {
  process.stderr.write(`  ${b.name}: ${b.connections} clients in a closed loop for ${b.seconds} s\n`);
  bare.push(await closedLoop(b));
}
const { samples, shed, failures } = await openLoop(job);
process.stdout.write(JSON.stringify({ bare, samples, shed, failures } satisfies MixSamples));
agent.destroy();
