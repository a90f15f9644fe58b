/**
 * Pure model of the gain-reduction meter: the reduction now (from the live meter while playing, otherwise from
 * the offline render at the playhead), the largest reduction anywhere in the clip, and the meter's scale.
 */
import type { OfflineRender } from '../../dsp/types';
import { formatDbShort } from '../shared/describe';
import { MEASURE_NAMES } from '../shared/measures';

export interface GainMeterModel {
  /** Gain reduction now, dB ≥ 0. */
  nowDb: number;
  /** The most gain reduction in the whole clip (mostGainReductionDb), dB (null without a render). */
  maxDb: number | null;
  /** Full scale of the meter, dB: 6, 12 or 24, whichever first fits the clip's largest reduction. */
  rangeDb: number;
}

export const METER_RANGES_DB: readonly number[] = [6, 12, 24];

/** Applied reduction at a time in the render (0 outside it). */
export function reductionAt(render: OfflineRender, timeS: number): number {
  const i = Math.floor(timeS * render.sampleRate);
  return Math.max(0, render.appliedReductionDb[i] ?? 0);
}

export function gainMeterModel(nowDb: number, maxDb: number | null): GainMeterModel {
  const need = Math.max(nowDb, maxDb ?? 0);
  const rangeDb = METER_RANGES_DB.find((r) => r >= need) ?? METER_RANGES_DB[METER_RANGES_DB.length - 1] ?? 24;
  return { nowDb: Math.max(0, Math.min(nowDb, rangeDb)), maxDb, rangeDb };
}

/** Text for aria-valuetext and the visible readout. */
export function describeGainMeter(m: GainMeterModel, playing: boolean): string {
  const now = `${playing ? 'Now' : 'At the playhead'}: ${formatDbShort(m.nowDb)} of gain reduction`;
  if (m.maxDb === null) return `${now}.`;
  return `${now}; ${MEASURE_NAMES.mostGainReduction} in this clip is ${formatDbShort(m.maxDb)}.`;
}
