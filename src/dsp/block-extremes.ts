/**
 * The lowest and the highest value of each block of an audio-length array (what the time views' block summaries
 * hold: src/state/block-summary.ts). Per block the IEEE-754 minimum and maximum, as Math.min and Math.max give them,
 * with a zero extreme stored as +0: a block holding a NaN gets NaN for both, and −0 and +0 are one value (no view
 * tells them apart, and so the order of the comparisons never matters). Computed in WebAssembly where the kernel's
 * module is available (assembly/block-extremes.ts: four values per f32x4 instruction), else in JS; the two give
 * the same rows (tests/unit/dsp/block-extremes.test.ts).
 *
 * Source: IEEE 754-2019 §9.6 (minimum, maximum); WebAssembly SIMD f32x4.pmin / f32x4.pmax with the NaNs kept apart.
 */
import { createWasmExtremes, type WasmExtremes } from './kernel-wasm';

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
