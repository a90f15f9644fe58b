/**
 * The block summaries the kernel makes as it writes a render (compressor.ts renderSummarizedSteps: from the rows in
 * the WebAssembly block's memory, kernel-block-wasm.ts, or from the arrays on the JS paths) equal summarizeRange
 * over each finished array, bit for bit (NaN, −0, ±∞ included), and the render itself equals renderOffline's: every
 * kernel path (WebAssembly, JS blocks, mono, lookahead's realigned copies), blocks of 64 and 256, chunk sizes on
 * and off the block boundaries, lengths that end mid-block and mid-piece.
 */
import { describe, expect, it } from 'vitest';
import { blankSummary, extremesJs, summarizeRange, type BlockSummary } from '../../../src/dsp/block-extremes';
import { createWasmBlock } from '../../../src/dsp/kernel-wasm';
import { CompressorKernel, type KernelTrace } from '../../../src/dsp/kernel';
import { renderOffline, renderSummarizedSteps } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { mulberry32 } from '../../../src/dsp/signals';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';

const FS = 48_000;

/** A noisy burst with silence, −0, and (sparse) NaN and ±∞ in the input. */
function input(frames: number, channels: number, seed: number): Float32Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: channels }, (_, c) => {
    const a = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      const loud = i > frames / 3 && i < frames / 2 ? 1 : 0.05;
      a[i] = loud * Math.sin(i / (17 + c)) * (0.5 + rand());
    }
    for (let i = 0; i < Math.min(300, frames >> 2); i++) a[i] = -0;
    const special = [NaN, Infinity, -Infinity, -0];
    for (let k = 0; k < 4 && frames > 0; k++) a[Math.floor(rand() * frames)] = special[k] as number;
    return a;
  });
}

const arraysOf = (r: OfflineRender): Float32Array[] => [
  ...r.output,
  r.detectorDb,
  r.targetReductionDb,
  r.appliedReductionDb,
];
const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
/** A value as a comparable token: NaN (whatever its bits) and −0 named, others as they are. */
const token = (v: number): number | string => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v);
const rows = (s: BlockSummary) => ({ block: s.block, length: s.length, min: bits(s.min), max: bits(s.max) });

function whole(values: Float32Array, block: number): BlockSummary {
  const s = blankSummary(values.length, block);
  summarizeRange(values, 0, values.length, s);
  return s;
}

