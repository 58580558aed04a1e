import { describe, expect, it } from 'vitest';
import { planSync, progressBatches } from './sync-plan.js';
import { statusMapper, BUILT_IN_STATUS_MAPPER } from './status-mapping.js';
import { DEFAULT_RETRY, outagePauseMs, retryDelayMs } from './retry.js';

const keys = ['a', 'b', 'c', 'd'];
const acked = (over: Partial<{ createdOnPortal: boolean; fingerprint: string | null; progressAcked: number }> = {}) => ({
  createdOnPortal: true,
  fingerprint: 'f1',
  progressAcked: 2,
  ...over,
});

describe('what a dossier’s sync sends', () => {
  it('sends a new dossier’s record as a create, then all its progress', () => {
    expect(
      planSync({ fingerprint: 'f1', summary: 's', progressKeys: keys, acknowledged: acked({ createdOnPortal: false, fingerprint: null, progressAcked: 0 }) }),
    ).toEqual({
      record: { isUpdating: false, withHistory: false },
      progressFrom: 0,
    });
  });

  it('sends only the progress the portal lacks when the record did not change, and an update when it did', () => {
    expect(planSync({ fingerprint: 'f1', summary: 's', progressKeys: keys, acknowledged: acked() })).toEqual({ record: null, progressFrom: 2 });
    expect(planSync({ fingerprint: 'f2', summary: 's', progressKeys: keys, acknowledged: acked() }).record).toEqual({ isUpdating: true, withHistory: false });
  });

  it('after a doubt, trusts the portal’s holding over what was acknowledged', () => {
    // The portal took the third entry, but the acknowledgement was lost: only the fourth is sent.
    const holding = { summary: 's', progressCount: 3, progressKeys: ['a', 'b', 'c'] };
    expect(planSync({ fingerprint: 'f1', summary: 's', progressKeys: keys, acknowledged: acked(), holding })).toEqual({ record: null, progressFrom: 3 });
    // It does not hold the dossier at all: created again from the start.
    expect(planSync({ fingerprint: 'f1', summary: 's', progressKeys: keys, acknowledged: acked(), holding: null })).toEqual({
      record: { isUpdating: false, withHistory: false },
      progressFrom: 0,
    });
    // Its record is stale: an update.
    expect(planSync({ fingerprint: 'f1', summary: 's2', progressKeys: keys, acknowledged: acked(), holding }).record).toEqual({
      isUpdating: true,
      withHistory: false,
    });
  });

  it('replaces a history the portal holds differently, instead of appending after it', () => {
    for (const holding of [
      { summary: 's', progressCount: 2, progressKeys: ['a', 'x'] },
      { summary: 's', progressCount: 5, progressKeys: null },
    ])
      expect(planSync({ fingerprint: 'f1', summary: 's', progressKeys: keys, acknowledged: acked(), holding })).toEqual({
        record: { isUpdating: true, withHistory: true },
        progressFrom: 4,
      });
  });

  it('batches progress 10 at a time from where the portal stands', () => {
    const entries = Array.from({ length: 23 }, (_, i) => i);
    expect(progressBatches(entries, 3).map((b) => [b.start, b.items.length])).toEqual([
      [3, 10],
      [13, 10],
    ]);
    expect(progressBatches(entries, 0).map((b) => b.start)).toEqual([0, 10, 20]);
    expect(progressBatches(entries, 23)).toEqual([]);
  });
});

describe('status mapping', () => {
  it('prefers the status with its action, then the status, then the built-in code', () => {
    const map = statusMapper([
      { status: 'processing', subStatus: 'transfer', portalCode: '3' },
      { status: 'processing', subStatus: '', portalCode: '7' },
    ]);
    expect(map('processing', 'transfer')).toBe('3');
    expect(map('processing', 'claim')).toBe('7');
    expect(map('processing', null)).toBe('7');
    expect(map('returned', 'returnResult')).toBe('10');
    expect(BUILT_IN_STATUS_MAPPER('accepted', null)).toBe('2');
  });
});

describe('retry timing', () => {
  it('waits a random share of a doubling ceiling, capped', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY, 0)).toBe(0);
    expect(retryDelayMs(1, DEFAULT_RETRY, 0.5)).toBe(2_000);
    expect(retryDelayMs(3, DEFAULT_RETRY, 0.999)).toBeLessThan(16_000);
    expect(retryDelayMs(40, DEFAULT_RETRY, 0.999)).toBeLessThanOrEqual(DEFAULT_RETRY.capMs);
  });

  it('pauses the circuit half to all of a doubling ceiling, capped', () => {
    expect(outagePauseMs(1, 30_000, 0)).toBe(500);
    expect(outagePauseMs(1, 30_000, 1)).toBe(1_000);
    expect(outagePauseMs(4, 30_000, 0)).toBe(4_000);
    expect(outagePauseMs(20, 30_000, 1)).toBe(30_000);
  });
});
