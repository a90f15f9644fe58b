/**
 * Kernel timings for `npm run bench`: the compressor over 10 minutes of stereo in several configurations, three
 * ways it is run:
 *   offline render   renderOffline, with its three per-sample curves (the site's plots)
 *   offline, no trace  CompressorKernel.process in 16384-frame chunks, no curves (as the command line runs it)
 *   streaming 128    StreamingCompressor in 128-frame blocks (as in the AudioWorklet)
 * Link 0.5 against link 1 shows what the linked block (one log and one exp per frame for all channels) buys.
 * With `--against REV` every row is also timed with src/dsp of that git revision, in this process, alternating
 * run by run (lib/bench-revision.ts), and printed side by side with the ratio.
 *
 * Each figure is the best of several runs, in wall time and in processor time (user + system of this process),
 * which a machine busy with other work inflates much less than wall time.
 */
import { cpuUsage } from 'node:process';
import { ballistics, levelDb, onePoleCoefficient, outputGain } from '../../src/dsp/formulas';
import { reductionDb, slopeOfRatio } from '../../src/dsp/gain-computer';
import * as compressor from '../../src/dsp/compressor';
import { CompressorKernel } from '../../src/dsp/kernel';
import { larger } from '../../src/dsp/kernel-detect';
import { useWasmBlock } from '../../src/dsp/kernel-wasm';
import { DEFAULT_PARAMS } from '../../src/dsp/params';
import type { CompressorParams } from '../../src/dsp/types';

const RUNS = 3;
const BLOCK = 128;
const CLI_CHUNK = 16384;

export interface Timing {
  wallS: number;
  cpuS: number;
}

/** What the bench needs of a compressor module (src/dsp/compressor.ts + kernel.ts, now or at a revision). */
export interface Implementation {
  label: string;
  renderOffline(channels: readonly Float32Array[], sampleRate: number, params: CompressorParams): unknown;
  StreamingCompressor: new (opts: { sampleRate: number; channelCount: number; params: CompressorParams }) => {
    process(inputs: readonly Float32Array[], outputs: Float32Array[], frames: number): void;
  };
  CompressorKernel: new (
    sampleRate: number,
    channelCount: number,
    params: CompressorParams,
  ) => {
    process(
      inputs: readonly Float32Array[],
      inStart: number,
      outputs: readonly Float32Array[],
      outStart: number,
      dry: null,
      frames: number,
      trace: null,
      traceStart: number,
    ): void;
  };
}

/** Runs `make` with the kernel's WebAssembly block off (new kernels take the JS passes only). */
function jsOnly<T>(make: () => T): T {
  useWasmBlock(false);
  try {
    return make();
  } finally {
    useWasmBlock(true);
  }
}

/** The current compressor with its WebAssembly block off: the JS passes alone, for the same-run comparison. */
export function withoutWasm(label: string): Implementation {
  return {
    label,
    renderOffline: (channels, sampleRate, params) =>
      jsOnly(() => compressor.renderOffline(channels, sampleRate, params)),
    StreamingCompressor: class {
      private readonly inner: compressor.StreamingCompressor;
      constructor(opts: { sampleRate: number; channelCount: number; params: CompressorParams }) {
        this.inner = jsOnly(() => new compressor.StreamingCompressor(opts));
      }
      process(inputs: readonly Float32Array[], outputs: Float32Array[], frames: number): void {
        this.inner.process(inputs, outputs, frames);
      }
    },
    CompressorKernel: class {
      private readonly inner: CompressorKernel;
      constructor(sampleRate: number, channelCount: number, params: CompressorParams) {
        this.inner = jsOnly(() => new CompressorKernel(sampleRate, channelCount, params));
      }
      process(
        ...args: [readonly Float32Array[], number, readonly Float32Array[], number, null, number, null, number]
      ): void {
        this.inner.process(...args);
      }
    },
  };
}

