/**
 * Pure model of the envelope view: over the visible window, one column per pixel with
 *  - the input level (peak of |x| over all channels, dBFS),
 *  - the detector level x_G, the target reduction x_L and the applied reduction y_L from the offline render
 *    (each the column's maximum, so no peak is lost between pixels).
 * The reduction curves show attack and release: the target jumps, the applied reduction follows with the
 * attack and release time constants. Source: docs/compressor.md §1–§3.
 */
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { sampleRange, type TimeWindow } from '../shared/time-window';
import { formatDbShort, formatRatioNumber, formatTime } from '../shared/describe';
import { cachedColumns, columnMax, columnPeaks, columnStart } from '../shared/scan';
import {
  ACTIVE_REDUCTION_DB,
  MEASURE_NAMES,
  compressedShare,
  highestDetectorDb,
  mostGainReductionDb,
  mostTargetReductionDb,
} from '../shared/measures';

export interface EnvelopeColumn {
  t: number;
  inputDb: number;
  detectorDb: number;
  targetDb: number;
  appliedDb: number;
}

export interface EnvelopeModel {
  window: TimeWindow;
  columns: EnvelopeColumn[];
  floorDb: number;
  /** The most target and the most gain (applied) reduction in the window, dB (shared/measures.ts). */
  maxTargetDb: number;
  maxAppliedDb: number;
  /** The highest detector level in the window, dBFS. */
  maxDetectorDb: number;
  /** Share of time compressed: the part of the window (0..1) with more than 0.5 dB of applied reduction. */
  activeShare: number;
}

export { ACTIVE_REDUCTION_DB };

export function envelopeModel(
  input: readonly Float32Array[],
  render: OfflineRender,
  window: TimeWindow,
  columns: number,
  floorDb = -60,
): EnvelopeModel {
  const length = Math.min(input[0]?.length ?? 0, render.detectorDb.length);
  const [from, to] = sampleRange(window, render.sampleRate, length);
  const empty = {
    window,
    columns: [],
    floorDb,
    maxTargetDb: 0,
    maxAppliedDb: 0,
    maxDetectorDb: -Infinity,
    activeShare: 0,
  };
  if (to <= from) return empty;
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  // The input's level depends only on the clip and the view: computed once per view, not per setting.
  const peaks = cachedColumns(input, `p${from}:${to}:${count}`, () => columnPeaks(input, from, to, count));
  const det = columnMax(render.detectorDb, from, to, count, -Infinity);
  const target = columnMax(render.targetReductionDb, from, to, count, 0);
  const applied = columnMax(render.appliedReductionDb, from, to, count, 0);
  const out: EnvelopeColumn[] = new Array<EnvelopeColumn>(count);
  for (let c = 0; c < count; c++) {
    const t = target[c] as number;
    const ap = applied[c] as number;
    out[c] = {
      t: columnStart(from, to, count, c) / render.sampleRate,
      inputDb: Math.max(floorDb, gainToDb(peaks[c] as number)),
      detectorDb: Math.max(floorDb, det[c] as number),
      targetDb: t,
      appliedDb: ap,
    };
  }
  return {
    ...empty,
    columns: out,
    maxTargetDb: mostTargetReductionDb(render, from, to),
    maxAppliedDb: mostGainReductionDb(render, from, to),
    maxDetectorDb: highestDetectorDb(render, from, to),
    activeShare: compressedShare(render, from, to),
  };
}

/** Reductions smaller than this read as "none", dB (they round to 0.0). */
const NONE_DB = 0.05;

/**
 * What the envelope view shows now, true in every state: `params` are the settings of the render drawn (the
 * threshold compared with the detector level, the ratio that decides whether going over changes anything).
 */
export function describeEnvelope(m: EnvelopeModel, params: Pick<CompressorParams, 'thresholdDb' | 'ratio'>): string {
  if (m.columns.length === 0) return 'No audio loaded yet.';
  const span = `From ${formatTime(m.window.startS)} to ${formatTime(m.window.endS)}`;
  const threshold = `the threshold of ${formatDbShort(params.thresholdDb)}`;
  const over = m.maxDetectorDb > params.thresholdDb;
  const pct = Math.round(m.activeShare * 100);
  const share = `The compressor is turning the sound down by more than ${ACTIVE_REDUCTION_DB} dB for ${pct} % of this time.`;
  const most = `${MEASURE_NAMES.mostGainReduction} is ${formatDbShort(m.maxAppliedDb)}`;
  if (m.maxTargetDb < NONE_DB && !over) {
    if (m.maxAppliedDb < NONE_DB)
      return `${span} the level never goes above ${threshold}, so the compressor does nothing.`;
    return (
      `${span} the level stays below ${threshold}, yet ${most}: the release is still letting go of the ` +
      `reduction from an earlier loud moment. ${share}`
    );
  }
  if (over && params.ratio === 1) {
    return `${span} the level goes above ${threshold}, but at 1 to 1 the compressor changes nothing.`;
  }
  const where = over ? `goes above ${threshold}` : `stays below ${threshold} but reaches the soft knee`;
  const ratio = params.ratio === 1 ? '' : ` at ${formatRatioNumber(params.ratio)} to 1`;
  return (
    `${span} the level ${where}; the curve asks for up to ${formatDbShort(m.maxTargetDb)} of reduction${ratio} ` +
    `(${MEASURE_NAMES.mostTargetReduction}), and, slowed by attack and release, ${most}. ${share}`
  );
}
