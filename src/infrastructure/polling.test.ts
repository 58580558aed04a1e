import { describe, expect, it } from 'vitest';
import { schedulePolling } from './polling.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('schedulePolling', () => {
  it('runs one at a time, goes on after a failed run, and stops only once the run in flight has ended', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let finished = 0;
    const warnings: string[] = [];
    const stop = schedulePolling({
      intervalMs: 5,
      worker: () => async () => {
        runs += 1;
        active += 1;
        most = Math.max(most, active);
        await sleep(15);
        active -= 1;
        finished += 1;
        if (runs === 2) throw new Error('run 2 failed');
      },
      failureMessage: 'worker run failed',
      log: { warn: (_obj, msg) => warnings.push(msg) },
    });
    while (runs < 4) await sleep(5);
    await stop();
    expect(most).toBe(1);
    expect(warnings).toEqual(['worker run failed']);
    // The stop waited for the run it found in flight, and no run starts afterwards.
    expect(finished).toBe(runs);
    const after = runs;
    await sleep(30);
    expect(runs).toBe(after);
  });

  it('aborts the signal it gave the worker when stopped', async () => {
    let seen: AbortSignal | undefined;
    const stop = schedulePolling({
      intervalMs: 1000,
      worker: (signal) => {
        seen = signal;
        return async () => undefined;
      },
      failureMessage: 'x',
    });
    expect(seen?.aborted).toBe(false);
    await stop();
    expect(seen?.aborted).toBe(true);
  });
});
