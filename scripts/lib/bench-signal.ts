/**
 * A deterministic, music-like stereo test signal for the benchmark: a two-bar drum, bass and pad pattern over a
 * seeded noise bed, so a compressor at −20 dB threshold is working part of the time (as it would on a mix), not
 * all the time (limiting noise) or never (quiet ambience).
 */
import { dbToGain } from '../../src/dsp/levels';
import { drumHit, mulberry32 } from '../../src/dsp/signals';

function addAt(target: Float32Array, source: Float32Array, at: number, gain = 1): void {
  const n = Math.min(source.length, target.length - at);
  for (let i = 0; i < n; i++) target[at + i] = (target[at + i] as number) + gain * (source[i] as number);
}

function noiseBurst(sampleRate: number, durationS: number, decayMs: number, peakDb: number, seed: number) {
  const out = new Float32Array(Math.round(durationS * sampleRate));
  const rand = mulberry32(seed);
  const amp = dbToGain(peakDb);
  for (let i = 0; i < out.length; i++) out[i] = amp * (2 * rand() - 1) * Math.exp(-i / ((decayMs / 1000) * sampleRate));
  return out;
}

/** One 2-second pattern at 120 bpm, stereo. */
function pattern(sampleRate: number): [Float32Array, Float32Array] {
  const n = 2 * sampleRate;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const beat = sampleRate / 2;
  const kick = drumHit({ sampleRate, peakDb: -4, durationS: 0.4, frequencyHz: 55, decayMs: 110, seed: 3 });
  const snare = noiseBurst(sampleRate, 0.3, 70, -9, 4);
  const hat = noiseBurst(sampleRate, 0.05, 12, -22, 5);
  for (let b = 0; b < 4; b++) {
    addAt(left, kick, b * beat);
    addAt(right, kick, b * beat);
    if (b % 2 === 1) {
      addAt(left, snare, b * beat, 0.9);
      addAt(right, snare, b * beat, 1);
    }
  }
  for (let h = 0; h < 16; h++) addAt(right, hat, (h * beat) / 2, h % 2 ? 0.6 : 1);
  const bass = dbToGain(-15);
  const pad = dbToGain(-26);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const inBeat = (i % beat) / sampleRate;
    const b = bass * Math.sin(2 * Math.PI * 55 * t) * Math.exp(-inBeat / 0.3);
    const chord =
      Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277.2 * t) + Math.sin(2 * Math.PI * 329.6 * t);
    left[i] = (left[i] as number) + b + pad * chord;
    right[i] = (right[i] as number) + b + pad * chord * (0.8 + 0.2 * Math.sin(2 * Math.PI * 0.5 * t));
  }
  return [left, right];
}

/** `durationS` of the pattern, tiled, plus an independent seeded noise bed at −46 dBFS per channel. */
export function benchSignal(sampleRate: number, durationS: number): [Float32Array, Float32Array] {
  const [pl, pr] = pattern(sampleRate);
  const n = Math.round(durationS * sampleRate);
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  for (let at = 0; at < n; at += pl.length) {
    left.set(pl.subarray(0, Math.min(pl.length, n - at)), at);
    right.set(pr.subarray(0, Math.min(pr.length, n - at)), at);
  }
  const bed = dbToGain(-46);
  const rand = mulberry32(11);
  for (let i = 0; i < n; i++) {
    left[i] = (left[i] as number) + bed * (2 * rand() - 1);
    right[i] = (right[i] as number) + bed * (2 * rand() - 1);
  }
  return [left, right];
}
