/**
 * Start a bench server (bench/servers/serve.ts) in its own process and wait until it listens; `profile()` profiles
 * it during one step only (BENCH_PROFILE_STEP in bench/http.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
  /** Profile the server while `during` runs; the V8 CPU profile is written to `file`. */
  profile<T>(file: string, during: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export function startServerProcess(spec: ServerSpec): Promise<ServerProcess> {
  const child: ChildProcess = fork(SERVE, [JSON.stringify(spec)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
        async profile(file, during) {
          const reply = (expected: string) =>
            new Promise<void>((done) =>
              child.on('message', function wait(m) {
                if (m === expected) {
                  child.off('message', wait);
                  done();
                }
              }),
            );
          const started = reply('profiling');
          child.send('profile-start');
          await started;
          try {
            return await during();
          } finally {
            const stopped = reply('profiled');
            child.send(`profile-stop ${file}`);
            await stopped;
          }
        },
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

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds of every process of the local PostgreSQL server (all its backends), by pid. */
export function postgresCpu(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') byPid.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return byPid;
}

/** CPU seconds PostgreSQL used between two readings (a backend that ended in between is left out: a slight undercount, never negative). */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
