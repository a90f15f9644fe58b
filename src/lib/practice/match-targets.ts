/**
 * "Match the compressor" (pure): the hidden settings a round can use, drawn reproducibly from a seed, and the
 * steps the learner's controls move in (the hidden values are always among them, so a perfect match exists).
 */
import { mulberry32 } from '../../dsp/signals';
import type { CompressorParams } from '../../dsp/types';
import { DRILL_BASE } from './drills';

export const MATCH_THRESHOLD_RANGE = { min: -60, max: 0, step: 1 } as const;
export const MATCH_RATIO_RANGE = { min: 1, max: 20, step: 0.5 } as const;
/** The attack and release controls step through these values, ms. */
export const ATTACK_STEPS_MS = [0.5, 1, 2, 3, 5, 10, 20, 30, 50, 100] as const;
export const RELEASE_STEPS_MS = [20, 50, 100, 150, 200, 300, 400, 600, 1000] as const;

/** How far under the excerpt's highest peak the hidden threshold sits, dB (so every round compresses audibly). */
const HIDDEN_DEPTHS_DB = [12, 15, 18, 21, 24];
const HIDDEN_RATIOS = [2, 3, 4, 6, 8];
const HIDDEN_ATTACKS_MS = [1, 3, 10, 30];
const HIDDEN_RELEASES_MS = [50, 100, 200, 400];

/** Attack and release when the round is about threshold and ratio only, ms. */
export const FIXED_TIMES = { attackMs: 10, releaseMs: 100 } as const;

export type MatchSetting = Pick<CompressorParams, 'thresholdDb' | 'ratio' | 'attackMs' | 'releaseMs'>;

/** The learner's starting point: a compressor that does nothing (ratio 1 to 1). */
export const MATCH_START: MatchSetting = { thresholdDb: 0, ratio: 1, ...FIXED_TIMES };

function pick<T>(list: readonly T[], rng: () => number): T {
  return list[Math.min(list.length - 1, Math.floor(rng() * list.length))] as T;
}

/**
 * The hidden setting of round `round` of a game seeded with `seed`, for an excerpt whose highest peak is at
 * `peakDb` dBFS (the threshold is a whole number of dB, 12 to 24 dB under it); attack and release vary only
 * `withTimes`.
 */
export function hiddenSetting(seed: number, round: number, withTimes: boolean, peakDb: number): MatchSetting {
  const rng = mulberry32((seed ^ Math.imul(round + 1, 0x85ebca6b)) >>> 0);
  const thresholdDb = Math.max(MATCH_THRESHOLD_RANGE.min, Math.round(peakDb) - pick(HIDDEN_DEPTHS_DB, rng));
  const ratio = pick(HIDDEN_RATIOS, rng);
  const attackMs = pick(HIDDEN_ATTACKS_MS, rng);
  const releaseMs = pick(HIDDEN_RELEASES_MS, rng);
  return withTimes ? { thresholdDb, ratio, attackMs, releaseMs } : { thresholdDb, ratio, ...FIXED_TIMES };
}

/** Full compressor settings for a match setting: no make-up gain, so level differences stay audible. */
export function matchParams(s: MatchSetting): CompressorParams {
  return { ...DRILL_BASE, ...s, makeupDb: 0 };
}
