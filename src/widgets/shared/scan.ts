/**
 * Tight loops over audio-length arrays, shared by the widget models: per-column extremes and maxima for the time
 * views, block peaks for the measured transfer curve, and the maximum of a whole array. Plain indexed loops over
 * typed arrays (what V8 optimises best), results written into preallocated typed arrays, and caches keyed by the
 * arrays themselves, so a clip's input-side numbers are computed once however often the settings change. Where an
 * array has a block summary (src/state/block-summary.ts; the render Worker sends one with every render) whole blocks are read
 * from it, with identical results.
 */
import { rangeCountAbove, rangeMax, rangeMin, rangePeak } from '../../state/block-summary';

/** Start sample of column c when [from, to) is split into `count` columns. */
export function columnStart(from: number, to: number, count: number, c: number): number {
  return from + Math.floor(((to - from) * c) / count);
}

/** Per column, the lowest and highest sample over all channels. */
export function columnExtremes(
  channels: readonly Float32Array[],
  from: number,
  to: number,
  count: number,
): { min: Float32Array; max: Float32Array } {
  const min = new Float32Array(count).fill(Infinity);
  const max = new Float32Array(count).fill(-Infinity);
  for (const ch of channels) {
    for (let c = 0; c < count; c++) {
      const a = columnStart(from, to, count, c);
      const b = Math.max(a + 1, columnStart(from, to, count, c + 1));
      min[c] = rangeMin(ch, a, b, min[c] as number);
      max[c] = rangeMax(ch, a, b, max[c] as number);
    }
  }
  for (let c = 0; c < count; c++) {
    if (!((min[c] as number) <= (max[c] as number))) {
      min[c] = 0;
      max[c] = 0;
    }
  }
  return { min, max };
}

/** Per column, the largest |sample| over all channels. */
export function columnPeaks(channels: readonly Float32Array[], from: number, to: number, count: number): Float32Array {
  const out = new Float32Array(count);
  for (const ch of channels) {
    for (let c = 0; c < count; c++) {
      const a = columnStart(from, to, count, c);
      const b = Math.max(a + 1, columnStart(from, to, count, c + 1));
      out[c] = rangePeak(ch, a, b, out[c] as number);
    }
  }
  return out;
}

/** Per column, the largest value of one array (floor for empty columns). */
export function columnMax(values: Float32Array, from: number, to: number, count: number, floor: number): Float32Array {
  const out = new Float32Array(count);
  for (let c = 0; c < count; c++) {
    const a = columnStart(from, to, count, c);
    const b = Math.min(values.length, Math.max(a + 1, columnStart(from, to, count, c + 1)));
    out[c] = rangeMax(values, a, b, floor);
  }
  return out;
}

/** How many values in [from, to) exceed `limit`. */
export function countAbove(values: Float32Array, from: number, to: number, limit: number): number {
  return rangeCountAbove(values, from, to, limit);
}

const maxCache = new WeakMap<Float32Array, number>();

/** The largest value of an array (0 when empty or all negative), cached per array. */
export function maxOf(values: Float32Array): number {
  const cached = maxCache.get(values);
  if (cached !== undefined) return cached;
  const m = rangeMax(values, 0, values.length, 0);
  maxCache.set(values, m);
  return m;
}

export { blockPeaks } from '../../state/block-peaks';

const columnCache = new WeakMap<Float32Array, Map<string, unknown>>();

/** Memoises a per-column result of `channels` (by first channel and range); keeps the 4 latest per array. */
export function cachedColumns<T>(channels: readonly Float32Array[], tag: string, compute: () => T): T {
  const key = channels[0];
  if (!key) return compute();
  const map = columnCache.get(key) ?? new Map<string, unknown>();
  columnCache.set(key, map);
  if (map.has(tag)) return map.get(tag) as T;
  const value = compute();
  map.set(tag, value);
  if (map.size > 4) map.delete(map.keys().next().value as string);
  return value;
}
