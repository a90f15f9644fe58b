/**
 * AssemblyScript source of the kernel's WebAssembly block (src/dsp/kernel-wasm.ts loads it; `npm run wasm` builds
 * it into src/dsp/kernel-wasm-bytes.ts). One function, blockLinked2: a whole linked stereo block with settled
 * parameters and no delay cross-fade, the common case, in ONE loop per frame (detect, level, gain computer,
 * ballistics, gain, apply), so the two serial chains (mean square, ballistics) overlap with the rest.
 *
 * It computes exactly what the JS passes compute (kernel-detect.ts, kernel-block.ts, kernel-apply.ts) with the
 * formulas of src/dsp/formulas.ts, gain-computer.ts and fast-math.ts, each IEEE-754 double operation in the same
 * order (WebAssembly neither fuses nor reassociates), on the same tables (copied in by kernel-wasm.ts): the output,
 * meters and traces are bit-identical (tests/unit/dsp/kernel-wasm.test.ts).
 *
 * Memory (imported): the fast-math tables at TABLES (POW2 2201 doubles, LN_C, INV_C, EXP2_FRAC 256 each), then
 * the kernel's own areas, whose byte offsets the caller passes.
 */

// Byte offsets of the fast-math tables (kernel-wasm.ts writes them in this order).
const POW2: usize = 0;
const LN_C: usize = 2201 << 3;
const INV_C: usize = LN_C + (256 << 3);
const EXP2_FRAC: usize = INV_C + (256 << 3);

/** fast-math.ts fastLn. */
// @ts-ignore: decorator
@inline
function fastLn(p: f64): f64 {
  const hi = <i32>(reinterpret<i64>(p) >> 32);
  const e = (hi >> 20) - 1023;
  const j = (hi >> 12) & 255;
  const u = p * load<f64>(POW2 + ((<usize>(1100 - e)) << 3)) * load<f64>(INV_C + ((<usize>j) << 3)) - 1.0;
  const lnU = u * (1.0 - u * (0.5 - u * (1.0 / 3.0 - u * 0.25)));
  return <f64>e * 0.6931471805599453 + load<f64>(LN_C + ((<usize>j) << 3)) + lnU;
}

/** fast-math.ts fastExp. */
// @ts-ignore: decorator
@inline
function fastExp(x: f64): f64 {
  const kf = Math.floor(x * 369.3299304675746);
  const r = x - kf * 0.0027076061740622863;
  const er = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0))));
  // kf is a whole number well inside ±2^31: adding 1.5·2^52 puts it, two's complement, in the low bits (as
  // i32(kf), without the range checks of a float-to-integer conversion).
  const k = <i32>reinterpret<i64>(kf + 6755399441055744.0);
  return load<f64>(POW2 + ((<usize>(1100 + (k >> 8))) << 3)) * load<f64>(EXP2_FRAC + ((<usize>(k & 255)) << 3)) * er;
}

/** formulas.ts levelDb. */
// @ts-ignore: decorator
@inline
function levelDb(power: f64): f64 {
  return 4.3429448190325175 * fastLn(select<f64>(power, 1e-12, power > 1e-12));
}

/**
 * gain-computer.ts reductionDb, without branches (a level moving through the knee would mispredict them): the
 * three pieces are each computed as there, and the one the JS returns is selected.
 */
// @ts-ignore: decorator
@inline
function reductionDb(xDb: f64, thresholdDb: f64, kneeDb: f64, slope: f64): f64 {
  const over = xDb - thresholdDb;
  const twice = over + over;
  const u = over + 0.5 * kneeDb;
  const inKnee = (slope * u * u) / (2 * kneeDb);
  return select<f64>(0, select<f64>(inKnee, slope * over, twice < kneeDb), twice <= -kneeDb);
}

/**
 * c ? a : b without a branch, for conditions that follow the signal (V8 compiles a float select to a branch,
 * which such a condition mispredicts about half the time): the bits of a or b through a mask.
 */
// @ts-ignore: decorator
@inline
function pick(a: f64, b: f64, c: bool): f64 {
  const m = -(<i64>c);
  return reinterpret<f64>((reinterpret<i64>(a) & m) | (reinterpret<i64>(b) & ~m));
}

/** Two doubles from a table: base[i0], base[i1]. */
// @ts-ignore: decorator
@inline
function gather(base: usize, i0: i32, i1: i32): v128 {
  return v128.load64_lane(base + ((<usize>i1) << 3), v128.load64_zero(base + ((<usize>i0) << 3)), 1);
}

