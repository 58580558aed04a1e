import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { JobRunner } from './job-runner.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingLog() {
  const info: Array<[object, string]> = [];
  const warn: Array<[object, string]> = [];
  return { info, warn, log: { info: (o: object, m: string) => info.push([o, m]), warn: (o: object, m: string) => warn.push([o, m]) } };
}

describe('JobRunner', () => {
  it('runs a periodic job one run at a time, goes on after a failed run, and stops only once the run in flight has ended', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let finished = 0;
    const { log, warn } = recordingLog();
    const runner = new JobRunner(log).add({
      name: 'probe',
      everyMs: 5,
      worker: () => async () => {
        runs += 1;
        active += 1;
        most = Math.max(most, active);
        await sleep(15);
        active -= 1;
        finished += 1;
        if (runs === 2) throw new Error('run 2 failed');
      },
      failureMessage: 'probe run failed',
    });
    runner.start();
    while (runs < 4) await sleep(5);
    await runner.stop();
    expect(most).toBe(1);
    expect(warn.map(([o, m]) => [(o as { job: string }).job, m])).toEqual([['probe', 'probe run failed']]);
    // The stop waited for the run it found in flight, and no run starts afterwards.
    expect(finished).toBe(runs);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after);
  });

  it('aborts the signal it gave the worker when stopped, then closes what the job holds', async () => {
    let seen: AbortSignal | undefined;
    const order: string[] = [];
    const runner = new JobRunner(undefined).add({
      name: 'probe',
      everyMs: 1000,
      worker: (signal) => {
        seen = signal;
        return async () => undefined;
      },
      failureMessage: 'x',
      close: async () => {
        order.push(`closed after abort: ${String(seen?.aborted)}`);
      },
    });
    runner.start();
    expect(seen?.aborted).toBe(false);
    await runner.stop();
    expect(seen?.aborted).toBe(true);
    expect(order).toEqual(['closed after abort: true']);
  });

  it('runs a one-off job once at start, logs its report, and leaves out a periodic job turned off (0)', async () => {
    const { log, info } = recordingLog();
    let offRuns = 0;
    let closedOff = false;
    let onceRuns = 0;
    const runner = new JobRunner(log)
      .add({ name: 'off', everyMs: 0, worker: () => async () => (offRuns += 1), failureMessage: 'x', close: async () => void (closedOff = true) })
      .add({ name: 'once', worker: () => async () => (onceRuns += 1), report: (n) => ({ message: 'once done', n }), failureMessage: 'x' });
    expect(runner.names()).toEqual(['once']);
    expect(closedOff).toBe(true);
    runner.start();
    await sleep(20);
    await runner.stop();
    expect(onceRuns).toBe(1);
    expect(offRuns).toBe(0);
    expect(info).toEqual([[{ job: 'once', n: 1 }, 'once done']]);
  });

  it('counts runs by job and outcome in the metrics registry it is given', async () => {
    const registry = new Registry();
    let runs = 0;
    const runner = new JobRunner(undefined, registry).add({
      name: 'flaky',
      everyMs: 2,
      runAtStart: true,
      worker: () => async () => {
        runs += 1;
        if (runs % 2 === 0) throw new Error('even runs fail');
      },
      failureMessage: 'flaky failed',
    });
    runner.start();
    while (runs < 4) await sleep(2);
    await runner.stop();
    const text = await registry.metrics();
    const count = (outcome: string) => Number(new RegExp(`motcua_job_runs_total\\{job="flaky",outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1]);
    expect(count('ok') + count('failed')).toBe(runs);
    expect(count('failed')).toBe(Math.floor(runs / 2));
    expect(text).toContain('motcua_job_run_seconds_count{job="flaky"}');
  });
});
