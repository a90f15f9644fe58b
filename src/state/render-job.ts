/**
 * The loudness figures the player matches with, measured on a render of the lab's clip, and the buffers a render
 * hands over to postMessage (pure: runs in the render Worker, or inline where Workers are unavailable, and in Node
 * tests).
 */
import { dbToGain } from '../dsp/levels';
import { integratedLoudness } from '../dsp/loudness';
import { renderArrays } from '../dsp/block-extremes';
import type { OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';

/**
 * What the compressor took away: removed = dry − compressed · 10^(−makeupDb/20), per channel (make-up undone, so
 * with mix = 1 this is exactly dry · (1 − reduction gain)). The worklet's mixer forms the same signal.
 */
export function removedSignal(
  dry: readonly Float32Array[],
  compressed: readonly Float32Array[],
  makeupDb: number,
): Float32Array[] {
  const undo = dbToGain(-makeupDb);
  return dry.map((d, ch) => {
    const c = compressed[ch] ?? new Float32Array(d.length);
    const out = new Float32Array(d.length);
    for (let n = 0; n < d.length; n++) out[n] = (d[n] ?? 0) - (c[n] ?? 0) * undo;
    return out;
  });
}

/** Integrated loudness of the original (unless given), the compressed output and the removed signal, LUFS. */
export function measureLoudness(
  channels: readonly Float32Array[],
  compressed: readonly Float32Array[],
  sampleRate: number,
  makeupDb: number,
  originalLufs: number = integratedLoudness(channels, sampleRate),
): ClipLoudness {
  const compressedLufs = integratedLoudness(compressed, sampleRate);
  const removedLufs = integratedLoudness(removedSignal(channels, compressed, makeupDb), sampleRate);
  return { originalLufs, compressedLufs, removedLufs };
}

/** The ArrayBuffers of a result, for a zero-copy postMessage. */
export function transferablesOf(render: OfflineRender): ArrayBuffer[] {
  const arrays = renderArrays(render);
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}

/**
 * The loudness Worker's own copy of a render's output (the render's arrays go to the page; the loudness Worker
 * needs samples of its own to measure while the page plays and plots them).
 */
export function meterCopyOf(render: Pick<OfflineRender, 'output'>): Float32Array[] {
  return render.output.map((ch) => ch.slice());
}