/** levelDb of two powers at once (f64x2): each lane computed exactly as levelDb. */
// @ts-ignore: decorator
@inline
function levelDb2(power: v128): v128 {
  const floor = f64x2.splat(1e-12);
  const p = f64x2.pmax(floor, power); // power > 1e-12 ? power : 1e-12
  const hi0 = <i32>(i64x2.extract_lane(p, 0) >> 32);
  const hi1 = <i32>(i64x2.extract_lane(p, 1) >> 32);
  const e0 = (hi0 >> 20) - 1023;
  const e1 = (hi1 >> 20) - 1023;
  const j0 = (hi0 >> 12) & 255;
  const j1 = (hi1 >> 12) & 255;
  const one = f64x2.splat(1.0);
  const u = f64x2.sub(f64x2.mul(f64x2.mul(p, gather(POW2, 1100 - e0, 1100 - e1)), gather(INV_C, j0, j1)), one);
  let poly = f64x2.sub(f64x2.splat(1.0 / 3.0), f64x2.mul(u, f64x2.splat(0.25)));
  poly = f64x2.sub(f64x2.splat(0.5), f64x2.mul(u, poly));
  poly = f64x2.sub(one, f64x2.mul(u, poly));
  const lnU = f64x2.mul(u, poly);
  const e = f64x2.convert_low_i32x4_s(i32x4.replace_lane(i32x4.splat(e0), 1, e1));
  const ln = f64x2.add(f64x2.add(f64x2.mul(e, f64x2.splat(0.6931471805599453)), gather(LN_C, j0, j1)), lnU);
  return f64x2.mul(f64x2.splat(4.3429448190325175), ln);
}

/** reductionDb of two levels at once (f64x2), each lane as reductionDb. */
// @ts-ignore: decorator
@inline
function reductionDb2(xDb: v128, thresholdDb: f64, kneeDb: f64, slope: f64): v128 {
  const w = f64x2.splat(kneeDb);
  const s = f64x2.splat(slope);
  const over = f64x2.sub(xDb, f64x2.splat(thresholdDb));
  const twice = f64x2.add(over, over);
  const u = f64x2.add(over, f64x2.splat(0.5 * kneeDb));
  const inKnee = f64x2.div(f64x2.mul(f64x2.mul(s, u), u), f64x2.splat(2 * kneeDb));
  const r = v128.bitselect(inKnee, f64x2.mul(s, over), f64x2.lt(twice, w));
  return v128.andnot(r, f64x2.le(twice, f64x2.neg(w)));
}

/** outputGain of two applied reductions at once (f64x2), each lane as formulas.ts outputGain with fastExp. */
// @ts-ignore: decorator
@inline
function outputGain2(makeupDb: f64, applied: v128, mix: f64, mixRest: f64): v128 {
  const x = f64x2.mul(f64x2.sub(f64x2.splat(makeupDb), applied), f64x2.splat(0.11512925464970229));
  const kf = f64x2.floor(f64x2.mul(x, f64x2.splat(369.3299304675746)));
  const r = f64x2.sub(x, f64x2.mul(kf, f64x2.splat(0.0027076061740622863)));
  const one = f64x2.splat(1.0);
  let er = f64x2.add(f64x2.splat(1.0 / 6.0), f64x2.mul(r, f64x2.splat(1.0 / 24.0)));
  er = f64x2.add(f64x2.splat(0.5), f64x2.mul(r, er));
  er = f64x2.add(one, f64x2.mul(r, er));
  er = f64x2.add(one, f64x2.mul(r, er));
  const kb = f64x2.add(kf, f64x2.splat(6755399441055744.0));
  const k0 = i32x4.extract_lane(kb, 0);
  const k1 = i32x4.extract_lane(kb, 2);
  const pow = gather(POW2, 1100 + (k0 >> 8), 1100 + (k1 >> 8));
  const e = f64x2.mul(f64x2.mul(pow, gather(EXP2_FRAC, k0 & 255, k1 & 255)), er);
  return f64x2.add(f64x2.mul(f64x2.splat(mix), e), f64x2.splat(mixRest));
}

/** kernel-state.ts BLOCK_FRAMES: requests are worked through in blocks of at most this many frames. */
const BLOCK_FRAMES = 256;

// Offsets of the state doubles (kernel-wasm.ts STATE_*): read at the start, written back at the end.
const MA = 0;
const MB = 8;
const Y = 16;
const IN_PEAK = 24;
const OUT_PEAK = 32;
const OUT_SUM = 40;
const MAX_RED = 48;