/** Times one call, wall and processor time. */
function once(fn: () => void): Timing {
  const c0 = cpuUsage();
  const t0 = performance.now();
  fn();
  const wallS = (performance.now() - t0) / 1000;
  const c = cpuUsage(c0);
  return { wallS, cpuS: (c.user + c.system) / 1e6 };
}

/** Best wall time and best processor time of `runs` calls of each function, the functions alternating. */
export function bestOfAlternating(runs: number, fns: (() => void)[]): Timing[] {
  const best = fns.map(() => ({ wallS: Infinity, cpuS: Infinity }));
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const t = once(fn);
      const b = best[k] as Timing;
      b.wallS = Math.min(b.wallS, t.wallS);
      b.cpuS = Math.min(b.cpuS, t.cpuS);
    });
  }
  return best;
}

/** The configurations timed: the defaults, and issue 16's soft knee with peak and with RMS detection. */
export const CONFIGS: [string, CompressorParams][] = [
  ['peak, hard knee, link 1 (defaults)', { ...DEFAULT_PARAMS }],
  ['peak, soft knee 6 dB, link 1', { ...DEFAULT_PARAMS, kneeDb: 6 }],
  ['rms, soft knee 6 dB, link 1', { ...DEFAULT_PARAMS, kneeDb: 6, detector: 'rms' }],
  ['peak, soft knee 6 dB, link 0.5', { ...DEFAULT_PARAMS, kneeDb: 6, link: 0.5 }],
];

type Run = (impl: Implementation, params: CompressorParams) => void;

/** The three ways the kernel runs, over the stereo signal. */
function runs(left: Float32Array, right: Float32Array, sampleRate: number): [string, Run][] {
  const frames = left.length;
  return [
    ['offline render', (impl, params) => impl.renderOffline([left, right], sampleRate, params)],
    [
      'offline, no trace',
      (impl, params) => {
        const k = new impl.CompressorKernel(sampleRate, 2, params);
        const outs = [new Float32Array(CLI_CHUNK), new Float32Array(CLI_CHUNK)];
        for (let at = 0; at < frames; at += CLI_CHUNK) {
          k.process([left, right], at, outs, 0, null, Math.min(CLI_CHUNK, frames - at), null, 0);
        }
      },
    ],
    [
      'streaming 128',
      (impl, params) => {
        const inL = new Float32Array(BLOCK);
        const inR = new Float32Array(BLOCK);
        const ins = [inL, inR];
        const outs = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
        const s = new impl.StreamingCompressor({ sampleRate, channelCount: 2, params });
        for (let at = 0; at + BLOCK <= frames; at += BLOCK) {
          inL.set(left.subarray(at, at + BLOCK));
          inR.set(right.subarray(at, at + BLOCK));
          s.process(ins, outs, BLOCK);
        }
      },
    ],
  ];
}

const cell = (s: number, durationS: number): string =>
  `${s.toFixed(3).padStart(6)} s ${(durationS / s).toFixed(0).padStart(5)}×`;

/**
 * Times every configuration and way over the stereo signal with each implementation (the first is the current
 * one); prints one line per row, the implementations side by side.
 */
export function benchKernel(left: Float32Array, right: Float32Array, sampleRate: number, impls: Implementation[]) {
  const durationS = left.length / sampleRate;
  const [current, ...others] = impls;
  if (!current) return;
  console.log(`kernel: best of ${RUNS}${others.length ? ', implementations alternating' : ''}`);
  console.log(
    `  ${''.padEnd(56)} ${current.label}: wall, × real time   cpu, × real time   ns per frame (cpu)` +
      others.map((o) => `   | ${o.label}: cpu, × real time   new/old speed`).join(''),
  );
  for (const [name, params] of CONFIGS) {
    for (const [way, run] of runs(left, right, sampleRate)) {
      const t = bestOfAlternating(
        RUNS,
        impls.map((impl) => () => run(impl, params)),
      );
      const now = t[0] as Timing;
      const ns = ((now.cpuS / left.length) * 1e9).toFixed(1).padStart(5);
      const old = t
        .slice(1)
        .map((o) => `   | ${cell(o.cpuS, durationS)}   ${(o.cpuS / now.cpuS).toFixed(2)}`)
        .join('');
      console.log(
        `  ${`${way}, ${name}`.padEnd(56)} ${cell(now.wallS, durationS)}   ${cell(now.cpuS, durationS)}   ${ns}${old}`,
      );
    }
  }
}