function run(channels: Float32Array[], params: CompressorParams, chunk: number, block: number) {
  const steps = renderSummarizedSteps(channels, FS, params, chunk, (n) => new Float32Array(n).fill(NaN), block);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const paths: [string, Partial<CompressorParams>, number][] = [
  ['stereo, linked (the WebAssembly block)', { thresholdDb: -30, ratio: 6 }, 2],
  ['soft knee, RMS', { kneeDb: 6, detector: 'rms', rmsWindowMs: 10, thresholdDb: -30, ratio: 8 }, 2],
  ['link 0.5, mix 0.5 (JS blocks in the block memory)', { link: 0.5, mix: 0.5, thresholdDb: -20 }, 2],
  ['mono (the JS loop)', { thresholdDb: -18, ratio: Infinity }, 1],
  ['lookahead 2 ms (realigned: summarised whole)', { lookaheadMs: 2, thresholdDb: -24 }, 2],
];

describe('a render with its summaries', () => {
  it.each(paths)('equals renderOffline, and its summaries summarizeRange of each array: %s', (_n, change, count) => {
    const params = { ...DEFAULT_PARAMS, ...change };
    for (const [frames, chunk, block] of [
      [20_000, 4096, 64],
      [20_000 + 37, 2048, 256],
      [9_001, Infinity, 64],
      [9_001, 32_768, 64],
      [5_000, 1000, 64], // chunks off the block boundaries: summarised whole
      [130, 4096, 64],
    ] as const) {
      const channels = input(frames, count, frames + count);
      const { render, summaries } = run(channels, params, chunk, block);
      const reference = renderOffline(channels, FS, params);
      expect(arraysOf(render).map(bits)).toEqual(arraysOf(reference).map(bits));
      const made = [
        ...summaries.output,
        summaries.detectorDb,
        summaries.targetReductionDb,
        summaries.appliedReductionDb,
      ];
      expect(made.map(rows)).toEqual(arraysOf(render).map((a) => rows(whole(a, block))));
    }
  });

  it('stores a block of −0 output as +0, as summarizeRange does', () => {
    const channels = input(8192, 2, 7);
    const { render, summaries } = run(channels, { ...DEFAULT_PARAMS, thresholdDb: -40 }, 4096, 64);
    // The input starts with −0, so does the output: its first block's extremes are stored as +0.
    expect(Object.is(render.output[0]?.[0], -0)).toBe(true);
    expect([summaries.output[0]?.min[0], summaries.output[0]?.max[0]].map((v) => Object.is(v, 0))).toEqual([
      true,
      true,
    ]);
  });
});

describe("the block's extremes of a row in its memory", () => {
  it('equal extremesJs, NaN (of any sign bit), −0 and ±∞ included, for whole and partial pieces', () => {
    const w = createWasmBlock(2048, 256, 4096);
    if (w === null) throw new Error('no WebAssembly block here');
    const rand = mulberry32(11);
    const special = [NaN, 0, -0, Infinity, -Infinity];
    for (const [n, block] of [
      [2048, 64],
      [2048, 256],
      [1001, 64],
      [130, 4],
    ] as const) {
      const row = w.outB.subarray(0, n);
      for (let i = 0; i < n; i++) row[i] = rand() < 0.02 ? (special[i % 5] as number) : rand() * 2 - 1;
      w.extremes(w.offsets.outB, n, block);
      const count = Math.ceil(n / block);
      const lo = new Float32Array(count);
      const hi = new Float32Array(count);
      extremesJs(row, block, lo, hi);
      const tokens = (a: Float32Array) => Array.from(a, token);
      expect([tokens(w.lows.subarray(0, count)), tokens(w.highs.subarray(0, count))]).toEqual([tokens(lo), tokens(hi)]);
    }
  });
});

describe('CompressorKernel.process with summaries', () => {
  const trace = (n: number): KernelTrace => ({
    detectorDb: new Float32Array(n),
    targetReductionDb: new Float32Array(n),
    appliedReductionDb: new Float32Array(n),
  });
  const sums = (n: number, block: number) => ({
    output: [blankSummary(n, block), blankSummary(n, block)],
    detectorDb: blankSummary(n, block),
    targetReductionDb: blankSummary(n, block),
    appliedReductionDb: blankSummary(n, block),
  });

  it('runs the WebAssembly block here, so the rows path is the one tested above', () => {
    expect(new CompressorKernel(FS, 2, DEFAULT_PARAMS).engine).toBe('wasm');
  });

  it('refuses a request that starts or ends off the block boundaries, as summarizeRange does', () => {
    const channels = input(1000, 2, 3);
    for (const [start, frames] of [
      [10, 64],
      [0, 100],
    ] as const) {
      const kernel = new CompressorKernel(FS, 2, DEFAULT_PARAMS);
      const out = [new Float32Array(1000), new Float32Array(1000)];
      const t = trace(1000);
      expect(() => kernel.process(channels, start, out, start, null, frames, t, start, sums(1000, 64))).toThrow(
        RangeError,
      );
    }
  });

  it('fills a summary with blocks that do not divide a piece from the arrays (blocks of 12)', () => {
    const channels = input(3000, 2, 5);
    const kernel = new CompressorKernel(FS, 2, { ...DEFAULT_PARAMS, thresholdDb: -30 });
    const out = [new Float32Array(3000), new Float32Array(3000)];
    const t = trace(3000);
    const s = sums(3000, 12);
    kernel.process(channels, 0, out, 0, null, 3000, t, 0, s);
    const arrays = [...out, t.detectorDb, t.targetReductionDb, t.appliedReductionDb];
    const made = [...s.output, s.detectorDb, s.targetReductionDb, s.appliedReductionDb];
    expect(made.map(rows)).toEqual(arrays.map((a) => rows(whole(a, 12))));
  });
});
