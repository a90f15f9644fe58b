/**
 * Pure: where a level step happens in a render, and when the applied reduction passes the time-constant marks.
 *
 * Attack and release are time constants (docs/compressor.md §3): after a step in the target reduction, the applied
 * reduction covers 1 − 1/e ≈ 63.2 % of the change in attackMs, and on the way back 1/e ≈ 36.8 % of the reduction
 * is left after releaseMs. Source: one-pole step response y(t) = x·(1 − e^(−t/τ)); Giannoulis, Massberg & Reiss
 * (2012), eq. 17.
 */
import type { OfflineRender } from '../../dsp/types';

/** Share of a step covered after one time constant: 1 − 1/e. */
export const ATTACK_MARK = 1 - Math.exp(-1);
/** Share of the reduction left after one time constant: 1/e. */
export const RELEASE_MARK = Math.exp(-1);

export type StepKind = 'attack' | 'release';

export interface StepResponse {
  kind: StepKind;
  /** Sample where the target reduction jumps. */
  stepIndex: number;
  /** Applied reduction just before the step, and where it settles (attack) or returns to (release), dB. */
  fromDb: number;
  toDb: number;
  /** The applied reduction at the mark: 63.2 % of the way (attack) or 36.8 % of the reduction left (release), dB. */
  markDb: number;
  /** Time from the step to the mark, ms (linear interpolation between samples); NaN when it is never reached. */
  markMs: number;
}

/**
 * Time, ms after sample `start`, at which `values` first reaches `level` moving in direction `rising`; the sample
 * grid is refined by linear interpolation. NaN when it is not reached before `end`.
 */
export function crossingMs(
  values: Float32Array,
  start: number,
  end: number,
  level: number,
  rising: boolean,
  sampleRate: number,
): number {
  let prev = values[start - 1] ?? values[start] ?? 0;
  for (let i = start; i < Math.min(end, values.length); i++) {
    const v = values[i] as number;
    if (rising ? v >= level : v <= level) {
      const frac = v === prev ? 0 : (level - prev) / (v - prev);
      return ((i - start + frac) * 1000) / sampleRate;
    }
    prev = v;
  }
  return NaN;
}

/** Mean of `values` over [a, b). */
function meanOf(values: Float32Array, a: number, b: number): number {
  let sum = 0;
  for (let i = a; i < b; i++) sum += values[i] as number;
  return b > a ? sum / (b - a) : 0;
}

/** Length of the stretch, ms, over which a settled reduction is averaged (smooths the ripple of a tone). */
export const SETTLE_MS = 10;

/**
 * The step response at a known step (`stepIndex`, where the level jumps) that lasts until `endIndex`. The change
 * runs from the applied reduction just before the step to where it ends up: for an attack, where the applied
 * reduction settles by the end of the loud part (its mean over the last SETTLE_MS; the loud part lasts at least
 * 7.5 of the slowest attack time); for a release, the target it returns to (its mean over the same stretch).
 * The mark is 63.2 % of that change (attack) or 36.8 % of it left (release).
 */
export function stepResponse(
  render: OfflineRender,
  kind: StepKind,
  stepIndex: number,
  endIndex: number,
): StepResponse | null {
  const { appliedReductionDb: applied, targetReductionDb: target, sampleRate } = render;
  const end = Math.min(endIndex, applied.length);
  if (stepIndex < 1 || end <= stepIndex) return null;
  const settle = Math.max(1, Math.round((SETTLE_MS / 1000) * sampleRate));
  const fromDb = applied[stepIndex - 1] as number;
  const toDb = meanOf(kind === 'attack' ? applied : target, Math.max(stepIndex, end - settle), end);
  const markDb = kind === 'attack' ? fromDb + (toDb - fromDb) * ATTACK_MARK : toDb + (fromDb - toDb) * RELEASE_MARK;
  const markMs = crossingMs(applied, stepIndex, end, markDb, kind === 'attack', sampleRate);
  return { kind, stepIndex, fromDb, toDb, markDb, markMs };
}