/**
 * The floor under the kernel: the least a stereo compressor of this design does per frame, in one loop with the
 * kernel's own fast-math: read two samples, the larger square, one log (level), one exp (gain), two products
 * written. Then the same plus the soft knee and the ballistics (formulas.ts, gain-computer.ts). Everything the
 * kernel does beyond this (NaN guard, RMS state, delay line, meters, parameter glides, trace) is what it costs
 * above the floor. Last, what renderOffline pays before any kernel work: allocating and first writing its five
 * result arrays, and what the streaming rows spend copying their input blocks.
 */
export function benchFloor(left: Float32Array, right: Float32Array, sampleRate: number): void {
  const frames = left.length;
  const durationS = frames / sampleRate;
  const outL = new Float32Array(frames);
  const outR = new Float32Array(frames);
  const aA = onePoleCoefficient(DEFAULT_PARAMS.attackMs, sampleRate);
  const aR = onePoleCoefficient(DEFAULT_PARAMS.releaseMs, sampleRate);
  const slope = slopeOfRatio(DEFAULT_PARAMS.ratio);
  const floors: [string, () => void][] = [
    [
      'floor: larger x², one log, one exp, two products',
      () => {
        for (let i = 0; i < frames; i++) {
          const xl = left[i] as number;
          const xr = right[i] as number;
          const g = outputGain(0, levelDb(larger(xl * xl, xr * xr)) * 0.05, 1);
          outL[i] = xl * g;
          outR[i] = xr * g;
        }
      },
    ],
    [
      'floor + soft knee 6 dB + ballistics',
      () => {
        let y = 0;
        for (let i = 0; i < frames; i++) {
          const xl = left[i] as number;
          const xr = right[i] as number;
          const target = reductionDb(levelDb(larger(xl * xl, xr * xr)), DEFAULT_PARAMS.thresholdDb, 6, slope);
          y = ballistics(y, target, aA, 1 - aA, aR, 1 - aR);
          const g = outputGain(0, y, 1);
          outL[i] = xl * g;
          outR[i] = xr * g;
        }
      },
    ],
  ];
  // renderOffline returns new arrays: two output channels and three traces. Allocating and first writing them
  // (the operating system hands out and zeroes their pages) is part of its row, whatever the kernel costs.
  floors.push([
    "renderOffline's five result arrays: allocate, fill",
    () => {
      for (let k = 0; k < 5; k++) new Float32Array(frames).fill(1);
    },
  ]);
  // The streaming rows copy each 128-frame block into two input arrays before the call, as the audio thread fills
  // an AudioWorklet's inputs: the bench's part of those rows, not the kernel's (their time less this one is the
  // kernel's share).
  const inL = new Float32Array(BLOCK);
  const inR = new Float32Array(BLOCK);
  floors.push([
    "streaming 128's input copies (the audio thread's part)",
    () => {
      for (let at = 0; at + BLOCK <= frames; at += BLOCK) {
        inL.set(left.subarray(at, at + BLOCK));
        inR.set(right.subarray(at, at + BLOCK));
      }
    },
  ]);
  for (const [label, fn] of floors) {
    const [t] = bestOfAlternating(RUNS, [fn]) as [Timing];
    const ns = ((t.cpuS / frames) * 1e9).toFixed(1).padStart(5);
    console.log(`  ${label.padEnd(56)} ${cell(t.wallS, durationS)}   ${cell(t.cpuS, durationS)}   ${ns}`);
  }
}
