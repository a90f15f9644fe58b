import { describe, expect, it } from 'vitest';
import { StreamingCompressor } from '../../../src/dsp/compressor';
import { gainToDb } from '../../../src/dsp/levels';
import { RAMP_MS } from '../../../src/dsp/param-ramp';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';

const fs = 48000;
const BLOCK = 128;

/** Streams `x` in 128-frame blocks, calling `paramsAt(seconds)` before every block (like a slider drag). */
function stream(x: Float32Array, paramsAt: (t: number) => CompressorParams): Float32Array {
  const s = new StreamingCompressor({ sampleRate: fs, channelCount: 1, params: paramsAt(0) });
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += BLOCK) {
    s.setParams(paramsAt(i / fs));
    s.process([x.subarray(i, i + BLOCK)], [out.subarray(i, i + BLOCK)], BLOCK);
  }
  return out;
}

function maxStep(y: Float32Array): number {
  let m = 0;
  for (let i = 1; i < y.length; i++) m = Math.max(m, Math.abs((y[i] as number) - (y[i - 1] as number)));
  return m;
}

/**
 * Largest sample step relative to what a sine of the local amplitude steps by itself: |Δy[n]| divided by
 * A_local·2·sin(ω/2), A_local = the largest |y| within one period around n. 1 means no step was added.
 */
function stepRatio(y: Float32Array, frequencyHz: number): number {
  const period = Math.round(fs / frequencyHz);
  const perUnit = 2 * Math.sin((Math.PI * frequencyHz) / fs);
  let worst = 0;
  for (let i = period; i < y.length - period; i++) {
    let local = 0;
    for (let k = i - period; k <= i + period; k++) local = Math.max(local, Math.abs(y[k] as number));
    worst = Math.max(worst, Math.abs((y[i] as number) - (y[i - 1] as number)) / (local * perUnit));
  }
  return worst;
}

function peak(y: Float32Array): number {
  let m = 0;
  for (const v of y) m = Math.max(m, Math.abs(v));
  return m;
}

describe('no zipper noise while parameters move', () => {
  // A 100 Hz sine at −6 dBFS steps at most A·2·sin(π·100/48000) ≈ 0.0131·A per sample. A gain change of
  // Δ dB applied in one sample would add a step of A·(10^(Δ/20) − 1) on top: 0.64 dB per block (a 24 dB flick
  // in 100 ms) adds 0.077·A, i.e. +590 %. Smoothed per sample, the added step must stay within a few percent.
  const x = sine({ sampleRate: fs, frequencyHz: 100, peakDb: -6, durationS: 1 });
  const ownStep = (amplitude: number): number => amplitude * 2 * Math.sin((Math.PI * 100) / fs);
  // Fast ballistics on a smooth RMS level, so the gain follows the settings at once: only the per-sample
  // parameter smoothing stands between a slider move and a click.
  const base: CompressorParams = { ...DEFAULT_PARAMS, detector: 'rms', rmsWindowMs: 100, attackMs: 0.1, releaseMs: 5 };
  // A quick slider flick: the whole range within 100 ms (0.45 s … 0.55 s), a new value every 128-frame block.
  const u = (t: number): number => Math.min(1, Math.max(0, (t - 0.45) / 0.1));
  const sweeps: [string, (t: number) => CompressorParams][] = [
    ['threshold 0 → −40 dB', (t) => ({ ...base, thresholdDb: -40 * u(t) })],
    ['ratio 1 → 20', (t) => ({ ...base, ratio: 1 + 19 * u(t) })],
    ['make-up 0 → 24 dB', (t) => ({ ...base, thresholdDb: 0, makeupDb: 24 * u(t) })],
    ['mix 0 → 1 at ratio ∞', (t) => ({ ...base, ratio: Infinity, mix: u(t) })],
  ];
  for (const [name, paramsAt] of sweeps) {
    it(`${name}: no sample steps more than 5 % beyond the sine's own step`, () => {
      const y = stream(x, paramsAt);
      expect(stepRatio(y, 100)).toBeLessThanOrEqual(1.05);
    });
  }
  it(`a 24 dB make-up jump in one call glides over ${RAMP_MS} ms instead of clicking`, () => {
    const y = stream(x, (t) => ({ ...DEFAULT_PARAMS, thresholdDb: 0, makeupDb: t < 0.5 ? 0 : 24 }));
    // Unsmoothed, the jump would step by up to A·(15.85 − 1) ≈ 7.4 at A = 0.5; ramped over 960 samples the
    // gain grows by at most a factor e^(ln(15.85)/960) ≈ 1.0029 per sample, i.e. ≤ 0.29 % of the level.
    expect(maxStep(y)).toBeLessThanOrEqual(ownStep(peak(y)) + 0.0029 * peak(y));
    // And the target is reached exactly once the ramp is over.
    const settled = y.subarray(Math.round(0.5 * fs) + Math.round((RAMP_MS / 1000) * fs) + BLOCK);
    expect(gainToDb(peak(settled))).toBeCloseTo(-6 + 24, 3);
  });
  it('lookahead changes cross-fade between delay taps instead of jumping', () => {
    const y = stream(x, (t) => ({ ...DEFAULT_PARAMS, thresholdDb: 0, lookaheadMs: t < 0.5 ? 0 : 5 }));
    // 5 ms is a quarter period of 100 Hz: a hard cut from x(t) to x(t − 5 ms) would step by up to 1.41·A.
    expect(maxStep(y)).toBeLessThanOrEqual(1.1 * ownStep(peak(x)));
  });
});

describe('switching the detector while streaming', () => {
  it('peak → RMS on a steady level keeps the reduction (the RMS state starts from the current level)', () => {
    const s = new StreamingCompressor({ sampleRate: fs, channelCount: 2, params: DEFAULT_PARAMS });
    const block = new Float32Array(BLOCK).fill(Math.pow(10, -10 / 20));
    const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    for (let k = 0; k < 200; k++) s.process([block, block], out, BLOCK);
    expect(s.meter.reductionDb).toBeCloseTo(7.5, 4);
    s.setParams({ ...DEFAULT_PARAMS, detector: 'rms' });
    let lowest = Infinity;
    for (let k = 0; k < 50; k++) {
      s.process([block, block], out, BLOCK);
      lowest = Math.min(lowest, s.meter.reductionDb);
    }
    // DC: mean square = x², so the RMS level equals the peak level and nothing moves.
    expect(lowest).toBeCloseTo(7.5, 4);
  });
});
