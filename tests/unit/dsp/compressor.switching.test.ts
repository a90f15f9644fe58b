/**
 * Link and detector changes while streaming (128-frame blocks, as in the AudioWorklet): like every other setting
 * they must glide, never step. The gain a channel gets is read exactly as out/in on a steady (DC) input.
 */
import { describe, expect, it } from 'vitest';
import { StreamingCompressor } from '../../../src/dsp/compressor';
import { dbToGain, gainToDb } from '../../../src/dsp/levels';
import { RAMP_MS } from '../../../src/dsp/param-ramp';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';

const fs = 48000;
const BLOCK = 128;
const RAMP_SAMPLES = (RAMP_MS / 1000) * fs;
/** Settings change at 0.5 s, after the compressor has settled; 1 s more is measured. */
const CHANGE_S = 0.5;
const TOTAL = 3 * CHANGE_S * fs;

/**
 * Streams two channels through the compressor, calling `paramsAt(seconds)` before every block, and returns the
 * gain in dB each channel received per sample (20·log10(out/in); the inputs never cross zero).
 */
function gainsDb(
  left: (i: number) => number,
  right: (i: number) => number,
  paramsAt: (t: number) => CompressorParams,
): [Float64Array, Float64Array] {
  const s = new StreamingCompressor({ sampleRate: fs, channelCount: 2, params: paramsAt(0) });
  const gains: [Float64Array, Float64Array] = [new Float64Array(TOTAL), new Float64Array(TOTAL)];
  const ins = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const outs = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  for (let at = 0; at < TOTAL; at += BLOCK) {
    for (let k = 0; k < BLOCK; k++) {
      (ins[0] as Float32Array)[k] = left(at + k);
      (ins[1] as Float32Array)[k] = right(at + k);
    }
    s.setParams(paramsAt(at / fs));
    s.process(ins, outs, BLOCK);
    for (let c = 0; c < 2; c++) {
      const [g, o, x] = [gains[c] as Float64Array, outs[c] as Float32Array, ins[c] as Float32Array];
      for (let k = 0; k < BLOCK; k++) g[at + k] = gainToDb((o[k] as number) / (x[k] as number));
    }
  }
  return gains;
}

/** Largest one-sample change of a gain curve from `from` on, dB. */
function largestStepDb(g: Float64Array, from: number): number {
  let m = 0;
  for (let i = from + 1; i < g.length; i++) m = Math.max(m, Math.abs((g[i] as number) - (g[i - 1] as number)));
  return m;
}

const dc = (db: number) => (): number => dbToGain(db);
const changeAt = CHANGE_S * fs;

describe('link changes glide', () => {
  // Left at −10 dBFS is 10 dB over the default −20 dB threshold at 4:1: 7.5 dB of reduction. Right at −25 dBFS is
  // under it: its own reduction is 0, and link blends it toward the left's 7.5 dB. A change of link moves the
  // right channel's target by Δlink·7.5 dB; spread over the RAMP_MS parameter ramp that is at most
  // Δlink·7.5 dB / (RAMP_MS·fs) per sample, and the attack/release smoothing can only make it slower.
  const left = dc(-10);
  const right = dc(-25);
  const cases: [string, number, number][] = [
    ['0.5 → 1', 0.5, 1],
    ['0 → 1', 0, 1],
    ['1 → 0', 1, 0],
    ['1 → 0.5', 1, 0.5],
  ];
  for (const [name, from, to] of cases) {
    it(`link ${name} in one call: no one-sample step beyond the ramp's ${((Math.abs(to - from) * 7.5) / RAMP_SAMPLES).toFixed(4)} dB`, () => {
      const [gl, gr] = gainsDb(left, right, (t) => ({ ...DEFAULT_PARAMS, link: t < CHANGE_S ? from : to }));
      const bound = (Math.abs(to - from) * 7.5) / RAMP_SAMPLES;
      expect(largestStepDb(gr, changeAt - BLOCK)).toBeLessThanOrEqual(bound * 1.0001);
      expect(largestStepDb(gl, changeAt - BLOCK)).toBeLessThanOrEqual(1e-9);
      // And it arrives: the right channel ends at −to·7.5 dB (after 1 s, 10 release time constants).
      expect(gr[TOTAL - 1]).toBeCloseTo(-7.5 * to, 2);
    });
  }
  it('a slider flick of link 0 → 1 over 100 ms (a new value every block) steps no more than the ramp allows', () => {
    const u = (t: number): number => Math.min(1, Math.max(0, (t - CHANGE_S) / 0.1));
    const [, gr] = gainsDb(left, right, (t) => ({ ...DEFAULT_PARAMS, link: u(t) }));
    expect(largestStepDb(gr, changeAt - BLOCK)).toBeLessThanOrEqual(7.5 / RAMP_SAMPLES);
  });
});

describe('detector changes glide', () => {
  // Left: a 1 kHz sine (peak level 3.01 dB above its RMS level); right: a −60 dBFS probe far under the
  // threshold. With link = 1 both channels get the left's gain, which the probe shows sample by sample.
  const amplitude = dbToGain(-10);
  const sine =
    (from: number, to: number) =>
    (i: number): number =>
      (i < changeAt ? from : to) * Math.sin((2 * Math.PI * 1000 * i) / fs);
  const probe = dc(-60);
  const probeGain = (left: (i: number) => number, detectorAt: (t: number) => 'peak' | 'rms'): Float64Array =>
    gainsDb(left, probe, (t) => ({ ...DEFAULT_PARAMS, detector: detectorAt(t) }))[1];
  const steady = sine(amplitude, amplitude);
  // What a held detector does: steady, and when the sine itself jumps by the 3.01 dB between its peak and RMS
  // levels (the ballistics smooth any change of level; a detector change is one).
  const heldPeak = probeGain(steady, () => 'peak');
  const heldRms = probeGain(steady, () => 'rms');
  const heldSteps = [
    heldPeak,
    heldRms,
    probeGain(sine(amplitude / Math.SQRT2, amplitude), () => 'peak'),
    probeGain(sine(amplitude, amplitude / Math.SQRT2), () => 'peak'),
  ].map((g) => largestStepDb(g, changeAt - BLOCK));
  const heldStep = Math.max(...heldSteps);
  const lo = Math.min(...heldPeak.subarray(changeAt), ...heldRms.subarray(changeAt));
  const hi = Math.max(...heldPeak.subarray(changeAt), ...heldRms.subarray(changeAt));
  // The peak detector's gain ripples with the sine (attack at the crests, release between them): that much may
  // show on either side while the detectors blend, no more.
  const ripple = Math.max(...heldPeak.subarray(changeAt)) - Math.min(...heldPeak.subarray(changeAt));
  for (const [from, to] of [
    ['peak', 'rms'],
    ['rms', 'peak'],
  ] as const) {
    it(`${from} → ${to}: no step larger than a held detector's, no gain beyond the held settings' (± ripple)`, () => {
      const g = probeGain(steady, (t) => (t < CHANGE_S ? from : to));
      expect(largestStepDb(g, changeAt - BLOCK)).toBeLessThanOrEqual(heldStep);
      const after = g.subarray(changeAt);
      expect(Math.min(...after)).toBeGreaterThanOrEqual(lo - ripple);
      expect(Math.max(...after)).toBeLessThanOrEqual(hi + ripple);
    });
  }
});
