/**
 * Pure model of the envelope view: over the visible window, one column per pixel with
 *  - the input level (peak of |x| over all channels, dBFS),
 *  - the detector level x_G, the target reduction x_L and the applied reduction y_L from the offline render
 *    (each the column's maximum, so no peak is lost between pixels).
 * The reduction curves show attack and release: the target jumps, the applied reduction follows with the
 * attack and release time constants. Source: docs/compressor.md §1–§3.
 */
import type { OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { sampleRange, type TimeWindow } from '../shared/time-window';
import { formatDbShort, formatTime } from '../shared/describe';
import { cachedColumns, columnMax, columnPeaks, columnStart, countAbove } from '../shared/scan';

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
  /** Largest target and applied reduction in the window, dB. */
  maxTargetDb: number;
  maxAppliedDb: number;
  /** Share of the window (0..1) during which the applied reduction exceeds 0.5 dB. */
  activeShare: number;
}

export const ACTIVE_REDUCTION_DB = 0.5;

export function envelopeModel(
  input: readonly Float32Array[],
  render: OfflineRender,
  window: TimeWindow,
  columns: number,
  floorDb = -60,
): EnvelopeModel {
  const length = Math.min(input[0]?.length ?? 0, render.detectorDb.length);
  const [from, to] = sampleRange(window, render.sampleRate, length);
  const empty = { window, columns: [], floorDb, maxTargetDb: 0, maxAppliedDb: 0, activeShare: 0 };
  if (to <= from) return empty;
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  // The input's level depends only on the clip and the view: computed once per view, not per setting.
  const peaks = cachedColumns(input, `p${from}:${to}:${count}`, () => columnPeaks(input, from, to, count));
  const det = columnMax(render.detectorDb, from, to, count, -Infinity);
  const target = columnMax(render.targetReductionDb, from, to, count, 0);
  const applied = columnMax(render.appliedReductionDb, from, to, count, 0);
  const out: EnvelopeColumn[] = new Array<EnvelopeColumn>(count);
  let maxTargetDb = 0;
  let maxAppliedDb = 0;
  for (let c = 0; c < count; c++) {
    const t = target[c] as number;
    const ap = applied[c] as number;
    if (t > maxTargetDb) maxTargetDb = t;
    if (ap > maxAppliedDb) maxAppliedDb = ap;
    out[c] = {
      t: columnStart(from, to, count, c) / render.sampleRate,
      inputDb: Math.max(floorDb, gainToDb(peaks[c] as number)),
      detectorDb: Math.max(floorDb, det[c] as number),
      targetDb: t,
      appliedDb: ap,
    };
  }
  const active = countAbove(render.appliedReductionDb, from, to, ACTIVE_REDUCTION_DB);
  return { ...empty, columns: out, maxTargetDb, maxAppliedDb, activeShare: active / (to - from) };
}

/** One or two sentences about what the envelope view shows now. */
export function describeEnvelope(m: EnvelopeModel, thresholdDb: number): string {
  if (m.columns.length === 0) return 'No audio loaded yet.';
  const span = `From ${formatTime(m.window.startS)} to ${formatTime(m.window.endS)}`;
  if (m.maxTargetDb < 0.05) {
    return `${span} the level never goes above the threshold of ${formatDbShort(thresholdDb)}, so the compressor does nothing.`;
  }
  const pct = Math.round(m.activeShare * 100);
  return (
    `${span} the level goes above the threshold of ${formatDbShort(thresholdDb)}; the target reduction peaks at ` +
    `${formatDbShort(m.maxTargetDb)} and the applied reduction, slowed by attack and release, at ` +
    `${formatDbShort(m.maxAppliedDb)}. The compressor is turning the sound down by more than 0.5 dB for ${pct} % of this time.`
  );
}
