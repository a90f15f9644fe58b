/**
 * The time views' block summaries in WebAssembly (exported by assembly/kernel.ts, the module's entry; used through
 * src/dsp/block-extremes.ts).
 */

/**
 * src/dsp/block-extremes.ts extremesJs: the lowest and highest of each block of `block` values (a multiple of 4)
 * of the `n` f32 values at `src`, into the f32 rows `lo` and `hi`. f32x4.min/max and min/max are IEEE-754
 * minimum/maximum as Math.min/Math.max are (a NaN makes the result NaN, −0 is below +0), so the order of the
 * comparisons does not matter and the rows equal the JS's.
 */
export function blockExtremes(src: usize, n: i32, block: i32, lo: usize, hi: usize): void {
  let k: usize = 0;
  for (let start = 0; start < n; start += block) {
    const end = min(n, start + block);
    let vlo = f32x4.splat(Infinity);
    let vhi = f32x4.splat(-Infinity);
    let wlo = vlo;
    let whi = vhi;
    let i = start;
    // Two pairs of running extremes, so that consecutive min/max need not wait for each other.
    for (; i + 8 <= end; i += 8) {
      const v = v128.load(src + ((<usize>i) << 2));
      const w = v128.load(src + ((<usize>i) << 2), 16);
      vlo = f32x4.min(vlo, v);
      vhi = f32x4.max(vhi, v);
      wlo = f32x4.min(wlo, w);
      whi = f32x4.max(whi, w);
    }
    for (; i + 4 <= end; i += 4) {
      const v = v128.load(src + ((<usize>i) << 2));
      vlo = f32x4.min(vlo, v);
      vhi = f32x4.max(vhi, v);
    }
    vlo = f32x4.min(vlo, wlo);
    vhi = f32x4.max(vhi, whi);
    let l = min(min(f32x4.extract_lane(vlo, 0), f32x4.extract_lane(vlo, 1)), min(f32x4.extract_lane(vlo, 2), f32x4.extract_lane(vlo, 3)));
    let h = max(max(f32x4.extract_lane(vhi, 0), f32x4.extract_lane(vhi, 1)), max(f32x4.extract_lane(vhi, 2), f32x4.extract_lane(vhi, 3)));
    for (; i < end; i++) {
      const v = load<f32>(src + ((<usize>i) << 2));
      l = min(l, v);
      h = max(h, v);
    }
    store<f32>(lo + (k << 2), l);
    store<f32>(hi + (k << 2), h);
    k++;
  }
}
