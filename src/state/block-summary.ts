/**
 * Block summaries of audio-length arrays (pure, no DOM): the lowest and highest value of every block of
 * summaryBlock samples. The render Worker's kernel makes them as it writes a render (src/dsp/compressor.ts
 * renderSummarizedSteps; the types and the piecewise fill live in src/dsp/block-extremes.ts) and they are sent with
 * it, so the time views' per-column scans read a small part of the samples: a column's extreme is the extreme of its whole blocks
 * (from the summary) and of the few samples at its two ends (read directly). The results are exactly those of a plain
 * loop over every sample: NaN is ignored by both, and a block holding a NaN is summarised as NaN and read sample by
 * sample.
 *
 * Source: the min/max ("peaks") pyramid of audio editors (e.g. audiowaveform's .dat files), one level deep.
 */
import { summarizeAll, type BlockSummary } from '../dsp/block-extremes';

export { blankSummary, summarizeRange, type BlockSummary } from '../dsp/block-extremes';

/** Arrays longer than this many samples (~87 s at 48 kHz) are summarised in 256-sample blocks. */
export const LONG_SUMMARY = 1 << 22;

/**
 * Samples per summarised block of an array of `length` samples: 64 up to LONG_SUMMARY samples (a 20 s clip's column
 * on a wide screen spans ~800 samples, so few are read directly at its ends), 256 beyond (a whole-view scan of
 * ten minutes then reads 4× fewer blocks: the views' columns span tens of thousands of samples there).
 */
export function summaryBlock(length: number): number {
  return length <= LONG_SUMMARY ? 64 : 256;
}

/** Summarise `values` in blocks of `block` samples (the last block may be shorter). */
export function summarize(values: Float32Array, block: number = summaryBlock(values.length)): BlockSummary {
  return summarizeAll(values, block);
}

const registry = new WeakMap<Float32Array, BlockSummary>();

/** Remember `summary` as the summary of `values` (ignored unless it fits the array). */
export function attachSummary(values: Float32Array, summary: BlockSummary): void {
  const fits =
    summary.block >= 1 &&
    summary.length === values.length &&
    summary.min.length === Math.ceil(values.length / summary.block) &&
    summary.max.length === summary.min.length;
  if (fits) registry.set(values, summary);
}

/** The summary attached to `values`, if any. */
export function summaryOf(values: Float32Array): BlockSummary | undefined {
  return registry.get(values);
}

/** The summary of `values`, computed and attached on first use. */
export function ensureSummary(values: Float32Array): BlockSummary {
  let summary = registry.get(values);
  if (!summary) {
    summary = summarize(values);
    registry.set(values, summary);
  }
  return summary;
}

/** The largest of `init` and values[a..b) (NaN ignored); whole blocks are read from the summary when there is one. */
export function rangeMax(values: Float32Array, a: number, b: number, init: number): number {
  return rangeExtreme(values, a, b, init, 1);
}

/** The smallest of `init` and values[a..b) (NaN ignored); whole blocks are read from the summary when there is one. */
export function rangeMin(values: Float32Array, a: number, b: number, init: number): number {
  return -rangeExtreme(values, a, b, -init, -1);
}

/**
 * The largest of `init` and sign·values[a..b) (sign = 1: the highest value; sign = −1: minus the lowest), NaN
 * ignored. Whole blocks come from the summary's max (sign 1) or min (sign −1).
 */
function rangeExtreme(values: Float32Array, a: number, b: number, init: number, sign: 1 | -1): number {
  let m = init;
  const end = Math.min(b, values.length);
  const s = registry.get(values);
  const bs = s ? s.block : 0;
  let i = a;
  if (s && Math.floor(end / bs) > Math.ceil(a / bs)) {
    const first = Math.ceil(a / bs);
    const last = Math.floor(end / bs);
    const blocks = sign === 1 ? s.max : s.min;
    for (; i < first * bs; i++) {
      const v = sign * (values[i] as number);
      if (v > m) m = v;
    }
    for (let k = first; k < last; k++) {
      const h = sign * (blocks[k] as number);
      if (h !== h) {
        for (let j = k * bs; j < (k + 1) * bs; j++) {
          const v = sign * (values[j] as number);
          if (v > m) m = v;
        }
      } else if (h > m) m = h;
    }
    i = last * bs;
  }
  for (; i < end; i++) {
    const v = sign * (values[i] as number);
    if (v > m) m = v;
  }
  return m;
}

/** How many of values[a..b) exceed `limit`; whole blocks entirely above or not above it are counted at once. */
export function rangeCountAbove(values: Float32Array, a: number, b: number, limit: number): number {
  let n = 0;
  const end = Math.min(b, values.length);
  const s = registry.get(values);
  const bs = s ? s.block : 0;
  let i = a;
  if (s && Math.floor(end / bs) > Math.ceil(a / bs)) {
    const first = Math.ceil(a / bs);
    const last = Math.floor(end / bs);
    for (; i < first * bs; i++) if ((values[i] as number) > limit) n++;
    for (let k = first; k < last; k++) {
      const h = s.max[k] as number;
      const l = s.min[k] as number;
      if (h <= limit) continue;
      if (l > limit) {
        n += bs;
        continue;
      }
      for (let j = k * bs; j < (k + 1) * bs; j++) if ((values[j] as number) > limit) n++;
    }
    i = last * bs;
  }
  for (; i < end; i++) if ((values[i] as number) > limit) n++;
  return n;
}

/** The largest of `init` and |values[a..b)| (NaN ignored): max(highest, −lowest) of whole blocks, |v| at the ends. */
export function rangePeak(values: Float32Array, a: number, b: number, init: number): number {
  let m = init;
  const end = Math.min(b, values.length);
  const s = registry.get(values);
  const bs = s ? s.block : 0;
  let i = a;
  if (s && Math.floor(end / bs) > Math.ceil(a / bs)) {
    const first = Math.ceil(a / bs);
    const last = Math.floor(end / bs);
    for (; i < first * bs; i++) {
      const v = values[i] as number;
      const p = v < 0 ? -v : v;
      if (p > m) m = p;
    }
    for (let k = first; k < last; k++) {
      const h = s.max[k] as number;
      const l = -(s.min[k] as number);
      if (h !== h) {
        for (let j = k * bs; j < (k + 1) * bs; j++) {
          const v = values[j] as number;
          const p = v < 0 ? -v : v;
          if (p > m) m = p;
        }
        continue;
      }
      if (h > m) m = h;
      if (l > m) m = l;
    }
    i = last * bs;
  }
  for (; i < end; i++) {
    const v = values[i] as number;
    const p = v < 0 ? -v : v;
    if (p > m) m = p;
  }
  return m;
}
