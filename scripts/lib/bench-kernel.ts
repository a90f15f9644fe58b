/**
 * Kernel timings for `npm run bench`: the compressor over 10 minutes of stereo in several configurations, offline
 * (renderOffline, with its per-sample curves) and streaming (128-frame blocks, as in the AudioWorklet). Link 0.5
 * against link 1 shows what the linked block (one log and one exp per frame for all channels) buys.
 *
 * Each figure is the best of several runs, in wall time and in processor time (user + system of this process),
 * which a machine busy with other work inflates much less than wall time.
 */
import { cpuUsage } from 'node:process';
import { StreamingCompressor, renderOffline } from '../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../src/dsp/params';
import type { CompressorParams } from '../../src/dsp/types';

const RUNS = 3;
const BLOCK = 128;

export interface Timing {
  wallS: number;
  cpuS: number;
}

/** Best wall time and best processor time of `runs` calls. */
export function best(runs: number, fn: () => void): Timing {
  let wallS = Infinity;
  let cpuS = Infinity;
  for (let r = 0; r < runs; r++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    fn();
    wallS = Math.min(wallS, (performance.now() - t0) / 1000);
    const c = cpuUsage(c0);
    cpuS = Math.min(cpuS, (c.user + c.system) / 1e6);
  }
  return { wallS, cpuS };
}

/** The configurations timed: the defaults, and issue 16's soft knee with peak and with RMS detection. */
export const CONFIGS: [string, CompressorParams][] = [
  ['peak, hard knee, link 1 (defaults)', { ...DEFAULT_PARAMS }],
  ['peak, soft knee 6 dB, link 1', { ...DEFAULT_PARAMS, kneeDb: 6 }],
  ['rms, soft knee 6 dB, link 1', { ...DEFAULT_PARAMS, kneeDb: 6, detector: 'rms' }],
  ['peak, soft knee 6 dB, link 0.5', { ...DEFAULT_PARAMS, kneeDb: 6, link: 0.5 }],
];

function line(label: string, t: Timing, frames: number, durationS: number): void {
  const cells = [t.wallS, t.cpuS].map(
    (s) => `${s.toFixed(3).padStart(6)} s ${(durationS / s).toFixed(0).padStart(5)}×`,
  );
  console.log(`  ${label.padEnd(52)} ${cells.join('   ')}   ${(frames / t.cpuS / 1e6).toFixed(1)} M frames/s (cpu)`);
}

/** Times every configuration offline and streaming over the stereo signal; returns the defaults' offline render. */
export function benchKernel(left: Float32Array, right: Float32Array, sampleRate: number): Float32Array {
  const durationS = left.length / sampleRate;
  console.log(`kernel: best of ${RUNS}; wall time, × real time   processor time, × real time`);
  let applied: Float32Array = new Float32Array(0);
  for (const [name, params] of CONFIGS) {
    line(
      `offline render, ${name}`,
      best(RUNS, () => {
        const r = renderOffline([left, right], sampleRate, params);
        if (params === CONFIGS[0]?.[1]) applied = r.appliedReductionDb;
      }),
      left.length,
      durationS,
    );
    const inL = new Float32Array(BLOCK);
    const inR = new Float32Array(BLOCK);
    const outs = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const ins = [inL, inR];
    line(
      `streaming 128, ${name}`,
      best(RUNS, () => {
        const s = new StreamingCompressor({ sampleRate, channelCount: 2, params });
        for (let at = 0; at + BLOCK <= left.length; at += BLOCK) {
          inL.set(left.subarray(at, at + BLOCK));
          inR.set(right.subarray(at, at + BLOCK));
          s.process(ins, outs, BLOCK);
        }
      }),
      left.length,
      durationS,
    );
  }
  return applied;
}
