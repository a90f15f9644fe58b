/**
 * Pure check for the applying-compression exercises: move one of the four reasons' measures (shared/reasons.ts)
 * by at least a given amount from the original, optionally keeping a second measure within a margin and the ratio
 * or mix under a limit. Compared at the one decimal the readout shows, so verdict and table always agree.
 */
import type { CompressorParams } from '../../dsp/types';
import { formatDb, formatNumber } from '../shared/describe';
import { REASON_NAMES, type ReasonsBeforeAfter } from '../shared/reasons';
import type { Feedback } from './model';

export type ReasonMeasureKey = 'loudnessRangeLu' | 'transientOverSustainDb' | 'peakToLoudnessDb' | 'quietBelowPeakDb';

export interface ReasonGoal {
  measure: ReasonMeasureKey;
  /** Which way the measure should move from the original. */
  direction: 'down' | 'up';
  /** By at least this much, in the measure's unit. */
  atLeast: number;
  /** A second measure to keep within `within` of the original's. */
  keep?: { measure: ReasonMeasureKey; within: number };
  maxRatio?: number;
  /** Keep some of the dry sound: mix at most this (0..1). */
  maxMix?: number;
}

const NAME: Record<ReasonMeasureKey, string> = {
  loudnessRangeLu: REASON_NAMES.loudnessRange,
  transientOverSustainDb: REASON_NAMES.transientOverSustain,
  peakToLoudnessDb: REASON_NAMES.peakToLoudness,
  quietBelowPeakDb: REASON_NAMES.quietBelowPeak,
};

const round1 = (v: number): number => Math.round(v * 10) / 10;

export function formatMeasure(key: ReasonMeasureKey, value: number): string {
  return key === 'loudnessRangeLu' ? `${formatNumber(value, 1)} LU` : formatDb(value, 1);
}

/** The measure's change from the original as shown (rounded to 0.1), positive = up. */
function shownChange(ba: Pick<ReasonsBeforeAfter, 'before' | 'after'>, key: ReasonMeasureKey): number {
  return round1(ba.after[key]) - round1(ba.before[key]);
}

export function checkReasonGoal(
  ba: Pick<ReasonsBeforeAfter, 'before' | 'after'>,
  goal: ReasonGoal,
  params: CompressorParams,
): Feedback {
  if (goal.maxRatio !== undefined && params.ratio > goal.maxRatio) {
    return {
      verdict: 'too-much',
      message: `Keep the ratio at ${formatNumber(goal.maxRatio, 0)}:1 or below for this one; find the rest with the threshold and the times.`,
    };
  }
  if (goal.maxMix !== undefined && params.mix > goal.maxMix) {
    return {
      verdict: 'too-much',
      message: `Keep some of the untouched sound: a mix of ${formatNumber(goal.maxMix * 100, 0)} % or less.`,
    };
  }
  const { before, after } = ba;
  const key = goal.measure;
  const name = NAME[key];
  const moved = goal.direction === 'down' ? -shownChange(ba, key) : shownChange(ba, key);
  const went = `the ${name} went from ${formatMeasure(key, before[key])} to ${formatMeasure(key, after[key])}`;
  const want = `the goal is ${goal.direction === 'down' ? 'down' : 'up'} by at least ${formatMeasure(key, goal.atLeast)}`;
  if (!(moved >= goal.atLeast - 1e-9)) {
    return { verdict: 'too-little', message: `Not far enough: ${went}; ${want}.` };
  }
  if (goal.keep) {
    const k = goal.keep.measure;
    const drift = Math.abs(shownChange(ba, k));
    if (drift > goal.keep.within + 1e-9) {
      return {
        verdict: 'too-much',
        message: `${went.charAt(0).toUpperCase()}${went.slice(1)}, but the ${NAME[k]} moved by ${formatMeasure(k, drift)} (from ${formatMeasure(k, before[k])} to ${formatMeasure(k, after[k])}); keep it within ${formatMeasure(k, goal.keep.within)} of the original.`,
      };
    }
  }
  return { verdict: 'good', message: `Yes: ${went}.` };
}
