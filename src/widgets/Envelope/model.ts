/**
 * Pure model of the envelope view: over the visible window, one column per pixel with
 *  - the input level (peak of |x| over all channels, dBFS),
 *  - the detector level x_G, the target reduction x_L and the applied reduction y_L from the offline render
 *    (each the column's maximum, so no peak is lost between pixels).
 * The reduction curves show attack and release: the target jumps, the applied reduction follows with the
 * attack and release time constants. Source: DESIGN.md §2 steps 1–3.
 */
import type { OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { sampleRange, type TimeWindow } from '../shared/time-window';
import { formatDbShort, formatTime } from '../shared/describe';

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
  thresholdDb: number;
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
  thresholdDb: number,
  window: TimeWindow,
  columns: number,
  floorDb = -60,
): EnvelopeModel {
  const length = Math.min(input[0]?.length ?? 0, render.detectorDb.length);
  const [from, to] = sampleRange(window, render.sampleRate, length);
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  const out: EnvelopeColumn[] = [];
  let maxTargetDb = 0;
  let maxAppliedDb = 0;
  let active = 0;
  const { detectorDb, targetReductionDb, appliedReductionDb } = render;
  for (let c = 0; c < count && to > from; c++) {
    const a = from + Math.floor(((to - from) * c) / count);
    const b = Math.max(a + 1, from + Math.floor(((to - from) * (c + 1)) / count));
    let peak = 0;
    for (const ch of input) {
      for (let i = a; i < b; i++) {
        const v = Math.abs(ch[i] ?? 0);
        if (v > peak) peak = v;
      }
    }
    let det = -Infinity;
    let target = 0;
    let applied = 0;
    for (let i = a; i < b; i++) {
      const d = detectorDb[i] ?? -Infinity;
      if (d > det) det = d;
      const tr = targetReductionDb[i] ?? 0;
      if (tr > target) target = tr;
      const ap = appliedReductionDb[i] ?? 0;
      if (ap > applied) applied = ap;
      if (ap > ACTIVE_REDUCTION_DB) active++;
    }
    maxTargetDb = Math.max(maxTargetDb, target);
    maxAppliedDb = Math.max(maxAppliedDb, applied);
    out.push({
      t: a / render.sampleRate,
      inputDb: Math.max(floorDb, gainToDb(peak)),
      detectorDb: Math.max(floorDb, det),
      targetDb: target,
      appliedDb: applied,
    });
  }
  return {
    window,
    columns: out,
    thresholdDb,
    floorDb,
    maxTargetDb,
    maxAppliedDb,
    activeShare: to > from ? active / (to - from) : 0,
  };
}

/** One or two sentences about what the envelope view shows now. */
export function describeEnvelope(m: EnvelopeModel): string {
  if (m.columns.length === 0) return 'No audio loaded yet.';
  const span = `From ${formatTime(m.window.startS)} to ${formatTime(m.window.endS)}`;
  if (m.maxTargetDb < 0.05) {
    return `${span} the level never goes above the threshold of ${formatDbShort(m.thresholdDb)}, so the compressor does nothing.`;
  }
  const pct = Math.round(m.activeShare * 100);
  return (
    `${span} the level goes above the threshold of ${formatDbShort(m.thresholdDb)}; the target reduction peaks at ` +
    `${formatDbShort(m.maxTargetDb)} and the applied reduction, slowed by attack and release, at ` +
    `${formatDbShort(m.maxAppliedDb)}. The compressor is turning the sound down by more than 0.5 dB for ${pct} % of this time.`
  );
}
