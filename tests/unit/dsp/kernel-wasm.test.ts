/**
 * The kernel's WebAssembly block (src/dsp/kernel-wasm.ts, assembly/kernel.ts) gives exactly the JS kernel's
 * numbers: output, dry, the three traces and the meters, bit for bit, on varied signals, settings, setting
 * changes (ramps: the JS passes run, then the block once settled) and request sizes.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CompressorKernel, type KernelTrace } from '../../../src/dsp/kernel';
import { createWasmBlock, decodeBase64, useWasmBlock } from '../../../src/dsp/kernel-wasm';
import { KERNEL_WASM_BASE64 } from '../../../src/dsp/kernel-wasm-bytes';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { mulberry32 } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';

const FS = 48000;
const FRAMES = 9000;

afterEach(() => useWasmBlock(true));

/** Two channels: noise under a moving envelope, a silent stretch, a tone burst, and optionally NaN and ±Infinity. */
function signal(seed: number, bad: boolean): [Float32Array, Float32Array] {
  const rand = mulberry32(seed);
  const a = new Float32Array(FRAMES);
  const b = new Float32Array(FRAMES);
  for (let i = 0; i < FRAMES; i++) {
    const env = 0.6 * Math.abs(Math.sin(i / 900 + seed)) ** 3;
    const silent = i > 3000 && i < 3600;
    a[i] = silent ? 0 : env * (2 * rand() - 1);
    b[i] = silent ? 0 : i > 6000 && i < 6500 ? Math.sin(i / 7) : 0.3 * env * (2 * rand() - 1);
  }
  if (bad) {
    a[100] = NaN;
    b[2000] = Infinity;
    a[7000] = -Infinity;
  }
  return [a, b];
}

const paramsArb: fc.Arbitrary<CompressorParams> = fc.record({
  thresholdDb: fc.double({ min: -60, max: 0, noNaN: true }),
  ratio: fc.oneof(fc.double({ min: 1, max: 20, noNaN: true }), fc.constant(Infinity)),
  kneeDb: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 24, noNaN: true })),
  attackMs: fc.double({ min: 0.1, max: 100, noNaN: true }),
  releaseMs: fc.double({ min: 5, max: 1000, noNaN: true }),
  makeupDb: fc.oneof(fc.constant('auto' as const), fc.double({ min: -12, max: 24, noNaN: true })),
  detector: fc.constantFrom('peak' as const, 'rms' as const),
  rmsWindowMs: fc.double({ min: 1, max: 100, noNaN: true }),
  lookaheadMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
  link: fc.oneof(fc.constant(1), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  mix: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

interface Run {
  out: Float32Array[];
  dry: Float32Array[];
  trace: KernelTrace;
  meters: number[];
}

/** The kernel over the signal in requests of `chunk` frames, switching to `later` (smoothly) halfway. */
function run(
  wasm: boolean,
  x: Float32Array[],
  first: CompressorParams,
  later: CompressorParams,
  chunk: number,
  traced: boolean,
): Run {
  useWasmBlock(wasm);
  const k = new CompressorKernel(FS, 2, first);
  useWasmBlock(true);
  const out = [new Float32Array(FRAMES), new Float32Array(FRAMES)];
  const dry = [new Float32Array(FRAMES), new Float32Array(FRAMES)];
  const trace: KernelTrace = {
    detectorDb: new Float32Array(FRAMES),
    targetReductionDb: new Float32Array(FRAMES),
    appliedReductionDb: new Float32Array(FRAMES),
  };
  const meters: number[] = [];
  for (let at = 0; at < FRAMES; at += chunk) {
    if (at >= FRAMES / 2 && at - chunk < FRAMES / 2) k.setParams(later, true);
    const n = Math.min(chunk, FRAMES - at);
    k.process(x, at, out, at, dry, n, traced ? trace : null, at);
    meters.push(k.blockInputPeakSq, k.blockOutputPeak, k.blockOutputSumSq, k.blockMaxReductionDb);
  }
  return { out, dry, trace, meters };
}

/** Bits of a float array, so that −0 and 0 and every NaN payload would differ. */
const bits = (a: Float32Array): Uint32Array => new Uint32Array(a.buffer.slice(0));

describe('the WebAssembly block', () => {
  it('is available here (Node), so the comparisons below compare two paths', () => {
    expect(createWasmBlock(2048, 256, 1000)).not.toBeNull();
    expect(new CompressorKernel(FS, 2, DEFAULT_PARAMS).engine).toBe('wasm');
    useWasmBlock(false);
    expect(new CompressorKernel(FS, 2, DEFAULT_PARAMS).engine).toBe('js');
    useWasmBlock(true);
    // Mono and more than two channels always take the JS passes.
    expect(new CompressorKernel(FS, 1, DEFAULT_PARAMS).engine).toBe('js');
    expect(decodeBase64(KERNEL_WASM_BASE64).subarray(0, 4)).toEqual(new Uint8Array([0, 97, 115, 109])); // \0asm
  });

  it('gives the JS kernel’s output, dry signal, traces and meters bit for bit', () => {
    fc.assert(
      fc.property(
        paramsArb,
        paramsArb,
        fc.integer({ min: 1, max: 1 << 20 }),
        fc.constantFrom(128, 129, 256, 300, 1000, 1001, 16384), // odd sizes: the block pairs frames
        fc.boolean(),
        fc.boolean(),
        (first, later, seed, chunk, traced, bad) => {
          const x = signal(seed, bad);
          const js = run(false, x, first, later, chunk, traced);
          const wasm = run(true, x, first, later, chunk, traced);
          for (let c = 0; c < 2; c++) {
            expect(bits(wasm.out[c] as Float32Array)).toEqual(bits(js.out[c] as Float32Array));
            expect(bits(wasm.dry[c] as Float32Array)).toEqual(bits(js.dry[c] as Float32Array));
          }
          expect(bits(wasm.trace.detectorDb)).toEqual(bits(js.trace.detectorDb));
          expect(bits(wasm.trace.targetReductionDb)).toEqual(bits(js.trace.targetReductionDb));
          expect(bits(wasm.trace.appliedReductionDb)).toEqual(bits(js.trace.appliedReductionDb));
          expect(wasm.meters).toEqual(js.meters);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs for the defaults with a soft knee, peak and RMS (the bench’s settings)', () => {
    const x = signal(7, false);
    for (const detector of ['peak', 'rms'] as const) {
      const p = { ...DEFAULT_PARAMS, kneeDb: 6, detector };
      const js = run(false, x, p, p, 128, true);
      const wasm = run(true, x, p, p, 128, true);
      expect(bits(wasm.out[0] as Float32Array)).toEqual(bits(js.out[0] as Float32Array));
      expect(bits(wasm.trace.appliedReductionDb)).toEqual(bits(js.trace.appliedReductionDb));
      expect(Math.max(...js.trace.appliedReductionDb)).toBeGreaterThan(3);
    }
  });
});
