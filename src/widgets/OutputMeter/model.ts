/**
 * Pure model of the output meter: the compressed output's sample peak over the last 100 ms before the playhead
 * and its short-term loudness (the 3 s ending at the playhead), with the clip's highest of each and its overs.
 *
 * Source: short-term loudness per ITU-R BS.1770-4 / EBU Tech 3341 (3 s window, 100 ms hop), from
 * src/dsp/loudness.ts; block k of shortTermLoudness covers hops k … k + 29, i.e. 0.1·k s to 0.1·k + 3 s.
 */
import type { OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { shortTermLoudness } from '../../dsp/loudness';
import { findOvers, type Overs } from '../shared/overs';
import { formatDbShort } from '../shared/describe';

export const PEAK_WINDOW_S = 0.1;
export const HOP_S = 0.1;
export const SHORT_TERM_HOPS = 30;

export interface OutputMeasures {
  shortTermLufs: Float32Array;
  /** Highest short-term loudness in the clip, LUFS. */
  maxShortTermLufs: number;
  /** Sample peak of the whole output, dBFS. */
  peakDb: number;
  overs: Overs;
  durationS: number;
}

export function outputMeasures(render: Pick<OfflineRender, 'output' | 'sampleRate'>): OutputMeasures {
  const shortTermLufs = shortTermLoudness(render.output, render.sampleRate);
  let max = -Infinity;
  for (const v of shortTermLufs) if (v > max) max = v;
  let peak = 0;
  for (const ch of render.output) for (const v of ch) peak = Math.max(peak, Math.abs(v));
  return {
    shortTermLufs,
    maxShortTermLufs: max,
    peakDb: gainToDb(peak),
    overs: findOvers(render.output, render.sampleRate),
    durationS: (render.output[0]?.length ?? 0) / render.sampleRate,
  };
}

/** Short-term loudness of the 3 s ending at the playhead (the first 3 s until the playhead passes 3 s). */
export function shortTermAt(shortTermLufs: Float32Array, timeS: number): number {
  if (shortTermLufs.length === 0) return -Infinity;
  const k = Math.floor(timeS / HOP_S + 1e-9) - SHORT_TERM_HOPS;
  return shortTermLufs[Math.min(shortTermLufs.length - 1, Math.max(0, k))] ?? -Infinity;
}

/** Sample peak of the output over the PEAK_WINDOW_S before the playhead, dBFS. */
export function peakAt(render: OfflineRender, timeS: number): number {
  const fs = render.sampleRate;
  const length = render.output[0]?.length ?? 0;
  const end = Math.min(length, Math.max(Math.round(PEAK_WINDOW_S * fs), Math.round(timeS * fs)));
  const start = Math.max(0, end - Math.round(PEAK_WINDOW_S * fs));
  let peak = 0;
  for (const ch of render.output) for (let i = start; i < end; i++) peak = Math.max(peak, Math.abs(ch[i] ?? 0));
  return gainToDb(peak);
}

export interface OutputMeterModel {
  peakNowDb: number;
  shortTermNowLufs: number;
  peakMaxDb: number;
  shortTermMaxLufs: number;
  overs: number;
  domainDb: [number, number];
}

export const METER_FLOOR_DB = -48;

export function outputMeterModel(m: OutputMeasures, timeS: number, peakNowDb: number): OutputMeterModel {
  const top = Math.max(6, Math.ceil(Math.max(m.peakDb, m.maxShortTermLufs) / 6) * 6);
  return {
    peakNowDb,
    shortTermNowLufs: shortTermAt(m.shortTermLufs, timeS),
    peakMaxDb: m.peakDb,
    shortTermMaxLufs: m.maxShortTermLufs,
    overs: m.overs.samples,
    domainDb: [METER_FLOOR_DB, top],
  };
}

/** A reading as text: "+8.2 dBFS", "−17.9 dBFS", or "below −48 dBFS" under the meter's floor (near silence). */
export function levelText(value: number, unit: string): string {
  if (!(value >= METER_FLOOR_DB)) return `below ${formatDbShort(METER_FLOOR_DB, unit)}`;
  const text = formatDbShort(value, unit);
  return value >= 0.05 ? `+${text}` : text;
}

/** The readout: now, then the whole clip, with the overs said in words (not only by colour). */
export function describeOutputMeter(m: OutputMeterModel, playing: boolean): string {
  const when = playing ? 'Now' : 'At the playhead';
  const overs =
    m.overs === 0
      ? 'no sample over 0 dBFS'
      : `${m.overs} ${m.overs === 1 ? 'sample' : 'samples'} over 0 dBFS: it clips`;
  return (
    `${when}: peak ${levelText(m.peakNowDb, 'dBFS')}, short-term loudness ${levelText(m.shortTermNowLufs, 'LUFS')}. ` +
    `Whole clip: peak ${levelText(m.peakMaxDb, 'dBFS')} (${overs}), loudest short-term ${levelText(m.shortTermMaxLufs, 'LUFS')}.`
  );
}
