/**
 * The "match the compressor" score (pure): how far the learner's output is from the hidden setting's output,
 * as a level difference in dB over time, and the partial credit that difference earns.
 *
 * Both outputs are cut into short blocks; each block's level is its mean square over all channels, in dB. The
 * error is the RMS over blocks of (learner − hidden), counting only blocks where the hidden output is within
 * `GATE_DB` of its loudest block (silence and the tails of notes would otherwise swamp it).
 * Source: the level of a block is 10·log10(mean square) (IEC 61672 "equivalent level" over the block).
 */
import { powerToDb } from '../../dsp/levels';

/** Block length for the short-term levels, ms. */
export const BLOCK_MS = 50;
/**
 * Blocks quieter than the hidden output's loudest block by more than this are ignored, dB: the score looks where
 * a compressor acts (the loud moments), not at quiet passages that no setting in the game changes.
 */
export const GATE_DB = 20;
/**
 * A match this close (dB RMS) earns full credit, and one this far off earns none; credit falls linearly in
 * between. On the shipped clips (4 s excerpts, hidden threshold 20 dB under the peak, ratio 4), a threshold 1 dB
 * off or the ratio one step off is about 0.5 dB, 3 dB off about 1.5 dB, no compression at all 3 to 6.5 dB.
 */
export const FULL_CREDIT_DB = 0.25;
export const NO_CREDIT_DB = 3;

/** Level of each `blockMs` block (mean square over all channels), dB; the last partial block is dropped. */
export function shortTermLevelsDb(
  channels: readonly Float32Array[],
  sampleRate: number,
  blockMs = BLOCK_MS,
): Float64Array {
  const frames = channels[0]?.length ?? 0;
  const size = Math.max(1, Math.round((blockMs / 1000) * sampleRate));
  const count = Math.floor(frames / size);
  const levels = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    let sum = 0;
    for (const ch of channels) {
      for (let i = b * size; i < (b + 1) * size; i++) {
        const x = ch[i] ?? 0;
        sum += x * x;
      }
    }
    levels[b] = powerToDb(sum / (size * channels.length));
  }
  return levels;
}

/** RMS over the gated blocks of the level difference learner − hidden, dB (0 when nothing passes the gate). */
export function matchErrorDb(
  learner: readonly Float32Array[],
  hidden: readonly Float32Array[],
  sampleRate: number,
): number {
  const a = shortTermLevelsDb(learner, sampleRate);
  const h = shortTermLevelsDb(hidden, sampleRate);
  const n = Math.min(a.length, h.length);
  let loudest = -Infinity;
  for (let i = 0; i < n; i++) loudest = Math.max(loudest, h[i] ?? -Infinity);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const hi = h[i] ?? -Infinity;
    if (!(hi >= loudest - GATE_DB) || !Number.isFinite(hi)) continue;
    const d = Math.max(-120, a[i] ?? -Infinity) - hi;
    sum += d * d;
    count++;
  }
  return count > 0 ? Math.sqrt(sum / count) : 0;
}

/** Partial credit for an error, 0..1: full at ≤ 0.25 dB, none at ≥ 3 dB, linear in between. */
export function matchCredit(errorDb: number): number {
  if (!(errorDb > FULL_CREDIT_DB)) return 1;
  if (errorDb >= NO_CREDIT_DB) return 0;
  return (NO_CREDIT_DB - errorDb) / (NO_CREDIT_DB - FULL_CREDIT_DB);
}

/** The score in words, true for the error it describes. */
export function describeMatch(errorDb: number): string {
  const credit = Math.round(matchCredit(errorDb) * 100);
  const off = `Your version differs from the hidden one by ${errorDb.toFixed(1)} dB on average (RMS of the level difference)`;
  if (credit === 100) return `${off}: a match. Score 100 %.`;
  if (credit >= 60) return `${off}: close. Score ${credit} %.`;
  if (credit > 0) return `${off}: partly there. Score ${credit} %.`;
  return `${off}: not yet close. Score 0 %.`;
}
