/**
 * Level measurements and the one dB <-> gain conversion module. Non-finite samples (NaN, ±Infinity) are skipped
 * by the measurements, matching the compressor, which treats them as silence.
 */

/** ln(10) / 20: multiply dB by this and exp() gives a linear amplitude gain. */
export const DB_TO_NEPER = Math.LN10 / 20;
/** 20 / ln(10): multiply ln(amplitude) by this to get dB. */
export const NEPER_TO_DB = 20 / Math.LN10;

/** Amplitude gain of a level in dB. Source: g = 10^(dB/20). */
export function dbToGain(db: number): number {
  return Math.exp(db * DB_TO_NEPER);
}

/** Level in dB of an amplitude gain (−Infinity for 0). Source: dB = 20·log10(g). */
export function gainToDb(gain: number): number {
  return Math.log(Math.abs(gain)) * NEPER_TO_DB;
}

/** Level in dB of a power ratio (mean square), −Infinity for 0. Source: dB = 10·log10(p). */
export function powerToDb(power: number): number {
  return (10 * Math.log(power)) / Math.LN10;
}

/** Largest absolute sample over all channels, dBFS (−Infinity for silence or no samples). */
export function peakDb(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      const a = Math.abs(ch[i] as number);
      if (a > peak && a !== Infinity) peak = a;
    }
  }
  return gainToDb(peak);
}

/**
 * RMS level over all samples of all channels, dBFS (−Infinity for silence or no samples). A full-scale sine reads
 * −3.01 dB. Source: RMS = sqrt(Σx² / N).
 */
export function rmsDb(channels: readonly Float32Array[]): number {
  let count = 0;
  let sum = 0;
  for (const ch of channels) {
    // Two accumulators halve the add chain's latency.
    let even = 0;
    let odd = 0;
    const last = ch.length - 1;
    for (let i = 0; i < last; i += 2) {
      const x = ch[i] as number;
      const y = ch[i + 1] as number;
      even += x - x === 0 ? x * x : 0;
      odd += y - y === 0 ? y * y : 0;
    }
    if (ch.length & 1) {
      const x = ch[last] as number;
      even += x - x === 0 ? x * x : 0;
    }
    sum += even + odd;
    count += ch.length;
  }
  return count === 0 ? -Infinity : powerToDb(sum / count);
}

/** Crest factor: peak level minus RMS level, dB (3.01 dB for a sine, 0 dB for a square or DC). */
export function crestFactorDb(channels: readonly Float32Array[]): number {
  const peak = peakDb(channels);
  const rms = rmsDb(channels);
  return peak === -Infinity ? 0 : peak - rms;
}
