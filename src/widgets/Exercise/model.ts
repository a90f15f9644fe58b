/**
 * Pure checks for the lesson exercises, made against the offline render of the learner's own setting.
 *
 * Hits: the input is cut into 10 ms frames; a hit is a frame whose peak is the loudest within ±100 ms and within
 * 30 dB of the clip's peak (drum strokes, sung syllables). A hit's level is the highest detector level in its
 * frame (for the peak detector, its sample peak), and it goes over the threshold when that level is above the
 * threshold: the same comparison the compressor makes, so the verdict and the number it quotes always agree.
 * The ratio exercise reads the most gain reduction (shared/measures.ts), the number the meter shows.
 */
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { gainToDb } from '../../dsp/levels';
import { formatDb, formatDbShort } from '../shared/describe';
import { MEASURE_NAMES } from '../shared/measures';

export interface Hit {
  /** Start of the hit's frame, s. */
  timeS: number;
  peakDb: number;
  /** Highest detector level in the hit's frame, dBFS: the level the compressor compares with the threshold. */
  levelDb: number;
}

export const FRAME_S = 0.01;
export const NEIGHBOURHOOD_S = 0.1;
export const HIT_RANGE_DB = 30;

/** A hit's frame (index) and peak, dBFS: where the hits are depends on the input alone. */
interface HitFrame {
  frame: number;
  peakDb: number;
}

/**
 * The hit frames of `input` cut into `frame`-sample frames over its first `length` samples, kept per clip (the
 * channels' arrays), since every render of the clip has the same ones: the widgets that read hits ask again after
 * each render, and the frame peaks are a pass over every sample.
 */
const hitFrameCache = new WeakMap<Float32Array, { channels: readonly Float32Array[]; key: string; hits: HitFrame[] }>();

function hitFrames(input: readonly Float32Array[], frame: number, length: number): HitFrame[] {
  const first = input[0];
  const key = `${frame}:${length}`;
  const cached = first ? hitFrameCache.get(first) : undefined;
  if (cached && cached.key === key && sameChannels(cached.channels, input)) return cached.hits;
  const count = Math.floor(length / frame);
  const peaks = new Float64Array(count);
  let clipPeak = -Infinity;
  for (let f = 0; f < count; f++) {
    let peak = 0;
    for (const ch of input) {
      for (let i = f * frame; i < (f + 1) * frame; i++) peak = Math.max(peak, Math.abs(ch[i] ?? 0));
    }
    peaks[f] = gainToDb(peak);
    clipPeak = Math.max(clipPeak, peaks[f] ?? -Infinity);
  }
  const reach = Math.round(NEIGHBOURHOOD_S / FRAME_S);
  const hits: HitFrame[] = [];
  for (let f = 0; f < count; f++) {
    const p = peaks[f] ?? -Infinity;
    if (!(p >= clipPeak - HIT_RANGE_DB)) continue;
    let isMax = true;
    for (let g = Math.max(0, f - reach); g <= Math.min(count - 1, f + reach) && isMax; g++) {
      const q = peaks[g] ?? -Infinity;
      if (q > p || (q === p && g < f)) isMax = false;
    }
    if (isMax) hits.push({ frame: f, peakDb: p });
  }
  if (first) hitFrameCache.set(first, { channels: [...input], key, hits });
  return hits;
}

function sameChannels(a: readonly Float32Array[], b: readonly Float32Array[]): boolean {
  return a.length === b.length && a.every((ch, i) => ch === b[i]);
}

export function findHits(
  input: readonly Float32Array[],
  render: Pick<OfflineRender, 'detectorDb' | 'sampleRate'>,
): Hit[] {
  const fs = render.sampleRate;
  const frame = Math.max(1, Math.round(FRAME_S * fs));
  const length = Math.min(input[0]?.length ?? 0, render.detectorDb.length);
  return hitFrames(input, frame, length).map(({ frame: f, peakDb }) => {
    let level = -Infinity;
    for (let i = f * frame; i < (f + 1) * frame; i++) level = Math.max(level, render.detectorDb[i] ?? -Infinity);
    return { timeS: (f * frame) / fs, peakDb, levelDb: level };
  });
}

