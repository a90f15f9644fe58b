/**
 * Pure: the make-up exercise. The learner matches the compressed sound to the original by ear with make-up gain
 * (loudness matching off, the ΔLU readout hidden); the check then reveals the measured difference.
 *
 * Source: ITU-R BS.1770-4 integrated loudness (src/dsp/loudness.ts) of the render and of the original; the
 * difference is ΔLU as the player defines it (src/audio/matching.ts deltaLu: compressed − original).
 */
import type { OfflineRender } from '../../dsp/types';
import { integratedLoudness } from '../../dsp/loudness';
import { deltaLu, type ClipLoudness } from '../../audio/matching';
import { signed } from '../Player/model';
import { formatDbShort } from '../shared/describe';
import type { Feedback } from './model';

/** How close by ear counts as matched, LU (about the smallest loudness step most listeners notice). */
export const MATCH_TOLERANCE_LU = 1;

/** Integrated loudness of each original clip, measured once (keyed by its first channel, which a clip never changes). */
const originals = new WeakMap<Float32Array, number>();

function originalLoudness(original: readonly Float32Array[], sampleRate: number): number {
  const key = original[0];
  const known = key ? originals.get(key) : undefined;
  if (known !== undefined) return known;
  const lufs = integratedLoudness(original, sampleRate);
  if (key) originals.set(key, lufs);
  return lufs;
}

/** ΔLU of a render against its original (null for silence). */
export function measuredDeltaLu(
  original: readonly Float32Array[],
  render: Pick<OfflineRender, 'output' | 'sampleRate'>,
): number | null {
  const originalLufs = originalLoudness(original, render.sampleRate);
  const compressedLufs = integratedLoudness(render.output, render.sampleRate);
  return deltaLu({ originalLufs, compressedLufs, removedLufs: Number.NaN });
}

/**
 * ΔLU of `render`: from the loudness the lab's Worker measured, when it was measured on this very render (the same
 * BS.1770 figures of the same samples), so a check after the renders pause costs the page nothing; measured here
 * otherwise (a check during a drag, before the Worker's measurement of the render shown).
 */
export function renderDeltaLu(
  original: readonly Float32Array[],
  render: Pick<OfflineRender, 'output' | 'sampleRate'>,
  measured: { loudness: ClipLoudness | null; of: unknown },
): number | null {
  return measured.loudness && measured.of === render ? deltaLu(measured.loudness) : measuredDeltaLu(original, render);
}

export function checkLoudnessMatch(
  delta: number | null,
  makeupDb: number,
  clipTitle: string,
  toleranceLu = MATCH_TOLERANCE_LU,
): Feedback {
  if (delta === null) return { verdict: 'none', message: 'The clip is still loading; try again in a moment.' };
  const size = Math.abs(delta).toFixed(1);
  const measured = `With ${formatDbShort(makeupDb)} of make-up gain, the compressed “${clipTitle}” measures ΔLU ${signed(delta)}`;
  if (Math.abs(delta) <= toleranceLu) {
    return {
      verdict: 'good',
      message: `Yes: ${measured} — within ${toleranceLu} LU of the original, as good as a careful ear gets.`,
    };
  }
  return delta < 0
    ? {
        verdict: 'too-little',
        message: `${measured}: still ${size} LU quieter than the original. Raise the make-up gain and listen again.`,
      }
    : {
        verdict: 'too-much',
        message: `${measured}: ${size} LU louder than the original. Lower the make-up gain and listen again.`,
      };
}
