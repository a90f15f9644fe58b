/**
 * The four reasons to compress, each as one measure that can be taken before and after (pure, no DOM). All four
 * are differences of levels of the same audio, so turning the whole clip up or down changes none of them: they
 * compare the original and the compressed clip as if both played at the same loudness.
 *
 *  - steadier level: the loudness range (LRA, EBU Tech 3342), the spread of short-term loudness, LU;
 *  - punch: transient over sustain, the median over the clip's loud hits (within PUNCH_HIT_RANGE_DB of the loudest; hits
 *    and onsets as in Exercise/model and CloseUp/hit-measures) of the highest sample peak in the hit’s first
 *    TRANSIENT_SPAN_MS minus the RMS level from SUSTAIN_FROM_MS to SUSTAIN_TO_MS after the onset (or to the next hit), dB;
 *  - no clipping: the peak to loudness ratio (PLR), highest sample peak (dBFS) minus integrated loudness (LUFS):
 *    the room a clip needs above its loudness, so at the same loudness a lower PLR keeps peaks further from 0 dBFS;
 *  - space and depth: quiet detail below the peak, the highest sample peak minus the quiet level (the QUIET_PERCENTILE
 *    of the levels of QUIET_BLOCK_MS blocks, silent blocks left out), dB: lower means the quiet moments between
 *    events come up relative to the peaks.
 */
import { integratedLoudness, loudnessRange } from '../../dsp/loudness';
import { gainToDb, powerToDb } from '../../dsp/levels';
import type { OfflineRender } from '../../dsp/types';
import { findHits } from '../Exercise/model';
import { hitOnset, median, rangeLevelDb } from '../CloseUp/hit-measures';
import { highestPeak } from './measures';

export { REASON_NAMES } from './reason-names';

export const TRANSIENT_SPAN_MS = 10;
export const SUSTAIN_FROM_MS = 30;
export const SUSTAIN_TO_MS = 100;
export const PUNCH_HIT_RANGE_DB = 12;
export const QUIET_BLOCK_MS = 50;
export const QUIET_PERCENTILE = 0.1;
/** Blocks quieter than this are silence, not detail, dBFS. */
export const SILENCE_DB = -70;

export interface ReasonMeasures {
  /** Loudness range, LU. */
  loudnessRangeLu: number;
  /** Median transient over sustain, dB (NaN when the clip has no hits). */
  transientOverSustainDb: number;
  /** Highest sample peak, dBFS. */
  peakDb: number;
  /** Integrated loudness, LUFS. */
  loudnessLufs: number;
  /** peakDb − loudnessLufs, dB. */
  peakToLoudnessDb: number;
  /** peakDb − quiet level, dB. */
  quietBelowPeakDb: number;
}

/** The QUIET_PERCENTILE of the levels of QUIET_BLOCK_MS blocks (all channels together) above SILENCE_DB, dBFS. */
export function quietLevelDb(channels: readonly Float32Array[], sampleRate: number): number {
  const block = Math.max(1, Math.round((QUIET_BLOCK_MS / 1000) * sampleRate));
  const length = channels[0]?.length ?? 0;
  const levels: number[] = [];
  for (let a = 0; a + block <= length; a += block) {
    let sum = 0;
    for (const ch of channels) for (let i = a; i < a + block; i++) sum += (ch[i] as number) ** 2;
    const level = powerToDb(sum / (block * channels.length));
    if (level > SILENCE_DB) levels.push(level);
  }
  if (levels.length === 0) return -Infinity;
  levels.sort((x, y) => x - y);
  return levels[Math.floor((levels.length - 1) * QUIET_PERCENTILE)] as number;
}

/** Onsets of the clip's loud hits (found on the original, so before and after measure the same moments). */
export function hitOnsets(
  input: readonly Float32Array[],
  render: Pick<OfflineRender, 'detectorDb' | 'sampleRate'>,
): number[] {
  const hits = findHits(input, render);
  const loudest = Math.max(...hits.map((h) => h.peakDb));
  return hits.filter((h) => h.peakDb >= loudest - PUNCH_HIT_RANGE_DB).map((h) => hitOnset(input, h, render.sampleRate));
}

/** Median transient over sustain of `channels` at the given onsets, dB (NaN without hits). */
export function transientOverSustainDb(
  channels: readonly Float32Array[],
  onsets: readonly number[],
  sampleRate: number,
): number {
  const ms = (t: number): number => Math.round((t / 1000) * sampleRate);
  const length = channels[0]?.length ?? 0;
  const values = onsets.map((onset, k) => {
    const transient = gainToDb(highestPeak(channels, onset, Math.min(length, onset + ms(TRANSIENT_SPAN_MS))));
    const end = Math.min(onset + ms(SUSTAIN_TO_MS), onsets[k + 1] ?? Infinity, length);
    return transient - rangeLevelDb(channels, onset + ms(SUSTAIN_FROM_MS), end);
  });
  return median(values.filter(Number.isFinite));
}

/** The four measures of one clip (the original or the compressed one) at the given hit onsets. */
export function measureReasons(
  channels: readonly Float32Array[],
  sampleRate: number,
  onsets: readonly number[],
): ReasonMeasures {
  const length = channels[0]?.length ?? 0;
  const peakDb = gainToDb(highestPeak(channels, 0, length));
  const loudnessLufs = integratedLoudness(channels, sampleRate);
  return {
    loudnessRangeLu: loudnessRange(channels, sampleRate),
    transientOverSustainDb: transientOverSustainDb(channels, onsets, sampleRate),
    peakDb,
    loudnessLufs,
    peakToLoudnessDb: peakDb - loudnessLufs,
    quietBelowPeakDb: peakDb - quietLevelDb(channels, sampleRate),
  };
}

export interface ReasonsBeforeAfter {
  before: ReasonMeasures;
  after: ReasonMeasures;
  /** The hit onsets both were measured at, samples. */
  onsets: readonly number[];
}

const beforeCache = new WeakMap<readonly Float32Array[], { onsets: number[]; before: ReasonMeasures }>();

/**
 * The four measures of the original and of its compressed render. The original's are cached per clip (hit
 * onsets depend on the original alone: findHits reads the detector only for levels, never for positions).
 */
export function reasonsBeforeAfter(
  input: readonly Float32Array[],
  render: Pick<OfflineRender, 'output' | 'detectorDb' | 'sampleRate'>,
): ReasonsBeforeAfter {
  let cached = beforeCache.get(input);
  if (!cached) {
    const onsets = hitOnsets(input, render);
    cached = { onsets, before: measureReasons(input, render.sampleRate, onsets) };
    beforeCache.set(input, cached);
  }
  return {
    before: cached.before,
    after: measureReasons(render.output, render.sampleRate, cached.onsets),
    onsets: cached.onsets,
  };
}
