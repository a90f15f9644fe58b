/**
 * Pure model of the clipping view: the original raised by plain gain to the compressed version's loudness,
 * beside the compressed version itself (make-up gain included), each with its samples over 0 dBFS and where
 * they are, and a min/max outline of each for the plot.
 *
 * Source: the gain that makes the original as loud as the compressed version is their loudness difference
 * (BS.1770 loudness moves by exactly g LU for a gain of g dB; ΔLU as in src/audio/matching.ts); overs from
 * shared/overs.ts (|x| > 1 is over 0 dBFS).
 */
import type { OfflineRender } from '../../dsp/types';
import { dbToGain, gainToDb } from '../../dsp/levels';
import { findOvers, type Overs } from '../shared/overs';
import { formatDbShort, formatTime, joinWords } from '../shared/describe';
import { signed } from '../Player/model';
import { levelText } from '../OutputMeter/model';

export interface ClipPanel {
  peakDb: number;
  overs: Overs;
  /** Outline, one column per time step: time, lowest and highest sample. */
  outline: { timeS: number; min: number; max: number }[];
}

export interface ClippingModel {
  /** ΔLU of the compressed version against the original, LU (= the gain the original is raised by). */
  raiseDb: number;
  makeupDb: number;
  raised: ClipPanel;
  compressed: ClipPanel;
  durationS: number;
  /** Largest |sample| of either panel, for a shared vertical scale. */
  extent: number;
}

function panel(channels: readonly Float32Array[], sampleRate: number, gain: number, columns: number): ClipPanel {
  const length = channels[0]?.length ?? 0;
  const step = Math.max(1, Math.ceil(length / columns));
  const outline: ClipPanel['outline'] = [];
  let peak = 0;
  for (let start = 0; start < length; start += step) {
    let lo = 0;
    let hi = 0;
    for (const ch of channels) {
      for (let i = start; i < Math.min(length, start + step); i++) {
        const v = (ch[i] ?? 0) * gain;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    peak = Math.max(peak, -lo, hi);
    outline.push({ timeS: start / sampleRate, min: lo, max: hi });
  }
  return { peakDb: gainToDb(peak), overs: findOvers(channels, sampleRate, gain), outline };
}

export function clippingModel(
  original: readonly Float32Array[],
  render: Pick<OfflineRender, 'output' | 'sampleRate' | 'makeupDb'>,
  deltaLu: number,
  columns = 600,
): ClippingModel {
  const raiseDb = Math.max(0, deltaLu);
  const raised = panel(original, render.sampleRate, dbToGain(raiseDb), columns);
  const compressed = panel(render.output, render.sampleRate, 1, columns);
  return {
    raiseDb: deltaLu,
    makeupDb: render.makeupDb,
    raised,
    compressed,
    durationS: (original[0]?.length ?? 0) / render.sampleRate,
    extent: Math.max(1, dbToGain(raised.peakDb), dbToGain(compressed.peakDb)),
  };
}

function oversText(o: Overs): string {
  if (o.samples === 0) return 'no sample over 0 dBFS';
  const where = o.places.slice(0, 4).map((p) => formatTime(Math.round(p.startS * 10) / 10));
  const more = o.places.length > 4 ? ', …' : '';
  const places = o.places.length === 1 ? 'one place' : `${o.places.length} places`;
  return `${o.samples} ${o.samples === 1 ? 'sample' : 'samples'} over 0 dBFS, in ${places} (at ${joinWords(where)}${more})`;
}

/** What the two panels show, in words. */
export function describeClipping(m: ClippingModel, clipTitle: string): string {
  const comp = `The compressed version, with ${formatDbShort(m.makeupDb)} of make-up gain, peaks at ${levelText(m.compressed.peakDb, 'dBFS')}: ${oversText(m.compressed.overs)}.`;
  if (m.raiseDb <= 0) {
    return `On “${clipTitle}” the compressed version is ${Math.abs(m.raiseDb).toFixed(1)} LU quieter than the original (ΔLU ${signed(m.raiseDb)}), so matching it needs no gain and nothing is raised. ${comp}`;
  }
  return (
    `On “${clipTitle}” the compressed version is ${m.raiseDb.toFixed(1)} LU louder than the original (ΔLU ${signed(m.raiseDb)}). ` +
    `Raised by the same ${formatDbShort(m.raiseDb)} with plain gain, the original peaks at ${levelText(m.raised.peakDb, 'dBFS')}: ${oversText(m.raised.overs)}. ${comp}`
  );
}
