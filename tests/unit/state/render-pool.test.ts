/**
 * The render Worker's array pool (src/state/render-pool.ts) and the property it rests on: a render written into
 * arrays that still hold anything (an earlier render's values, NaN, garbage) equals a render into fresh arrays,
 * value for value, for every path of the kernel (WebAssembly and JS blocks, lookahead, RMS, link < 1, mix, mono).
 */
import { describe, expect, it } from 'vitest';
import { renderOffline, renderOfflineSteps } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { sine } from '../../../src/dsp/signals';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';
import { ArrayPool, fitsPool, POOL_FLOATS } from '../../../src/state/render-pool';
import { finish, summarizedSteps } from '../../../src/state/render-steps';

const FS = 48_000;

function stereo(durationS: number): Float32Array[] {
  const left = sine({ sampleRate: FS, frequencyHz: 110, peakDb: -3, durationS });
  const right = sine({ sampleRate: FS, frequencyHz: 170, peakDb: -9, durationS });
  // A burst halfway, so the compressor attacks and releases.
  for (const ch of [left, right])
    for (let i = ch.length >> 1; i < (ch.length >> 1) + 2400; i++) ch[i] = (ch[i] ?? 0) * 4;
  return [left, right];
}

/** Bits of every per-sample array of a render, for an exact comparison (NaN and −0 included). */
function bits(render: OfflineRender): number[][] {
  const arrays = [...render.output, render.detectorDb, render.targetReductionDb, render.appliedReductionDb];
  return arrays.map((a) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length)));
}

const cases: [string, Partial<CompressorParams>, number][] = [
  ['defaults (stereo, linked: the WebAssembly block)', {}, 2],
  ['soft knee, RMS', { kneeDb: 6, detector: 'rms', rmsWindowMs: 10, thresholdDb: -30, ratio: 8 }, 2],
  ['lookahead 5 ms (output realigned)', { lookaheadMs: 5, thresholdDb: -24 }, 2],
  ['link 0.5 and mix 0.5 (JS blocks)', { link: 0.5, mix: 0.5, thresholdDb: -20 }, 2],
  ['mono', { thresholdDb: -18, ratio: Infinity }, 1],
];

describe('a render into reused arrays', () => {
  it.each(cases)('equals a render into fresh arrays: %s', (_name, change, channelCount) => {
    const input = stereo(0.6).slice(0, channelCount);
    const params = { ...DEFAULT_PARAMS, ...change };
    const fresh = renderOffline(input, FS, params);
    for (const fill of [NaN, 123.5, -Infinity]) {
      const dirty = (length: number): Float32Array => new Float32Array(length).fill(fill);
      const steps = renderOfflineSteps(input, FS, params, 4096, dirty);
      expect(bits(finish(steps))).toEqual(bits(fresh));
    }
  });

  it('equals a fresh one when the arrays held an earlier render of other settings (through the pool)', () => {
    const input = stereo(0.6);
    const pool = new ArrayPool();
    const first = finish(
      summarizedSteps(input, FS, { ...DEFAULT_PARAMS, thresholdDb: -40 }, 8192, (n) => pool.take(n)),
    ).render;
    const buffers = [...first.output, first.detectorDb, first.targetReductionDb, first.appliedReductionDb].map(
      (a) => a.buffer as ArrayBuffer,
    );
    pool.add(buffers);
    const params = { ...DEFAULT_PARAMS, thresholdDb: -12, ratio: 3 };
    const second = finish(summarizedSteps(input, FS, params, 8192, (n) => pool.take(n))).render;
    // Written into the same memory...
    const used = [...second.output, second.detectorDb, second.targetReductionDb, second.appliedReductionDb];
    expect(used.map((a) => a.buffer)).toEqual(buffers);
    expect(pool.floats).toBe(0);
    // ...and exactly the render fresh arrays give.
    expect(bits(second)).toEqual(bits(renderOffline(input, FS, params)));
  });
});

describe('ArrayPool', () => {
  it('hands out a kept buffer of exactly the size asked for, else a new array', () => {
    const pool = new ArrayPool(100);
    const a = new ArrayBuffer(40);
    const b = new ArrayBuffer(80);
    pool.add([a, b]);
    expect(pool.floats).toBe(30);
    expect(pool.take(20).buffer).toBe(b);
    const other = pool.take(7);
    expect(other.buffer).not.toBe(a);
    expect(other.length).toBe(7);
    expect(pool.take(10).buffer).toBe(a);
    expect(pool.floats).toBe(0);
    expect(pool.take(10).buffer).not.toBe(a);
  });

  it('keeps at most its limit, dropping the oldest, and ignores detached or odd buffers', () => {
    const pool = new ArrayPool(25);
    const old = new ArrayBuffer(40);
    const newer = new ArrayBuffer(40);
    const newest = new ArrayBuffer(40);
    pool.add([old, newer]);
    pool.add([newest, new ArrayBuffer(0), new ArrayBuffer(6)]);
    expect(pool.floats).toBe(20);
    expect(pool.take(10).buffer).toBe(newer);
    expect(pool.take(10).buffer).toBe(newest);
  });

  it('says which renders are worth giving back: a 20 s stereo render, not ten minutes', () => {
    const render20s = 921_600 * 5;
    expect(fitsPool(render20s)).toBe(true);
    expect(fitsPool(28_800_000 * 5)).toBe(false);
    expect(POOL_FLOATS).toBeGreaterThanOrEqual(2 * render20s);
  });
});
