/**
 * The lowest and the highest value of each block of an audio-length array (what the time views' block summaries
 * hold: src/state/block-summary.ts; the types and the piecewise fill are here, so the kernel can fill a render's
 * summaries as it writes the render: kernel-block-wasm.ts). Per block the IEEE-754 minimum and maximum, as Math.min and Math.max give them,
 * with a zero extreme stored as +0: a block holding a NaN gets NaN for both, and −0 and +0 are one value (no view
 * tells them apart, and so the order of the comparisons never matters). Computed in WebAssembly where the kernel's
 * module is available (assembly/block-extremes.ts: four values per f32x4 instruction), else in JS; the two give
 * the same rows (tests/unit/dsp/block-extremes.test.ts).
 *
 * Source: IEEE 754-2019 §9.6 (minimum, maximum); WebAssembly SIMD f32x4.pmin / f32x4.pmax with the NaNs kept apart.
 */
import { createWasmExtremes, type WasmExtremes } from './kernel-wasm';
import type { OfflineRender } from './types';

/** Values copied into the WebAssembly memory at a time (256 KB; a multiple of every block size used). */
const CHUNK = 1 << 16;

/** The extremes of each `block` values of `values` into lo and hi (ceil(length / block) each), in JS. */
export function extremesJs(values: Float32Array, block: number, lo: Float32Array, hi: Float32Array): void {
  const n = values.length;
  for (let k = 0, start = 0; start < n; k++, start += block) {
    const end = Math.min(n, start + block);
    let l = Infinity;
    let h = -Infinity;
    for (let i = start; i < end; i++) {
      const v = values[i] as number;
      l = Math.min(l, v);
      h = Math.max(h, v);
    }
    lo[k] = l + 0; // −0 + 0 = +0
    hi[k] = h + 0;
  }
}

/** The lowest and highest value of every block of `block` samples of an array of `length` samples. */
export interface BlockSummary {
  /** Samples per block. */
  block: number;
  /** Length of the summarised array, samples. */
  length: number;
  /** Per block, the lowest and the highest value (NaN when the block holds a NaN). */
  min: Float32Array;
  max: Float32Array;
}

/** The summaries of every per-sample array of an offline render (types.ts OfflineRender). */
export interface RenderSummaries {
  output: BlockSummary[];
  detectorDb: BlockSummary;
  targetReductionDb: BlockSummary;
  appliedReductionDb: BlockSummary;
}

/** A render's per-sample arrays in the order of its summaries: output channels, detector, target, applied. */
export function renderArrays(
  render: Pick<OfflineRender, 'output' | 'detectorDb' | 'targetReductionDb' | 'appliedReductionDb'>,
): Float32Array[] {
  return [...render.output, render.detectorDb, render.targetReductionDb, render.appliedReductionDb];
}

/** The summaries in the same order as renderArrays. */
export function summaryList(sums: RenderSummaries): BlockSummary[] {
  return [...sums.output, sums.detectorDb, sums.targetReductionDb, sums.appliedReductionDb];
}

/** The summaries of a render with `outputs` channels from one summary per array, in renderArrays' order. */
export function renderSummariesOf(outputs: number, each: readonly BlockSummary[]): RenderSummaries {
  const at = (i: number): BlockSummary => {
    const s = each[i];
    if (!s) throw new Error('a summary is missing');
    return s;
  };
  return {
    output: each.slice(0, outputs),
    detectorDb: at(outputs),
    targetReductionDb: at(outputs + 1),
    appliedReductionDb: at(outputs + 2),
  };
}

/** The summary of the whole of `values` in blocks of `block` (the last block may be shorter). */
export function summarizeAll(values: Float32Array, block: number): BlockSummary {
  const summary = blankSummary(values.length, block);
  extremes(values, block, summary.min, summary.max);
  return summary;
}

/** A summary of an array of `length` values in blocks of `block`, its blocks still to be filled. */
export function blankSummary(length: number, block: number): BlockSummary {
  const count = Math.ceil(length / block);
  return { block, length, min: new Float32Array(count), max: new Float32Array(count) };
}

/**
 * Fill the blocks of values[start, end) into `summary` (`start` a multiple of its block; `end` one too, or the
 * array's end), as extremes does for the whole array: summarising an array piece by piece gives its summary.
 */
export function summarizeRange(values: Float32Array, start: number, end: number, summary: BlockSummary): void {
  const b = summary.block;
  if (start % b !== 0 || (end % b !== 0 && end !== values.length)) throw new RangeError('not on block boundaries');
  extremes(values.subarray(start, end), b, summary.min.subarray(start / b), summary.max.subarray(start / b));
}

let wasm: WasmExtremes | null | undefined;

/** As extremesJs, in WebAssembly when it is available and `block` is a multiple of 4 dividing CHUNK. */
export function extremes(values: Float32Array, block: number, lo: Float32Array, hi: Float32Array): void {
  if (wasm === undefined) wasm = createWasmExtremes(CHUNK);
  const w = wasm;
  if (w === null || block % 4 !== 0 || CHUNK % block !== 0) {
    extremesJs(values, block, lo, hi);
    return;
  }
  for (let start = 0; start < values.length; start += CHUNK) {
    const n = Math.min(CHUNK, values.length - start);
    w.src.set(values.subarray(start, start + n));
    w.run(n, block);
    const blocks = Math.ceil(n / block);
    const at = start / block;
    lo.set(w.lo.subarray(0, blocks), at);
    hi.set(w.hi.subarray(0, blocks), at);
  }
}
