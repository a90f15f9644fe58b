import { describe, expect, it } from 'vitest';
import {
  attachSummary,
  ensureSummary,
  rangeCountAbove,
  rangeMax,
  rangeMin,
  rangePeak,
  LONG_SUMMARY,
  summarize,
  summaryBlock,
  summaryOf,
} from '../../../src/state/block-summary';
import { blockPeaks, columnExtremes, columnMax, columnPeaks, countAbove } from '../../../src/widgets/shared/scan';

/** Plain loops over every sample: what the summarised reads must equal exactly. */
function plainMax(v: Float32Array, a: number, b: number, init: number): number {
  let m = init;
  for (let i = a; i < Math.min(b, v.length); i++) if ((v[i] as number) > m) m = v[i] as number;
  return m;
}
function plainMin(v: Float32Array, a: number, b: number, init: number): number {
  let m = init;
  for (let i = a; i < Math.min(b, v.length); i++) if ((v[i] as number) < m) m = v[i] as number;
  return m;
}
function plainPeak(v: Float32Array, a: number, b: number, init: number): number {
  return Math.max(plainMax(v, a, b, init), -plainMin(v, a, b, -init));
}
function plainCount(v: Float32Array, a: number, b: number, limit: number): number {
  let n = 0;
  for (let i = a; i < Math.min(b, v.length); i++) if ((v[i] as number) > limit) n++;
  return n;
}

/** A deterministic test signal: a decaying zig-zag with a few special values. */
function signal(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = (x / 2147483648 - 0.5) * 2 * Math.exp(-i / length);
  }
  return out;
}

describe('summarize', () => {
  it('gives the lowest and highest value of every 4-sample block, the short last block included', () => {
    const s = summarize(Float32Array.from([1, -2, 3, 0, 5, 4, -1, 2, -7]), 4);
    expect([...s.min]).toEqual([-2, -1, -7]);
    expect([...s.max]).toEqual([3, 5, -7]);
    expect(s.length).toBe(9);
  });

  it('marks a block holding a NaN as NaN', () => {
    const s = summarize(Float32Array.from([1, NaN, 3, 0, 5, 4]), 4);
    expect(s.min[0]).toBeNaN();
    expect(s.max[0]).toBeNaN();
    expect([s.min[1], s.max[1]]).toEqual([4, 5]);
  });

  it('is attached only when it fits the array', () => {
    const a = new Float32Array(10);
    attachSummary(a, summarize(new Float32Array(9), 4));
    expect(summaryOf(a)).toBeUndefined();
    const fit = summarize(a, 4);
    attachSummary(a, fit);
    expect(summaryOf(a)).toBe(fit);
    expect(ensureSummary(a)).toBe(fit);
  });
});

describe('range reads with a summary equal plain loops', () => {
  const n = 5000;
  const plain = signal(n, 7);
  const summed = plain.slice();
  summed[1234] = NaN;
  plain[1234] = NaN;
  summed[3000] = -Infinity;
  plain[3000] = -Infinity;
  attachSummary(summed, summarize(summed, 64));
  const ranges: [number, number][] = [
    [0, n],
    [0, 1],
    [63, 65],
    [64, 128],
    [100, 1300],
    [1200, 1300],
    [2999, 3001],
    [4000, 6000],
  ];

  it.each(ranges)('[%i, %i)', (a, b) => {
    expect(rangeMax(summed, a, b, -Infinity)).toBe(plainMax(plain, a, b, -Infinity));
    expect(rangeMin(summed, a, b, Infinity)).toBe(plainMin(plain, a, b, Infinity));
    expect(rangePeak(summed, a, b, 0)).toBe(plainPeak(plain, a, b, 0));
    expect(rangeCountAbove(summed, a, b, 0.1)).toBe(plainCount(plain, a, b, 0.1));
    expect(rangeCountAbove(summed, a, b, -2)).toBe(plainCount(plain, a, b, -2));
    expect(rangeMax(summed, a, b, 5)).toBe(5);
  });
});

describe('scan.ts gives the same columns with and without summaries', () => {
  const n = 48_000;
  const left = signal(n, 3);
  const right = signal(n, 11);
  const copies = [left.slice(), right.slice()];
  for (const ch of copies) attachSummary(ch, summarize(ch));

  it('column extremes, peaks, maxima, counts and block peaks', () => {
    for (const [from, to, count] of [
      [0, n, 300],
      [1000, 9000, 37],
      [5, 200, 150],
    ] as const) {
      expect(columnExtremes(copies, from, to, count)).toEqual(columnExtremes([left, right], from, to, count));
      expect(columnPeaks(copies, from, to, count)).toEqual(columnPeaks([left, right], from, to, count));
      expect(columnMax(copies[0] as Float32Array, from, to, count, -1)).toEqual(columnMax(left, from, to, count, -1));
      expect(countAbove(copies[1] as Float32Array, from, to, 0.2)).toBe(countAbove(right, from, to, 0.2));
    }
    // Blocks of 480 samples (10 ms at 48 kHz, the measured transfer curve's).
    expect(blockPeaks(copies, n, 480)).toEqual(blockPeaks([left.slice(), right.slice()], n, 480));
  });
});

describe('summaryBlock', () => {
  it('summarises a short array in 64-sample blocks and a long one (over 2^22 samples) in 256', () => {
    expect(summaryBlock(19.2 * 48_000)).toBe(64);
    expect(summarize(new Float32Array(1000)).block).toBe(64);
    expect(summaryBlock(LONG_SUMMARY)).toBe(64);
    expect(summaryBlock(LONG_SUMMARY + 1)).toBe(256);
    expect(summaryBlock(600 * 48_000)).toBe(256);
  });
});
