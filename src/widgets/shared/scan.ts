/**
 * Tight loops over audio-length arrays, shared by the widget models: per-column extremes and maxima for the time
 * views, block peaks for the measured transfer curve, and the maximum of a whole array. Plain indexed loops over
 * typed arrays (what V8 optimises best), results written into preallocated typed arrays, and caches keyed by the
 * arrays themselves, so a clip's input-side numbers are computed once however often the settings change.
 */

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
      let lo = min[c] as number;
      let hi = max[c] as number;
      for (let i = a; i < b; i++) {
        const v = ch[i] as number;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      min[c] = lo;
      max[c] = hi;
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
      let peak = out[c] as number;
      for (let i = a; i < b; i++) {
        const v = ch[i] as number;
        const m = v < 0 ? -v : v;
        if (m > peak) peak = m;
      }
      out[c] = peak;
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
    let m = floor;
    for (let i = a; i < b; i++) {
      const v = values[i] as number;
      if (v > m) m = v;
    }
    out[c] = m;
  }
  return out;
}

/** How many values in [from, to) exceed `limit`. */
export function countAbove(values: Float32Array, from: number, to: number, limit: number): number {
  let n = 0;
  const end = Math.min(to, values.length);
  for (let i = from; i < end; i++) if ((values[i] as number) > limit) n++;
  return n;
}

const maxCache = new WeakMap<Float32Array, number>();

/** The largest value of an array (0 when empty or all negative), cached per array. */
export function maxOf(values: Float32Array): number {
  const cached = maxCache.get(values);
  if (cached !== undefined) return cached;
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > m) m = v;
  }
  maxCache.set(values, m);
  return m;
}

const blockCache = new WeakMap<Float32Array, Map<number, Float32Array>>();

/** Peak |sample| over all channels in consecutive blocks of `blockSize` samples; cached per first channel. */
export function blockPeaks(channels: readonly Float32Array[], length: number, blockSize: number): Float32Array {
  const key = channels[0];
  const cached = key ? blockCache.get(key)?.get(blockSize * 1e9 + length) : undefined;
  if (cached) return cached;
  const count = Math.floor(length / blockSize);
  const out = new Float32Array(count);
  for (const ch of channels) {
    for (let b = 0; b < count; b++) {
      let peak = out[b] as number;
      const end = (b + 1) * blockSize;
      for (let i = b * blockSize; i < end; i++) {
        const v = ch[i] as number;
        const m = v < 0 ? -v : v;
        if (m > peak) peak = m;
      }
      out[b] = peak;
    }
  }
  if (key) {
    const perSize = blockCache.get(key) ?? new Map<number, Float32Array>();
    perSize.set(blockSize * 1e9 + length, out);
    blockCache.set(key, perSize);
  }
  return out;
}

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
