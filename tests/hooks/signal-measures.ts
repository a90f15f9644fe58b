/** Measures used by the in-browser checks and the benchmark (pure). */

/** Largest |x[n] − x[n−1]| for n in [from, to). Source: the sample-to-sample step used as the click/zipper measure. */
export function maxStep(x: Float32Array, from = 1, to = x.length): number {
  let best = 0;
  const start = Math.max(1, from);
  const end = Math.min(x.length, to);
  for (let n = start; n < end; n++) {
    const d = Math.abs((x[n] ?? 0) - (x[n - 1] ?? 0));
    if (d > best) best = d;
  }
  return best;
}

/** Largest |a[n + offsetA] − b[n]| over the b frames that a covers. */
export function maxAbsDiff(a: Float32Array, b: Float32Array, offsetA = 0): number {
  let best = 0;
  const frames = Math.min(b.length, a.length - offsetA);
  for (let n = 0; n < frames; n++) {
    const d = Math.abs((a[n + offsetA] ?? 0) - (b[n] ?? 0));
    if (d > best) best = d;
  }
  return best;
}

/** Largest |x[n]|. */
export function peakAbs(x: Float32Array): number {
  let best = 0;
  for (let n = 0; n < x.length; n++) {
    const v = Math.abs(x[n] ?? 0);
    if (v > best) best = v;
  }
  return best;
}

/** Median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

/**
 * Zipper measure for a gain-modulated sine: over windows of `windowFrames`, the largest step divided by what a
 * smoothly scaled sine would give there (the sine's own largest step × the window's peak / the sine's peak).
 * 1 for a clean gain glide; a gain jump of Δg at amplitude A adds about Δg·A/(ω·A·g) to it.
 */
export function maxLocalStepRatio(out: Float32Array, sineStep: number, sinePeak: number, windowFrames: number): number {
  let worst = 0;
  for (let start = 1; start + windowFrames <= out.length; start += windowFrames) {
    const window = out.subarray(start - 1, start + windowFrames);
    const peak = peakAbs(window);
    if (peak < 1e-4 * sinePeak) continue;
    const ratio = maxStep(window) / ((sineStep * peak) / sinePeak);
    if (ratio > worst) worst = ratio;
  }
  return worst;
}