export type Verdict = 'none' | 'good' | 'close' | 'too-many' | 'too-little' | 'too-much';

export interface Feedback {
  verdict: Verdict;
  message: string;
}

/** A level beside the threshold, with a second decimal when one would read the same as the threshold. */
function levelBeside(levelDb: number, thresholdDb: number): string {
  const short = formatDbShort(levelDb, 'dBFS');
  return short.replace(' dBFS', ' dB') === formatDbShort(thresholdDb) ? formatDb(levelDb, 2, 'dBFS') : short;
}

/**
 * Threshold exercise: "set the threshold so only the loudest hits go over it" — at least one hit over and at most
 * a quarter of them (up to a half is "close"). `thresholdDb` is the threshold of the render the hits come from.
 */
export function checkLoudestHitsOnly(hits: readonly Hit[], thresholdDb: number): Feedback {
  if (hits.length === 0) return { verdict: 'none', message: 'The clip is still loading; try again in a moment.' };
  const over = hits.filter((h) => h.levelDb > thresholdDb);
  const loudest = hits.reduce((a, b) => (b.levelDb > a.levelDb ? b : a));
  const n = over.length;
  const of = `${n} of the ${hits.length} hits`;
  if (n === 0) {
    return {
      verdict: 'too-little',
      message: `No hit goes over the threshold of ${formatDbShort(thresholdDb)} yet: the loudest reaches ${levelBeside(loudest.levelDb, thresholdDb)}. Lower the threshold until it just catches that hit.`,
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

/**
 * Ratio exercise: "bring the most gain reduction to between minDb and maxDb" on the clip titled `clipTitle`.
 * `mostDb` is mostGainReductionDb of the learner's render (shared/measures.ts), the number the meter shows; it is
 * compared after rounding to 0.1 dB, as shown.
 */
export function checkMostReduction(mostDb: number, minDb: number, maxDb: number, clipTitle: string): Feedback {
  const shown = Math.round(mostDb * 10) / 10;
  const got = `on the ${clipTitle} ${MEASURE_NAMES.mostGainReduction} is ${formatDbShort(mostDb)}`;
  const goal = `${formatDbShort(minDb).replace(' dB', '')} to ${formatDbShort(maxDb)}`;
  const sentence = got.charAt(0).toUpperCase() + got.slice(1);
  if (shown < minDb) return { verdict: 'too-little', message: `${sentence}; the goal is ${goal}. Raise the ratio.` };
  if (shown > maxDb) return { verdict: 'too-much', message: `${sentence}; the goal is ${goal}. Lower the ratio.` };
  return { verdict: 'good', message: `Yes: ${got}, inside the goal of ${goal}.` };
}

/** What a verdict is about: every setting and the clip. A verdict shows only while this key is unchanged. */
export function exerciseKey(params: CompressorParams, clipId: string): string {
  const values = (Object.keys(params) as (keyof CompressorParams)[]).sort().map((k) => `${k}=${String(params[k])}`);
  return `${clipId}|${values.join('&')}`;
}

/** Feedback when the player has a clip this exercise does not check; null when the clip is one of `clips`. */
export function clipProblem(
  clipId: string,
  clips: readonly string[],
  titles: Readonly<Record<string, string>>,
): Feedback | null {
  if (clips.includes(clipId)) return null;
  const title = (id: string) => titles[id] ?? id;
  const wanted = clips.map((id) => `the ${title(id)}`).join(' or ');
  return {
    verdict: 'none',
    message: `This exercise is about ${wanted}, and the player has the ${title(clipId)}. Switch to ${clips.length === 1 ? wanted : 'one of them'}, then check again.`,
  };
}

/** Feedback when an exercise needs the threshold left where the lesson set it; null when it is. */
export function requireThreshold(currentDb: number, requiredDb: number, control: string): Feedback | null {
  if (currentDb === requiredDb) return null;
  return {
    verdict: 'none',
    message: `This exercise needs the threshold at ${formatDbShort(requiredDb)} (it is at ${formatDbShort(currentDb)}). Set it back, then try the ${control} again.`,
  };
}
