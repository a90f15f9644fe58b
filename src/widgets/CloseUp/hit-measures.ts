/**
 * Pure measurements of what attack and release do to real hits and notes, from the input and the offline render.
 * One definition each, used by the close-up view, the exercises and the lesson numbers:
 *
 *  - onset of a hit: the first sample, within the 10 ms before the hit's loudest frame, that comes within 20 dB of
 *    the hit's peak (hits come from findHits, the exercises' one definition of a hit);
 *  - a hit crosses the threshold when the target reduction in its loudest frame is above zero, i.e. its detector
 *    level is above the threshold, the comparison the compressor itself makes;
 *  - crack: the first CRACK_MS after the onset; body: from CRACK_MS to BODY_END_MS (or the next hit, if sooner);
 *  - how far each is turned down: its RMS level before minus after the compressor, dB (all channels together);
 *  - reduction left before a hit: the applied reduction on the sample just before its onset, dB;
 *  - ripple: in RIPPLE_SLICE_MS slices where the applied reduction averages over ACTIVE_DB, the peak-to-peak
 *    swing of the applied reduction (max − min, dB); the median over those slices.
 */
import type { OfflineRender } from '../../dsp/types';
import { powerToDb } from '../../dsp/levels';
import { findHits, FRAME_S, type Hit } from '../Exercise/model';

export const CRACK_MS = 5;
export const BODY_END_MS = 50;
export const ONSET_RANGE_DB = 20;
export const RIPPLE_SLICE_MS = 50;
export const ACTIVE_DB = 1;

export interface HitMeasure {
  hit: Hit;
  /** Onset sample. */
  onset: number;
  /** End of the body, sample (exclusive). */
  bodyEnd: number;
  crackInDb: number;
  crackOutDb: number;
  bodyInDb: number;
  bodyOutDb: number;
  /** How far the crack and the body are turned down, dB (positive = quieter). */
  crackDownDb: number;
  bodyDownDb: number;
  /** Applied reduction on the sample before the onset, dB. */
  leftBeforeDb: number;
}

/** Mean-square level of samples [a, b) over all channels, dB. Source: RMS = sqrt(Σx² / N). */
export function rangeLevelDb(channels: readonly Float32Array[], a: number, b: number): number {
  let sum = 0;
  let n = 0;
  for (const ch of channels) {
    for (let i = a; i < Math.min(b, ch.length); i++) sum += (ch[i] as number) ** 2;
    n += Math.max(0, Math.min(b, ch.length) - a);
  }
  return n > 0 ? powerToDb(sum / n) : -Infinity;
}

/** Onset of a hit (see the module comment). */
export function hitOnset(input: readonly Float32Array[], hit: Hit, sampleRate: number): number {
  const frame = Math.round(0.01 * sampleRate);
  const start = Math.max(0, Math.round(hit.timeS * sampleRate) - frame);
  const end = Math.min(input[0]?.length ?? 0, Math.round(hit.timeS * sampleRate) + frame);
  let peak = 0;
  for (const ch of input) for (let i = start; i < end; i++) peak = Math.max(peak, Math.abs(ch[i] as number));
  const floor = peak * 10 ** (-ONSET_RANGE_DB / 20);
  for (let i = start; i < end; i++) for (const ch of input) if (Math.abs(ch[i] as number) >= floor) return i;
  return start;
}

/** Whether a hit's loudest frame asks for any reduction (its detector level is above the threshold). */
export function crossesThreshold(hit: Hit, render: OfflineRender): boolean {
  const a = Math.round(hit.timeS * render.sampleRate);
  const b = Math.min(render.targetReductionDb.length, a + Math.round(FRAME_S * render.sampleRate));
  for (let i = a; i < b; i++) if ((render.targetReductionDb[i] as number) > 0) return true;
  return false;
}

/** Crack, body and reduction-left measures for every hit that goes over the threshold, in time order. */
export function measureHits(input: readonly Float32Array[], render: OfflineRender): HitMeasure[] {
  const fs = render.sampleRate;
  const over = findHits(input, render).filter((h) => crossesThreshold(h, render));
  const onsets = over.map((h) => hitOnset(input, h, fs));
  const crack = Math.round((CRACK_MS / 1000) * fs);
  const bodyLength = Math.round((BODY_END_MS / 1000) * fs);
  return over.map((hit, k) => {
    const onset = onsets[k] as number;
    const next = onsets[k + 1] ?? Infinity;
    const bodyEnd = Math.min(onset + bodyLength, next, render.appliedReductionDb.length);
    const crackEnd = Math.min(onset + crack, bodyEnd);
    const crackInDb = rangeLevelDb(input, onset, crackEnd);
    const crackOutDb = rangeLevelDb(render.output, onset, crackEnd);
    const bodyInDb = rangeLevelDb(input, crackEnd, bodyEnd);
    const bodyOutDb = rangeLevelDb(render.output, crackEnd, bodyEnd);
    return {
      hit,
      onset,
      bodyEnd,
      crackInDb,
      crackOutDb,
      bodyInDb,
      bodyOutDb,
      crackDownDb: crackInDb - crackOutDb,
      bodyDownDb: bodyInDb - bodyOutDb,
      leftBeforeDb: render.appliedReductionDb[onset - 1] ?? 0,
    };
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface HitSummary {
  count: number;
  /** Medians over the hits that go over the threshold, dB. */
  crackDownDb: number;
  bodyDownDb: number;
  /** Median reduction left just before a hit (the first hit excluded: nothing came before it), dB. */
  leftBeforeDb: number;
}

export function summariseHits(measures: readonly HitMeasure[]): HitSummary {
  return {
    count: measures.length,
    crackDownDb: median(measures.map((m) => m.crackDownDb)),
    bodyDownDb: median(measures.map((m) => m.bodyDownDb)),
    leftBeforeDb: median(measures.slice(1).map((m) => m.leftBeforeDb)),
  };
}

/** Ripple of the applied reduction (see the module comment), dB; 0 when the compressor is never active. */
export function reductionRippleDb(render: OfflineRender): number {
  const a = render.appliedReductionDb;
  const slice = Math.max(1, Math.round((RIPPLE_SLICE_MS / 1000) * render.sampleRate));
  const swings: number[] = [];
  for (let s = 0; s + slice <= a.length; s += slice) {
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    for (let i = s; i < s + slice; i++) {
      const v = a[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      sum += v;
    }
    if (sum / slice > ACTIVE_DB) swings.push(hi - lo);
  }
  return swings.length > 0 ? median(swings) : 0;
}
