/**
 * Block peaks (pure, no DOM): the highest |sample| over all channels in consecutive blocks, as the measured
 * transfer curve reads them (measured-transfer.ts), cached per array so a clip's own peaks are computed once.
 */
import { rangePeak } from './block-summary';

/** Length of a measured-transfer block, s (10 ms). */
export const PEAK_BLOCK_S = 0.01;

/** Samples per measured-transfer block at `sampleRate`. */
export function peakBlockSize(sampleRate: number): number {
  return Math.max(1, Math.round(PEAK_BLOCK_S * sampleRate));
}

const cache = new WeakMap<Float32Array, Map<number, Float32Array>>();
const cacheKey = (length: number, blockSize: number): number => blockSize * 1e9 + length;

/** Remember `peaks` as blockPeaks(channels, length, blockSize) (ignored unless it has the right count). */
function attachBlockPeaks(
  channels: readonly Float32Array[],
  length: number,
  blockSize: number,
  peaks: Float32Array,
): void {
  const key = channels[0];
  if (!key || peaks.length !== Math.floor(length / blockSize)) return;
  const perSize = cache.get(key) ?? new Map<number, Float32Array>();
  perSize.set(cacheKey(length, blockSize), peaks);
  cache.set(key, perSize);
}

/** Peak |sample| over all channels in consecutive blocks of `blockSize` samples; cached per first channel. */
export function blockPeaks(channels: readonly Float32Array[], length: number, blockSize: number): Float32Array {
  const cached = channels[0] ? cache.get(channels[0])?.get(cacheKey(length, blockSize)) : undefined;
  if (cached) return cached;
  const count = Math.floor(length / blockSize);
  const out = new Float32Array(count);
  for (const ch of channels) {
    for (let b = 0; b < count; b++) out[b] = rangePeak(ch, b * blockSize, (b + 1) * blockSize, out[b] as number);
  }
  attachBlockPeaks(channels, length, blockSize, out);
  return out;
}
