/**
 * Pure: how much the syllables or notes near the threshold are turned down — the knee's territory.
 *
 * Hits are the ones findHits (model.ts) finds. A hit's level is the largest detector level from its frame to
 * HIT_SPAN_S later: the level the compressor itself sees (dBFS; with the RMS detector, the syllable's average
 * level rather than its sharpest wave). A hit is "near the threshold" when that level is within NEAR_DB of the
 * threshold, on either side. The figure the lessons quote is the median applied reduction of those hits.
 *
 * Source: the knee region of the gain computer is T ± W/2 (Giannoulis, Massberg & Reiss 2012, eq. 4); a hard
 * knee (W = 0) gives a hit at T − 3 dB exactly 0 dB of static reduction, a soft knee eases it in.
 */
import type { OfflineRender } from '../../dsp/types';
import { formatDbShort } from '../shared/describe';
import type { Feedback, Hit } from './model';

/** Half-width of the "near the threshold" band, dB. */
export const NEAR_DB = 3;

/** How long after its start a hit is followed, s: the attack needs that long to catch up with a short hit. */
export const HIT_SPAN_S = 0.05;

export interface LevelledHit extends Hit {
  /** Largest detector level from the hit's start to HIT_SPAN_S later, dBFS (Hit.levelDb covers its first frame). */
  spanLevelDb: number;
  /** Largest applied reduction from the hit's start to HIT_SPAN_S later, dB. */
  reductionDb: number;
}

/** Each hit with the detector level the compressor saw over it. */
export function levelHits(hits: readonly Hit[], render: OfflineRender): LevelledHit[] {
  const fs = render.sampleRate;
  const span = Math.round(HIT_SPAN_S * fs);
  const n = render.detectorDb.length;
  return hits.map((hit) => {
    const start = Math.round(hit.timeS * fs);
    let level = -Infinity;
    let reduction = 0;
    for (let i = start; i < Math.min(n, start + span); i++) {
      level = Math.max(level, render.detectorDb[i] ?? -Infinity);
      reduction = Math.max(reduction, render.appliedReductionDb[i] ?? 0);
    }
    return { ...hit, spanLevelDb: level, reductionDb: reduction };
  });
}

/** Median of a list (the lower middle value for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

export function isNear(hit: LevelledHit, thresholdDb: number): boolean {
  return Math.abs(hit.spanLevelDb - thresholdDb) <= NEAR_DB;
}

export interface NearSummary {
  /** Hits whose level is within NEAR_DB of the threshold. */
  near: number;
  /** All hits. */
  total: number;
  /** Median applied reduction of the near hits, dB (null when there are none). */
  medianReductionDb: number | null;
}

export function nearThreshold(hits: readonly LevelledHit[], thresholdDb: number): NearSummary {
  const near = hits.filter((h) => isNear(h, thresholdDb));
  return { near: near.length, total: hits.length, medianReductionDb: median(near.map((h) => h.reductionDb)) };
}

/** What a clip's hits are called in the texts: syllables of speech, notes of an instrument, hits of drums. */
export function hitNoun(clipId: string): string {
  if (clipId === 'vocal') return 'syllables';
  if (clipId === 'drums') return 'hits';
  return 'notes';
}

/** Knee exercise: the hits near the threshold are turned down by between minDb and maxDb (median). */
export function checkNearThreshold(
  summary: NearSummary,
  minDb: number,
  maxDb: number,
  clip: { id: string; title: string },
): Feedback {
  const noun = hitNoun(clip.id);
  const on = `On “${clip.title}”`;
  if (summary.total === 0) return { verdict: 'none', message: 'The clip is still loading; try again in a moment.' };
  if (summary.medianReductionDb === null) {
    return {
      verdict: 'none',
      message: `${on} no ${noun} come within ${NEAR_DB} dB of the threshold, so there is nothing to ease in. Set the threshold back to where the exercise puts it.`,
    };
  }
  const got = formatDbShort(summary.medianReductionDb);
  const goal = `${formatDbShort(minDb).replace(' dB', '')} to ${formatDbShort(maxDb)}`;
  const which = `the ${summary.near} ${noun} within ${NEAR_DB} dB of the threshold are turned down by ${got} (median)`;
  if (summary.medianReductionDb < minDb) {
    return {
      verdict: 'too-little',
      message: `${on} ${which}; the goal is ${goal}. Widen the knee so the compression starts before the threshold.`,
    };
  }
  if (summary.medianReductionDb > maxDb) {
    return {
      verdict: 'too-much',
      message: `${on} ${which}; the goal is ${goal}. Narrow the knee.`,
    };
  }
  return { verdict: 'good', message: `Yes: on “${clip.title}” ${which}, inside the goal of ${goal}.` };
}
