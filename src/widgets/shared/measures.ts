/**
 * The quantities the widgets and lessons quote, each defined once (pure, no DOM) and each with the one name it
 * carries on screen. Two views that show different quantities use different names, so a learner can tell
 * "the most gain reduction" (how far the compressor turned the gain down) from "the peak change" (how much lower
 * the compressed audio’s highest peak is than the original’s: a peak that passes before the compressor reacts is
 * barely lowered, so this is usually the smaller number).
 *
 * Every function takes a sample range [from, to) so a zoomed view and the whole clip use the same definition;
 * the default is the whole render.
 */
import type { OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { rangeMax } from '../../state/block-summary';
import { columnPeaks, countAbove } from './scan';

/** On-screen names, one per quantity. */
export const MEASURE_NAMES = {
  mostGainReduction: 'the most gain reduction',
  mostTargetReduction: 'the most target reduction',
  peakChange: 'peak change',
  compressedShare: 'share of time compressed',
  highestDetectorLevel: 'the highest detector level',
} as const;

/** Applied reduction above this counts as "compressing", dB. */
export const ACTIVE_REDUCTION_DB = 0.5;

function span(render: OfflineRender, from?: number, to?: number): [number, number] {
  const length = render.appliedReductionDb.length;
  const a = Math.max(0, Math.min(length, from ?? 0));
  return [a, Math.max(a, Math.min(length, to ?? length))];
}

/**
 * "The most gain reduction": the largest applied reduction y_L (after attack and release) in [from, to), dB;
 * 0 when there is none. Source: docs/compressor.md §3.
 */
export function mostGainReductionDb(render: OfflineRender, from?: number, to?: number): number {
  const [a, b] = span(render, from, to);
  return rangeMax(render.appliedReductionDb, a, b, 0);
}

/** "The most target reduction": the largest static reduction x_L the curve asks for in [from, to), dB. */
export function mostTargetReductionDb(render: OfflineRender, from?: number, to?: number): number {
  const [a, b] = span(render, from, to);
  return rangeMax(render.targetReductionDb, a, b, 0);
}

/** "The highest detector level": the largest detector level x_G in [from, to), dBFS (−∞ when empty). */
export function highestDetectorDb(render: OfflineRender, from?: number, to?: number): number {
  const [a, b] = span(render, from, to);
  return rangeMax(render.detectorDb, a, b, -Infinity);
}

/** "Share of time compressed": the fraction (0..1) of [from, to) in which the applied reduction exceeds 0.5 dB. */
export function compressedShare(render: OfflineRender, from?: number, to?: number): number {
  const [a, b] = span(render, from, to);
  if (b <= a) return 0;
  return countAbove(render.appliedReductionDb, a, b, ACTIVE_REDUCTION_DB) / (b - a);
}

export interface PeakChange {
  /** Highest |sample| of the original in the range, dBFS. */
  beforeDb: number;
  /** Highest |sample| of the compressed audio in the range, dBFS (not necessarily at the same moment). */
  afterDb: number;
  /** beforeDb − afterDb: how much lower the compressed highest peak is, dB (negative when it is higher). */
  changeDb: number;
}

/** "Peak change": the highest peak of the original against the highest peak of the compressed audio. */
export function peakChange(beforePeak: number, afterPeak: number): PeakChange {
  const beforeDb = gainToDb(beforePeak);
  const afterDb = gainToDb(afterPeak);
  return { beforeDb, afterDb, changeDb: beforeDb - afterDb };
}

/** Highest |sample| over all channels in [from, to) (linear). */
export function highestPeak(channels: readonly Float32Array[], from: number, to: number): number {
  return to > from ? (columnPeaks(channels, from, to, 1)[0] ?? 0) : 0;
}
