/**
 * Test signals for the tests and the lessons. Every generator returns one Float32Array (a mono channel); levels
 * are peak amplitudes in dBFS, times in seconds or milliseconds as named.
 */
import { dbToGain } from './levels';

/** Sine of `frequencyHz` with peak level `peakDb`, `durationS` long. Source: x[n] = A·sin(2π·f·n/fs + φ). */
export function sine(opts: {
  sampleRate: number;
  frequencyHz: number;
  peakDb: number;
  durationS: number;
  phaseRad?: number;
}): Float32Array {
  const n = Math.round(opts.durationS * opts.sampleRate);
  const out = new Float32Array(n);
  const amp = dbToGain(opts.peakDb);
  const w = (2 * Math.PI * opts.frequencyHz) / opts.sampleRate;
  const phase = opts.phaseRad ?? 0;
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin(w * i + phase);
  return out;
}

/** Consecutive segments of constant value: each `{ levelDb, durationS }`, levelDb in dBFS (positive DC; −Infinity for silence). */
export function dcSteps(sampleRate: number, steps: readonly { levelDb: number; durationS: number }[]): Float32Array {
  const lengths = steps.map((s) => Math.round(s.durationS * sampleRate));
  const out = new Float32Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  steps.forEach((s, k) => {
    const len = lengths[k] as number;
    out.fill(s.levelDb === -Infinity ? 0 : dbToGain(s.levelDb), at, at + len);
    at += len;
  });
  return out;
}

/**
 * Tone bursts alternating between two levels: a sine of `frequencyHz` at `lowDb` for `lowS`, then at `highDb` for
 * `highS`, repeated `cycles` times. Phase runs on continuously so the level step is the only change.
 */
export function toneBursts(opts: {
  sampleRate: number;
  frequencyHz: number;
  lowDb: number;
  highDb: number;
  lowS: number;
  highS: number;
  cycles: number;
}): Float32Array {
  const lowN = Math.round(opts.lowS * opts.sampleRate);
  const highN = Math.round(opts.highS * opts.sampleRate);
  const period = lowN + highN;
  const out = new Float32Array(period * opts.cycles);
  const low = dbToGain(opts.lowDb);
  const high = dbToGain(opts.highDb);
  const w = (2 * Math.PI * opts.frequencyHz) / opts.sampleRate;
  for (let i = 0; i < out.length; i++) out[i] = (i % period < lowN ? low : high) * Math.sin(w * i);
  return out;
}

/** Unit impulses of height dbToGain(peakDb) every `intervalS`, the first at sample 0. */
export function impulseTrain(opts: {
  sampleRate: number;
  intervalS: number;
  peakDb: number;
  durationS: number;
}): Float32Array {
  const out = new Float32Array(Math.round(opts.durationS * opts.sampleRate));
  const step = Math.max(1, Math.round(opts.intervalS * opts.sampleRate));
  const amp = dbToGain(opts.peakDb);
  for (let i = 0; i < out.length; i += step) out[i] = amp;
  return out;
}

/**
 * Deterministic 32-bit PRNG (mulberry32), uniform in [0, 1). Source: T. Ettinger's public-domain mulberry32.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** White noise, uniform in ±dbToGain(peakDb), reproducible from `seed`. */
export function seededNoise(opts: {
  sampleRate: number;
  durationS: number;
  peakDb: number;
  seed: number;
}): Float32Array {
  const out = new Float32Array(Math.round(opts.durationS * opts.sampleRate));
  const amp = dbToGain(opts.peakDb);
  const rand = mulberry32(opts.seed);
  for (let i = 0; i < out.length; i++) out[i] = amp * (2 * rand() - 1);
  return out;
}

/**
 * A synthetic drum-like hit: a pitch-dropping sine "body" (from 2.5·f to f) plus a short noise "click", under an
 * exponential decay of time constant `decayMs`. Peak normalised to `peakDb`. Starts at sample 0.
 */
export function drumHit(opts: {
  sampleRate: number;
  peakDb: number;
  durationS?: number;
  frequencyHz?: number;
  decayMs?: number;
  seed?: number;
}): Float32Array {
  const fs = opts.sampleRate;
  const f = opts.frequencyHz ?? 60;
  const decayS = (opts.decayMs ?? 120) / 1000;
  const out = new Float32Array(Math.round((opts.durationS ?? 0.5) * fs));
  const rand = mulberry32(opts.seed ?? 1);
  const clickS = 0.004;
  const sweepS = 0.03;
  let phase = 0;
  let peak = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / fs;
    // Source: body frequency f(t) = f·(1 + 1.5·e^(−t/sweep)); phase is the running sum of 2π·f(t)/fs.
    phase += (2 * Math.PI * f * (1 + 1.5 * Math.exp(-t / sweepS))) / fs;
    const body = Math.sin(phase) * Math.exp(-t / decayS);
    const click = (2 * rand() - 1) * Math.exp(-t / clickS) * 0.5;
    const x = body + click;
    out[i] = x;
    peak = Math.max(peak, Math.abs(x));
  }
  const scale = peak > 0 ? dbToGain(opts.peakDb) / peak : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return out;
}
