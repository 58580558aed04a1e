import { describe, expect, it } from 'vitest';
import { drawSample, marginOfError, sampleSize, seededRandom } from './sampling.js';

describe('the sample size n = ceil(N / (1 + N·e²))', () => {
  it('matches hand-computed cases at e = 5%', () => {
    // N = 1000: 1000·0.0025 = 2.5; 1000 / 3.5 = 285.71… → 286.
    expect(sampleSize(1000)).toBe(286);
    // N = 100: 100·0.0025 = 0.25; 100 / 1.25 = 80 exactly → 80 (not 81: the formula runs in whole numbers).
    expect(sampleSize(100)).toBe(80);
    // N = 0: nobody to ask.
    expect(sampleSize(0)).toBe(0);
    // N = 36,525 (SIPAS 2024's sample, as a population): 36525·0.0025 = 91.3125; 36525 / 92.3125 = 395.67… → 396
    // (92.3125·395 = 36,463.44 < 36,525 < 92.3125·396 = 36,555.75).
    expect(sampleSize(36_525)).toBe(396);
    // N = 1: 1 / 1.0025 = 0.9975… → 1: a population of one is asked in full.
    expect(sampleSize(1)).toBe(1);
    // N = 60: 60·0.0025 = 0.15; 60 / 1.15 = 52.17… → 53.
    expect(sampleSize(60)).toBe(53);
  });

  it('takes another margin', () => {
    // N = 400, e = 10%: 400·0.01 = 4; 400 / 5 = 80 exactly → 80.
    expect(sampleSize(400, 0.1)).toBe(80);
    // N = 1000, e = 3%: 1000·0.0009 = 0.9; 1000 / 1.9 = 526.3… → 527.
    expect(sampleSize(1000, 0.03)).toBe(527);
  });

  it('never asks more than the population, and refuses nonsense', () => {
    for (const n of [1, 2, 5, 17, 250, 10_000]) expect(sampleSize(n)).toBeLessThanOrEqual(n);
    expect(() => sampleSize(-1)).toThrow(RangeError);
    expect(() => sampleSize(10, 0)).toThrow(RangeError);
  });
});

describe('the margin of error e = √(1/r − 1/N)', () => {
  it('is the sample size formula read backwards', () => {
    // r = 286 of N = 1000: √(1/286 − 1/1000) = √0.0024965 = 0.04997 → 5.00 points.
    expect(marginOfError(286, 1000)).toBe(5);
    // r = 40 of N = 60: √(1/40 − 1/60) = √0.008333 = 0.0913 → 9.13 points.
    expect(marginOfError(40, 60)).toBe(9.13);
    // A census has none; no answers, or fewer in the population than answers, say nothing.
    expect(marginOfError(60, 60)).toBe(0);
    expect(marginOfError(0, 60)).toBeNull();
    expect(marginOfError(10, 5)).toBeNull();
  });
});

describe('a seeded random sample', () => {
  it('is n distinct positions of the population, the same for the same seed', () => {
    const sample = drawSample(1000, 286, 'đợt 11/2026');
    expect(sample).toHaveLength(286);
    expect(new Set(sample).size).toBe(286);
    expect(sample.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(drawSample(1000, 286, 'đợt 11/2026')).toEqual(sample);
    expect(drawSample(1000, 286, 'đợt 12/2026')).not.toEqual(sample);
  });

  it('takes everyone when n = N, nobody when n = 0, and refuses more than N', () => {
    expect(drawSample(5, 5, 'x')).toEqual([0, 1, 2, 3, 4]);
    expect(drawSample(5, 0, 'x')).toEqual([]);
    expect(() => drawSample(5, 6, 'x')).toThrow(RangeError);
  });

  it('spreads the choice over the population (each position about n/N of the time)', () => {
    const hits = new Array<number>(20).fill(0);
    for (let s = 0; s < 2000; s++) for (const i of drawSample(20, 5, `seed-${s}`)) hits[i]! += 1;
    // Expected 2000·5/20 = 500 each; a fair draw stays well within ±100.
    for (const h of hits) expect(Math.abs(h - 500)).toBeLessThan(100);
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom('a');
    for (let i = 0; i < 1000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
