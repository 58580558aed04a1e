/**
 * Start a bench server (bench/servers/serve.ts) in its own process and wait until it listens. BENCH_CPU_PROF=dir
 * profiles the full server (`--cpu-prof`): the profile is written when it stops (docs/PERFORMANCE.md reads one).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerSpec } from '../servers/serve.js';

const SERVE = join(dirname(fileURLToPath(import.meta.url)), '..', 'servers', 'serve.ts');

export interface ServerProcess {
  full?: string;
  bare?: string;
  pid: number;
  /** Resident set size now, and its peak, in MB (from /proc). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

export function startServerProcess(spec: ServerSpec): Promise<ServerProcess> {
  const execArgv = ['--import', 'tsx'];
  if (spec.full && process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  const child: ChildProcess = fork(SERVE, [JSON.stringify(spec)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
    child.once('message', (message) => {
      child.removeAllListeners('exit');
      const ports = message as { full?: number; bare?: number };
      const url = (port?: number) => (port ? `http://127.0.0.1:${port}` : undefined);
      const pid = child.pid!;
      resolve({
        ...(ports.full ? { full: url(ports.full) } : {}),
        ...(ports.bare ? { bare: url(ports.bare) } : {}),
        pid,
        memory: () => processMemory(pid),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
