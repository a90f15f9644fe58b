/**
 * Pure checks for the lesson exercises, made against the offline render of the learner's own setting.
 *
 * Hits: the input is cut into 10 ms frames; a hit is a frame whose peak is the loudest within ±100 ms and within
 * 30 dB of the clip's peak (drum strokes, sung syllables). A hit goes over the threshold when the target reduction
 * in its frame exceeds 0.5 dB; how far it is turned down is the largest applied reduction from its frame to 50 ms
 * later (the attack needs that time to catch up with a short hit).
 */
import type { OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { formatDbShort } from '../shared/describe';

export interface Hit {
  /** Start of the hit's frame, s. */
  timeS: number;
  peakDb: number;
  /** Largest target (static) reduction in the hit's frame, dB: > 0 when the hit crosses the threshold. */
  overDb: number;
  /** Largest applied reduction from the hit's frame to 50 ms later, dB. */
  reductionDb: number;
}

export const FRAME_S = 0.01;
export const NEIGHBOURHOOD_S = 0.1;
export const HIT_RANGE_DB = 30;
export const REDUCED_DB = 0.5;
export const HIT_SPAN_S = 0.05;

export function findHits(input: readonly Float32Array[], render: OfflineRender): Hit[] {
  const fs = render.sampleRate;
  const frame = Math.max(1, Math.round(FRAME_S * fs));
  const length = Math.min(input[0]?.length ?? 0, render.appliedReductionDb.length);
  const count = Math.floor(length / frame);
  const peaks = new Float64Array(count);
  const reductions = new Float64Array(count);
  const targets = new Float64Array(count);
  let clipPeak = -Infinity;
  for (let f = 0; f < count; f++) {
    let peak = 0;
    let red = 0;
    let target = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) {
      for (const ch of input) peak = Math.max(peak, Math.abs(ch[i] ?? 0));
      red = Math.max(red, render.appliedReductionDb[i] ?? 0);
      target = Math.max(target, render.targetReductionDb[i] ?? 0);
    }
    peaks[f] = gainToDb(peak);
    reductions[f] = red;
    targets[f] = target;
    clipPeak = Math.max(clipPeak, peaks[f] ?? -Infinity);
  }
  const reach = Math.round(NEIGHBOURHOOD_S / FRAME_S);
  const span = Math.round(HIT_SPAN_S / FRAME_S);
  const hits: Hit[] = [];
  for (let f = 0; f < count; f++) {
    const p = peaks[f] ?? -Infinity;
    if (!(p >= clipPeak - HIT_RANGE_DB)) continue;
    let isMax = true;
    for (let g = Math.max(0, f - reach); g <= Math.min(count - 1, f + reach) && isMax; g++) {
      const q = peaks[g] ?? -Infinity;
      if (q > p || (q === p && g < f)) isMax = false;
    }
    if (!isMax) continue;
    let reductionDb = 0;
    for (let g = f; g < Math.min(count, f + span); g++) reductionDb = Math.max(reductionDb, reductions[g] ?? 0);
    hits.push({ timeS: (f * frame) / fs, peakDb: p, overDb: targets[f] ?? 0, reductionDb });
  }
  return hits;
}

export type Verdict = 'none' | 'good' | 'close' | 'too-many' | 'too-little' | 'too-much';

export interface Feedback {
  verdict: Verdict;
  message: string;
}

/**
 * Threshold exercise: "set the threshold so only the loudest hits go over it" — at least one hit over and at most
 * a quarter of them (up to a half is "close").
 */
export function checkLoudestHitsOnly(hits: readonly Hit[]): Feedback {
  if (hits.length === 0) return { verdict: 'none', message: 'The clip is still loading; try again in a moment.' };
  const reduced = hits.filter((h) => h.overDb > REDUCED_DB);
  const loudest = hits.reduce((a, b) => (b.peakDb > a.peakDb ? b : a));
  const n = reduced.length;
  const of = `${n} of the ${hits.length} hits`;
  if (n === 0) {
    return {
      verdict: 'too-little',
      message: `No hit goes over the threshold yet: the loudest peaks at ${formatDbShort(loudest.peakDb, 'dBFS')}. Lower the threshold until it just catches that peak.`,
    };
  }
  if (n <= hits.length / 4) {
    const which = n === 1 ? `only the loudest of the ${hits.length} hits goes` : `only ${of} — the loudest — go`;
    return { verdict: 'good', message: `Yes: ${which} over the threshold; the quieter hits pass untouched.` };
  }
  if (n <= hits.length / 2) {
    return {
      verdict: 'close',
      message: `Close: ${of} go over the threshold. Raise it a little so only the loudest few cross it.`,
    };
  }
  return {
    verdict: 'too-many',
    message: `${of} go over the threshold — that is most of the clip, not just the loudest hits. Raise the threshold.`,
  };
}

/** Ratio exercise: "bring the loudest hit down by between minDb and maxDb" (applied reduction, from the render). */
export function checkLoudestReduction(hits: readonly Hit[], minDb: number, maxDb: number): Feedback {
  if (hits.length === 0) return { verdict: 'none', message: 'The clip is still loading; try again in a moment.' };
  const most = Math.max(...hits.map((h) => h.reductionDb));
  const got = formatDbShort(most);
  const goal = `${formatDbShort(minDb).replace(' dB', '')} to ${formatDbShort(maxDb)}`;
  if (most < minDb) {
    return {
      verdict: 'too-little',
      message: `The loudest hit comes down by ${got}; the goal is ${goal}. Raise the ratio.`,
    };
  }
  if (most > maxDb) {
    return {
      verdict: 'too-much',
      message: `The loudest hit comes down by ${got}; the goal is ${goal}. Lower the ratio.`,
    };
  }
  return { verdict: 'good', message: `Yes: the loudest hit comes down by ${got}, inside the goal of ${goal}.` };
}

/** Feedback when an exercise needs the threshold left where the lesson set it; null when it is. */
export function requireThreshold(currentDb: number, requiredDb: number): Feedback | null {
  if (currentDb === requiredDb) return null;
  return {
    verdict: 'none',
    message: `This exercise needs the threshold at ${formatDbShort(requiredDb)} (it is at ${formatDbShort(currentDb)}). Set it back, then try the ratio again.`,
  };
}
