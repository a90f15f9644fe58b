/**
 * Pure: one attack or release setting read under the conventions other tools use, so a learner can carry a
 * setting from one plug-in to another. Here a time is a time constant τ of a one-pole smoother (docs/compressor.md §3, §10).
 *
 *  - 10–90 % rise time: a one-pole covers 10 % at τ·ln(10/9) and 90 % at τ·ln 10, so the rise takes τ·ln 9 ≈ 2.2 τ.
 *    Source: y(t) = 1 − e^(−t/τ) solved for y = 0.1 and 0.9.
 *  - time to change 10 dB: for a step that asks for S dB of reduction, the reduction passes 10 dB at
 *    −τ·ln(1 − 10/S) (never, when S ≤ 10). Source: the same step response in dB, y(t) = S·(1 − e^(−t/τ)).
 *  - FFmpeg acompressor: its smoother moves a fraction c = 4000 / (t_ms·fs) of the way each sample
 *    (libavfilter/af_sidechaincompress.c: `attack_coeff = FFMIN(1., 1. / (attack * sample_rate / 4000.))`), ours
 *    1 − e^(−1/(τ·fs)). Equal per-sample steps give t_ms = 4 / (fs·(1 − e^(−1/(τ·fs)))) ≈ 4 τ: FFmpeg's number
 *    for the same speed is about four times ours (its time constant is about a quarter of its setting).
 */

export const TEN_DB = 10;

/** 10–90 % rise time of a one-pole with time constant tauMs, ms. */
export function riseTime10to90Ms(tauMs: number): number {
  return tauMs * Math.log(9);
}

/** Time for a step asking for `stepDb` of reduction to pass `changeDb` of it, ms (NaN when it never does). */
export function timeToChangeMs(tauMs: number, stepDb: number, changeDb = TEN_DB): number {
  return stepDb > changeDb ? -tauMs * Math.log(1 - changeDb / stepDb) : NaN;
}

/** The FFmpeg acompressor attack/release setting, ms, that moves as fast as our time constant tauMs. */
export function ffmpegSettingMs(tauMs: number, sampleRate: number): number {
  return (4 / (sampleRate * (1 - Math.exp(-1000 / (tauMs * sampleRate))))) * 1000;
}

export interface ConventionRow {
  convention: string;
  value: number;
  note: string;
}

/** A step big enough to pass 10 dB, for the "time to change 10 dB" row: a hit 20 dB over at ∞ to 1. */
export const CONVENTION_STEP_DB = 20;

/** The same setting under each convention. */
export function conventionRows(tauMs: number, sampleRate: number): ConventionRow[] {
  return [
    { convention: 'Time constant (this site)', value: tauMs, note: '63 % of the change' },
    { convention: '10–90 % rise time', value: riseTime10to90Ms(tauMs), note: 'from 10 % to 90 % of the change' },
    {
      convention: 'Time to change 10 dB',
      value: timeToChangeMs(tauMs, CONVENTION_STEP_DB),
      note: `for a step of ${CONVENTION_STEP_DB} dB`,
    },
    {
      convention: 'FFmpeg acompressor setting',
      value: ffmpegSettingMs(tauMs, sampleRate),
      note: `at ${Number((sampleRate / 1000).toFixed(1))} kHz`,
    },
  ];
}

/** "10 ms", "2.2 ms", "22.0 ms" → "22 ms", "1.2 s": the precision a reader can use. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(3))} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${Number(ms.toFixed(1))} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}
