/**
 * The audio of one drill trial (pure): the clip excerpt, the odd alternative compressed by the stimulus, the
 * others as the drill defines them, and the gain that brings each to the original's integrated loudness
 * (ITU-R BS.1770-4), so loudness never gives the answer away.
 *
 * The reduction drill's stimulus is "the most gain reduction" (shared/measures.ts): the threshold is found by
 * bisection on the real render, which works because that measure falls as the threshold rises (the gain computer
 * asks for less at every sample, and the attack/release smoother is monotone in its input).
 */
import { renderOffline } from '../../dsp/compressor';
import { integratedLoudness } from '../../dsp/loudness';
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import {
  ATTACK_DRILL_TARGET_DB,
  ATTACK_REFERENCE_MS,
  DRILL_BASE,
  DRILLS,
  fastAttackMs,
  type DrillId,
} from '../../lib/practice/drills';
import { mostGainReductionDb, mostTargetReductionDb } from '../shared/measures';

/** Length of the excerpt a drill plays, s. */
export const EXCERPT_S = 4;

/** The first EXCERPT_S seconds of a clip (the whole clip when shorter). */
export function excerpt(channels: readonly Float32Array[], sampleRate: number, seconds = EXCERPT_S): Float32Array[] {
  const n = Math.min(channels[0]?.length ?? 0, Math.round(seconds * sampleRate));
  return channels.map((ch) => ch.slice(0, n));
}

/**
 * Why a learner's file cannot be drilled on, or null: the excerpt the drills play has no integrated loudness (it is
 * silent or below the absolute gate, or shorter than one 400 ms block), so nothing could be matched or compressed.
 */
export function excerptProblem(name: string, channels: readonly Float32Array[], sampleRate: number): string | null {
  const lufs = integratedLoudness(excerpt(channels, sampleRate), sampleRate);
  if (Number.isFinite(lufs)) return null;
  return (
    `The drills play the first ${EXCERPT_S} seconds of a file, and in “${name}” they are silent ` +
    '(or too short or too quiet to measure), so there is nothing to compare. Choose a file whose sound starts at once.'
  );
}

export interface SearchResult {
  thresholdDb: number;
  render: OfflineRender;
  /** The measure reached, dB (equal to the goal within `toleranceDb` unless the goal is out of reach). */
  reachedDb: number;
}

/**
 * The threshold at which `measure` of the render equals `goalDb`, by bisection over −80..0 dBFS (measure falls
 * as the threshold rises). A goal beyond what −80 dBFS gives returns the −80 dBFS render.
 */
export function searchThreshold(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  goalDb: number,
  measure: (r: OfflineRender) => number = mostGainReductionDb,
  toleranceDb = 0.01,
): SearchResult {
  const at = (t: number) => {
    const render = renderOffline(channels, sampleRate, { ...params, thresholdDb: t });
    return { thresholdDb: t, render, reachedDb: measure(render) };
  };
  let lo = -80;
  let hi = 0;
  let best = at(lo);
  if (best.reachedDb <= goalDb) return best;
  for (let i = 0; i < 30; i++) {
    const mid = at((lo + hi) / 2);
    if (Math.abs(mid.reachedDb - goalDb) < Math.abs(best.reachedDb - goalDb)) best = mid;
    if (Math.abs(mid.reachedDb - goalDb) <= toleranceDb) break;
    if (mid.reachedDb > goalDb) lo = mid.thresholdDb;
    else hi = mid.thresholdDb;
  }
  return best;
}

export interface Alternative {
  channels: Float32Array[];
  /** Settings it was compressed with; null for the original. */
  params: CompressorParams | null;
  /** Integrated loudness before matching, LUFS. */
  lufs: number;
  /** Gain that matches it to the original's loudness, dB. */
  gainDb: number;
}

export interface TrialAudio {
  alternatives: Alternative[];
  /** Index of the odd alternative (the compressed one, or the one with the faster attack). */
  odd: number;
  /** The odd alternative's render, for the picture shown after the answer. */
  oddRender: OfflineRender;
  /** The original excerpt (what the compressor was given). */
  input: Float32Array[];
}

function matched(
  sampleRate: number,
  channels: Float32Array[],
  params: CompressorParams | null,
  referenceLufs: number,
): Alternative {
  const lufs = integratedLoudness(channels, sampleRate);
  const gainDb = Number.isFinite(lufs) && Number.isFinite(referenceLufs) ? referenceLufs - lufs : 0;
  return { channels, params, lufs, gainDb };
}

/** Threshold of the attack drill for this excerpt: the curve asks for ATTACK_DRILL_TARGET_DB at most. */
export function attackDrillThreshold(input: readonly Float32Array[], sampleRate: number): number {
  return searchThreshold(input, sampleRate, DRILL_BASE, ATTACK_DRILL_TARGET_DB, mostTargetReductionDb).thresholdDb;
}

/**
 * The alternatives of one trial. `attackThresholdDb` (attack drill only) is attackDrillThreshold(input), passed in
 * so it is searched once per clip rather than once per trial.
 */
export function buildTrial(
  drill: DrillId,
  input: Float32Array[],
  sampleRate: number,
  stimulus: number,
  odd: number,
  attackThresholdDb = 0,
): TrialAudio {
  const referenceLufs = integratedLoudness(input, sampleRate);
  const count = DRILLS[drill].alternatives;
  let oddRender: OfflineRender;
  let oddParams: CompressorParams;
  let other: Alternative;
  if (drill === 'reduction') {
    const found = searchThreshold(input, sampleRate, DRILL_BASE, stimulus);
    oddRender = found.render;
    oddParams = { ...DRILL_BASE, thresholdDb: found.thresholdDb };
    other = matched(sampleRate, input, null, referenceLufs);
  } else {
    oddParams = { ...DRILL_BASE, thresholdDb: attackThresholdDb, attackMs: fastAttackMs(stimulus) };
    oddRender = renderOffline(input, sampleRate, oddParams);
    const slowParams = { ...oddParams, attackMs: ATTACK_REFERENCE_MS };
    other = matched(sampleRate, renderOffline(input, sampleRate, slowParams).output, slowParams, referenceLufs);
  }
  const oddAlternative = matched(sampleRate, oddRender.output, oddParams, referenceLufs);
  const alternatives = Array.from({ length: count }, (_, i) => (i === odd ? oddAlternative : other));
  return { alternatives, odd, oddRender, input };
}