/**
 * Linked stereo blocks with settled parameters over `total` frames, in blocks of BLOCK_FRAMES from the first, as
 * kernel.ts works through a request: inputs at inA0/inB0 (f32), the delay ring bufA/bufB (f32, `cap` frames,
 * written from `write0`, read `delay` frames behind), outputs at outA0/outB0, the dry signal at dryA0/dryB0 when
 * `dry` is set, the traces (level, target, applied; f32) at traceX0/traceT0/traceY0 when `trace` is set (each of
 * these rows `total` long), `row` a scratch row of BLOCK_FRAMES doubles. `quiet` is kernel-block.ts's quietPower
 * (−1 for none). State doubles at `state`.
 *
 * Each block in passes, as the JS: a pass's frames are independent of each other (but for the two short serial
 * chains, mean square and ballistics), so the processor overlaps many frames; one loop doing everything per frame
 * is slower (its long chain per frame, log → knee → ballistics → exp, fills the processor's window).
 */
export function blocksLinked2(
  state: usize,
  inA0: usize,
  inB0: usize,
  bufA: usize,
  bufB: usize,
  cap: i32,
  write0: i32,
  delay: i32,
  outA0: usize,
  outB0: usize,
  dry: bool,
  dryA0: usize,
  dryB0: usize,
  trace: bool,
  traceX0: usize,
  traceT0: usize,
  traceY0: usize,
  row: usize,
  total: i32,
  rms: f64,
  aRms: f64,
  quiet: f64,
  threshold: f64,
  knee: f64,
  slope: f64,
  aA: f64,
  aR: f64,
  makeup: f64,
  mix: f64,
): void {
  for (let k = 0; k < total; k += BLOCK_FRAMES) {
    const frames = min(BLOCK_FRAMES, total - k);
    const f = (<usize>k) << 2;
    const inA = inA0 + f;
    const inB = inB0 + f;
    const outA = outA0 + f;
    const outB = outB0 + f;
    const dryA = dryA0 + f;
    const dryB = dryB0 + f;
    const traceX = traceX0 + f;
    const traceT = traceT0 + f;
    const traceY = traceY0 + f;
    const write = (write0 + k) % cap;
    // Detect (kernel-detect.ts detectPair, `loudest` given): the larger power of each frame into row. The two
    // channels are the two lanes of an f64x2, each computed as the JS computes it.
    const zero = f64x2.splat(0);
    const aRmsV = f64x2.splat(aRms);
    const bRmsV = f64x2.splat(1 - aRms);
    const notRmsV = f64x2.splat(1 - rms);
    const rmsV = f64x2.splat(rms);
    const flush = f64x2.splat(1e-30);
    let m = f64x2.replace_lane(f64x2.splat(load<f64>(state, MA)), 1, load<f64>(state, MB));
    // The largest x² (a maximum: taken per lane, then of the two lanes, it is the same number).
    let peak = f64x2.splat(load<f64>(state, IN_PEAK));
    let w = write;
    for (let i = 0; i < frames; i++) {
      const at = (<usize>i) << 2;
      let x = f64x2.promote_low_f32x4(v128.load32_lane(inB + at, v128.load32_zero(inA + at), 1));
      x = v128.and(x, f64x2.eq(f64x2.sub(x, x), zero)); // NaN and ±Infinity are silence
      const sq = f64x2.mul(x, x);
      peak = f64x2.pmax(peak, sq); // pmax(a, b) = a < b ? b : a: sq > peak ? sq : peak, one instruction
      m = f64x2.add(f64x2.mul(aRmsV, m), f64x2.mul(bRmsV, sq));
      m = v128.andnot(m, f64x2.lt(m, flush));
      const p = f64x2.add(f64x2.mul(notRmsV, sq), f64x2.mul(rmsV, m));
      // larger(pa, pb) in lane 0: p against its lanes swapped.
      const swapped = v128.shuffle<u8>(p, p, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
      v128.store64_lane(row + ((<usize>i) << 3), f64x2.pmax(swapped, p), 0);
      const x32 = f32x4.demote_f64x2_zero(x);
      v128.store32_lane(bufA + ((<usize>w) << 2), x32, 0);
      v128.store32_lane(bufB + ((<usize>w) << 2), x32, 1);
      if (++w == cap) w = 0;
    }
    store<f64>(state, f64x2.extract_lane(m, 0), MA);
    store<f64>(state, f64x2.extract_lane(m, 1), MB);
    const peakA = f64x2.extract_lane(peak, 0);
    const peakB = f64x2.extract_lane(peak, 1);
    store<f64>(state, select<f64>(peakB, peakA, peakB > peakA), IN_PEAK);

    // Targets (kernel-block.ts targets). The JS skips the log of a quiet power (its target is 0 either way); here
    // it is always taken, which costs less than the branch mispredicting.
    // Two frames at a time (f64x2), the last one of an odd count alone.
    const pairs = frames & ~1;
    if (trace) {
      for (let i = 0; i < pairs; i += 2) {
        const at = row + ((<usize>i) << 3);
        const xG = levelDb2(v128.load(at));
        const xL = reductionDb2(xG, threshold, knee, slope);
        v128.store(at, xL);
        v128.store64_lane(traceX + ((<usize>i) << 2), f32x4.demote_f64x2_zero(xG), 0);
        v128.store64_lane(traceT + ((<usize>i) << 2), f32x4.demote_f64x2_zero(xL), 0);
      }
      if (pairs < frames) {
        const at = row + ((<usize>pairs) << 3);
        const xG = levelDb(load<f64>(at));
        const xL = reductionDb(xG, threshold, knee, slope);
        store<f64>(at, xL);
        store<f32>(traceX + ((<usize>pairs) << 2), <f32>xG);
        store<f32>(traceT + ((<usize>pairs) << 2), <f32>xL);
      }
    } else {
      const q = f64x2.splat(quiet);
      for (let i = 0; i < pairs; i += 2) {
        const at = row + ((<usize>i) << 3);
        const p = v128.load(at);
        v128.store(at, v128.andnot(reductionDb2(levelDb2(p), threshold, knee, slope), f64x2.le(p, q)));
      }
      if (pairs < frames) {
        const at = row + ((<usize>pairs) << 3);
        const p = load<f64>(at);
        store<f64>(at, select<f64>(0, reductionDb(levelDb(p), threshold, knee, slope), p <= quiet));
      }
    }

    // Ballistics (smoothRow, formulas.ts ballistics) and the largest y_L (maxOf).
    const bA = 1 - aA;
    const bR = 1 - aR;
    let y = load<f64>(state, Y);
    let maxRed = load<f64>(state, MAX_RED);
    for (let i = 0; i < frames; i++) {
      const at = row + ((<usize>i) << 3);
      const target = load<f64>(at);
      const next = select<f64>(aA * y + bA * target, aR * y + bR * target, target > y);
      y = select<f64>(0, next, next < 1e-9);
      store<f64>(at, y);
      maxRed = select<f64>(y, maxRed, y > maxRed);
    }
    store<f64>(state, y, Y);
    store<f64>(state, maxRed, MAX_RED);
    if (trace) for (let i = 0; i < frames; i++) store<f32>(traceY + ((<usize>i) << 2), <f32>load<f64>(row + ((<usize>i) << 3)));

    // Gains (gainRow, formulas.ts outputGain; the JS takes the exp only when y_L moves: the same gains).
    const mixRest = 1 - mix;
    for (let i = 0; i < pairs; i += 2) {
      const at = row + ((<usize>i) << 3);
      v128.store(at, outputGain2(makeup, v128.load(at), mix, mixRest));
    }
    if (pairs < frames) {
      const at = row + ((<usize>pairs) << 3);
      store<f64>(at, mix * fastExp((makeup - load<f64>(at)) * 0.11512925464970229) + mixRest);
    }

    // Apply (kernel-apply.ts applyPair, or applyDelayed per channel), the channels in the two lanes.
    let outPeak = f64x2.splat(load<f64>(state, OUT_PEAK));
    let sums = zero;
    const direct = delay == 0;
    let rd = write - delay;
    if (rd < 0) rd += cap;
    for (let i = 0; i < frames; i++) {
      const at = (<usize>i) << 2;
      // The delayed sample from the ring; without delay that is this frame's own (sanitised) input, as applyPair has.
      const d = f64x2.promote_low_f32x4(
        v128.load32_lane(bufB + ((<usize>rd) << 2), v128.load32_zero(bufA + ((<usize>rd) << 2)), 1),
      );
      if (++rd == cap) rd = 0;
      const o = f64x2.mul(d, v128.load64_splat(row + ((<usize>i) << 3)));
      const o32 = f32x4.demote_f64x2_zero(o);
      v128.store32_lane(outA + at, o32, 0);
      v128.store32_lane(outB + at, o32, 1);
      sums = f64x2.add(sums, f64x2.mul(o, o));
      const a = f64x2.abs(o);
      outPeak = f64x2.pmax(outPeak, a);
      if (dry) {
        const d32 = f32x4.demote_f64x2_zero(d);
        v128.store32_lane(dryA + at, d32, 0);
        v128.store32_lane(dryB + at, d32, 1);
      }
    }
    const outPeakA = f64x2.extract_lane(outPeak, 0);
    const outPeakB = f64x2.extract_lane(outPeak, 1);
    store<f64>(state, select<f64>(outPeakB, outPeakA, outPeakB > outPeakA), OUT_PEAK);
    // applyPair adds the two sums together; applyDelayed adds each channel's in turn.
    const sumA = f64x2.extract_lane(sums, 0);
    const sumB = f64x2.extract_lane(sums, 1);
    const sum = load<f64>(state, OUT_SUM);
    store<f64>(state, direct ? sum + (sumA + sumB) : sum + sumA + sumB, OUT_SUM);
  }
}

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
