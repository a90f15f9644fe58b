/**
 * The time views' block summaries in WebAssembly (exported by assembly/kernel.ts, the module's entry; used through
 * src/dsp/block-extremes.ts).
 */

/**
 * src/dsp/block-extremes.ts extremesJs: the lowest and highest of each block of `block` values (a multiple of 4)
 * of the `n` f32 values at `src`, into the f32 rows `lo` and `hi`. The running extremes are f32x4.pmin/pmax (one
 * processor instruction each: b < a ? b : a, where the IEEE f32x4.min/max cost several to propagate a NaN), with
 * the NaNs seen kept apart (v ≠ v) and a block holding one stored as NaN; a zero extreme is stored as +0 (x + 0).
 * So, as the JS's, each row holds the block's IEEE minimum and maximum with −0 read as +0, whatever the order of the
 * comparisons.
 */
export function blockExtremes(src: usize, n: i32, block: i32, lo: usize, hi: usize): void {
  let k: usize = 0;
  for (let start = 0; start < n; start += block) {
    const end = min(n, start + block);
    let vlo = f32x4.splat(Infinity);
    let vhi = f32x4.splat(-Infinity);
    let wlo = vlo;
    let whi = vhi;
    let nan = v128.splat<i32>(0);
    let i = start;
    // Two pairs of running extremes, so that consecutive ones need not wait for each other.
    for (; i + 8 <= end; i += 8) {
      const v = v128.load(src + ((<usize>i) << 2));
      const w = v128.load(src + ((<usize>i) << 2), 16);
      vlo = f32x4.pmin(vlo, v);
      vhi = f32x4.pmax(vhi, v);
      wlo = f32x4.pmin(wlo, w);
      whi = f32x4.pmax(whi, w);
      nan = v128.or(nan, v128.or(f32x4.ne(v, v), f32x4.ne(w, w)));
    }
    for (; i + 4 <= end; i += 4) {
      const v = v128.load(src + ((<usize>i) << 2));
      vlo = f32x4.pmin(vlo, v);
      vhi = f32x4.pmax(vhi, v);
      nan = v128.or(nan, f32x4.ne(v, v));
    }
    vlo = f32x4.pmin(vlo, wlo);
    vhi = f32x4.pmax(vhi, whi);
    // Across the lanes with pmin/pmax too (no NaN in them: one seen is kept in `nan`): a scalar f32.min/max is a
    // compare and branches in V8, mispredicted on noisy audio (measured: 0.64 → 0.3 ms per 20 s channel, Node 20).
    vlo = f32x4.pmin(vlo, v128.shuffle<f32>(vlo, vlo, 2, 3, 0, 1));
    vhi = f32x4.pmax(vhi, v128.shuffle<f32>(vhi, vhi, 2, 3, 0, 1));
    vlo = f32x4.pmin(vlo, v128.shuffle<f32>(vlo, vlo, 1, 0, 3, 2));
    vhi = f32x4.pmax(vhi, v128.shuffle<f32>(vhi, vhi, 1, 0, 3, 2));
    let l = f32x4.extract_lane(vlo, 0);
    let h = f32x4.extract_lane(vhi, 0);
    for (; i < end; i++) {
      const v = load<f32>(src + ((<usize>i) << 2));
      l = min(l, v); // IEEE: a NaN here makes l and h NaN
      h = max(h, v);
    }
    if (v128.any_true(nan)) {
      l = NaN;
      h = NaN;
    }
    store<f32>(lo + (k << 2), l + 0);
    store<f32>(hi + (k << 2), h + 0);
    k++;
  }
}
