/**
 * AssemblyScript source of the kernel's WebAssembly block (src/dsp/kernel-wasm.ts loads it; `npm run wasm` builds
 * it into src/dsp/kernel-wasm-bytes.ts). blocksLinked2: linked stereo blocks with settled parameters and no delay
 * cross-fade, the common case, in passes over 64-frame tiles, software-pipelined (see there). blockExtremes: the
 * time views' block summaries.
 *
 * It computes exactly what the JS passes compute (kernel-detect.ts, kernel-block.ts, kernel-apply.ts) with the
 * formulas of src/dsp/formulas.ts, gain-computer.ts and fast-math.ts, each IEEE-754 double operation in the same
 * order (WebAssembly neither fuses nor reassociates), on the same tables (copied in by kernel-wasm.ts): the output,
 * meters and traces are bit-identical (tests/unit/dsp/kernel-wasm.test.ts).
 *
 * Memory (imported): the fast-math tables from 0 (POW2 2201 doubles, LN_C, INV_C, EXP2_FRAC 256 each), the
 * block's constants (CONSTANTS), then the kernel's own areas, whose byte offsets the caller passes.
 */

// Byte offsets of the fast-math tables (kernel-wasm.ts writes them in this order).
const POW2: usize = 0;
const LN_C: usize = 2201 << 3;
const INV_C: usize = LN_C + (256 << 3);
const EXP2_FRAC: usize = INV_C + (256 << 3);

/**
 * The loops' constants, splatted into memory at CONSTANTS (16 bytes each) when the block starts and loaded where
 * used. V8 neither keeps a v128 constant nor a splatted parameter in a register across a loop: it makes each
 * again at every use (2–4 instructions: measured with perf, Node 20), while a load from memory is one.
 * kernel-wasm.ts leaves CONSTANTS_BYTES (1024) free after the tables, at the next multiple of 16.
 */
const CONSTANTS: usize = (EXP2_FRAC + (256 << 3) + 15) & ~15;
const FLOOR = 0;
const MANTISSA = 1;
const ONE = 2;
const EXP_MAGIC = 3;
const EXP_BIAS = 4;
const J8 = 5;
const THIRD = 6;
const QUARTER = 7;
const HALF = 8;
const LN2 = 9;
const POWER_DB = 10;
const GAIN_LN = 11;
const EXP_SCALE = 12;
const EXP_STEP = 13;
const SIXTH = 14;
const TWENTY_FOURTH = 15;
const ROUND = 16;
const NOT_LOW8 = 17;
const FLUSH = 18;
const A_RMS = 19;
const B_RMS = 20;
const RMS_MASK = 21;
const THRESHOLD = 22;
const HALF_KNEE = 23;
const KNEE = 24;
const TWO_KNEE = 25;
const NEG_KNEE = 26;
const SLOPE = 27;
const QUIET = 28;
const MAKEUP = 29;
const MIX = 30;
const MIX_REST = 31;
const Y_FLUSH = 32;

/** Constant number i. */
// @ts-ignore: decorator
@inline
function c(i: i32): v128 {
  return v128.load(CONSTANTS + ((<usize>i) << 4));
}

/**
 * formulas.ts levelDb (fast-math.ts fastLn) of two powers at once (f64x2), each lane the same doubles as there:
 * the same operations in the same order. The power is normal (floored at 1e-12, at most the square of the
 * largest float), so two of fastLn's steps are exact bit operations here:
 * p·2^−e is p's mantissa under the exponent of 1, and e is p's exponent field less 1023 (read as a double by
 * putting it under 2^52). Only the table index j goes through scalar registers.
 */
// @ts-ignore: decorator
@inline
function levelDb2(power: v128): v128 {
  const p = f64x2.pmax(c(FLOOR), power); // power > 1e-12 ? power : 1e-12
  const m = v128.or(v128.and(p, c(MANTISSA)), c(ONE));
  const e = f64x2.sub(v128.or(i64x2.shr_u(p, 52), c(EXP_MAGIC)), c(EXP_BIAS));
  // j·8, the byte offset of entry j = (hi >> 12) & 255, the mantissa's top 8 bits.
  const j8 = v128.and(i64x2.shr_u(p, 41), c(J8));
  const j0 = <usize>i32x4.extract_lane(j8, 0);
  const j1 = <usize>i32x4.extract_lane(j8, 2);
  const one = c(ONE);
  const u = f64x2.sub(f64x2.mul(m, v128.load64_lane(INV_C + j1, v128.load64_zero(INV_C + j0), 1)), one);
  let poly = f64x2.sub(c(THIRD), f64x2.mul(u, c(QUARTER)));
  poly = f64x2.sub(c(HALF), f64x2.mul(u, poly));
  poly = f64x2.sub(one, f64x2.mul(u, poly));
  const lnU = f64x2.mul(u, poly);
  const lnC = v128.load64_lane(LN_C + j1, v128.load64_zero(LN_C + j0), 1);
  const ln = f64x2.add(f64x2.add(f64x2.mul(e, c(LN2)), lnC), lnU);
  return f64x2.mul(c(POWER_DB), ln);
}

/** gain-computer.ts reductionDb of two levels at once (f64x2), each lane as there, without branches: the three
 * pieces are each computed, and the one the JS returns is selected. */
// @ts-ignore: decorator
@inline
function reductionDb2(xDb: v128): v128 {
  const s = c(SLOPE);
  const over = f64x2.sub(xDb, c(THRESHOLD));
  const twice = f64x2.add(over, over);
  const u = f64x2.add(over, c(HALF_KNEE));
  const inKnee = f64x2.div(f64x2.mul(f64x2.mul(s, u), u), c(TWO_KNEE));
  const r = v128.bitselect(inKnee, f64x2.mul(s, over), f64x2.lt(twice, c(KNEE)));
  return v128.andnot(r, f64x2.le(twice, c(NEG_KNEE)));
}

/**
 * formulas.ts outputGain (fast-math.ts fastExp) of two applied reductions at once (f64x2), each lane the same
 * doubles as there. 2^(k>>8)·2^((k&255)/256) is exact, so it is made by adding k>>8 to the table entry's exponent
 * field; k>>8 stays within ±140 (gains of 10^±40: make-up at most tens of dB, y_L at most ~830 dB for the largest
 * float input), far from the ends of the double range where the product would round.
 */
// @ts-ignore: decorator
@inline
function outputGain2(applied: v128): v128 {
  const x = f64x2.mul(f64x2.sub(c(MAKEUP), applied), c(GAIN_LN));
  const kf = f64x2.floor(f64x2.mul(x, c(EXP_SCALE)));
  const r = f64x2.sub(x, f64x2.mul(kf, c(EXP_STEP)));
  const one = c(ONE);
  let er = f64x2.add(c(SIXTH), f64x2.mul(r, c(TWENTY_FOURTH)));
  er = f64x2.add(c(HALF), f64x2.mul(r, er));
  er = f64x2.add(one, f64x2.mul(r, er));
  er = f64x2.add(one, f64x2.mul(r, er));
  // kf + 1.5·2^52 holds k, two's complement, in its low bits (fastExp).
  const kb = f64x2.add(kf, c(ROUND));
  const j8 = v128.and(i64x2.shl(kb, 3), c(J8)); // (k & 255)·8
  const j0 = <usize>i32x4.extract_lane(j8, 0);
  const j1 = <usize>i32x4.extract_lane(j8, 2);
  const frac = v128.load64_lane(EXP2_FRAC + j1, v128.load64_zero(EXP2_FRAC + j0), 1);
  // (k >> 8) << 52, modulo 2^64: the low 20 bits of kb hold k's.
  const pow = i64x2.add(frac, i64x2.shl(v128.and(kb, c(NOT_LOW8)), 44));
  const e = f64x2.mul(pow, er);
  return f64x2.add(f64x2.mul(c(MIX), e), c(MIX_REST));
}

/**
 * kernel-detect.ts's guard for `n` f32 inputs at `from`, four at a time, in place and into the delay ring at
 * `ring`: NaN and ±Infinity are silence (x − x is 0 for every other float; the guard in f32 keeps the same floats as
 * the JS's in doubles, −0 included).
 */
function sanitise(from: usize, ring: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = (<usize>i) << 2;
    let x = v128.load(from + at);
    x = v128.and(x, f32x4.eq(f32x4.sub(x, x), f32x4.splat(0)));
    v128.store(from + at, x);
    v128.store(ring + at, x);
  }
  for (; i < n; i++) {
    const at = (<usize>i) << 2;
    const x = load<f32>(from + at);
    const safe = select<f32>(x, 0, x - x == 0);
    store<f32>(from + at, safe);
    store<f32>(ring + at, safe);
  }
}

/** kernel-state.ts BLOCK_FRAMES: the output's Σ² meter is added up per block of this many frames, as the JS does. */
const BLOCK_FRAMES = 256;

/**
 * Frames of a tile, the unit of the software pipeline below: a divisor of BLOCK_FRAMES, small enough that a
 * 128-frame request (the AudioWorklet's) is several tiles, and at most half a block plus one, so that the delay
 * ring (the longest delay, one block and one frame: delay-line.ts) still holds every frame apply reads while
 * detect has written up to two tiles past them. kernel-wasm.ts's scratch room (BLOCK_FRAMES doubles, 2 KB) holds
 * the two tiles' rows of doubles and TILE + 4 floats per channel. Measured 32/64/128: the same within the noise
 * offline, 32–64 best streaming.
 */
const TILE = 64;

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
 * kernel.ts works through a request: inputs at inA/inB (f32; NaN and ±Infinity there are zeroed in place), the
 * delay ring bufA/bufB (f32, `cap` frames, written from `write0`, read `delay` frames behind), outputs at
 * outA/outB, the dry signal at dryA/dryB when `dry` is set, the traces (level, target, applied; f32) at
 * traceX/traceT/traceY when `trace` is set (each of these rows at least `total` long; an odd total ends before the
 * rows' even length, which leaves room for the unused frame written past it), `row` the scratch room (two tiles
 * of doubles, then two rows of TILE + 4 floats). `quiet` is kernel-block.ts's quietPower (−1 for none). State
 * doubles at `state`.
 *
 * The work is done in passes over tiles of TILE frames (detect, targets, ballistics, gains, apply): a pass's
 * frames are independent of each other but for the two short serial chains, mean square (detect) and ballistics,
 * so the processor overlaps many frames; one loop doing everything per frame is slower (its long chain per
 * frame, log → knee → ballistics → exp, fills the processor's window). The two chains are software-pipelined:
 *
 *   tile t:  [ detect t  +  ballistics t − 1 ]  one loop: the two chains independent, their latencies overlap
 *            targets t;  gains, apply t − 1
 *
 * Each stage keeps its state from tile to tile and takes the frames in order, so the numbers are those of the JS
 * passes; only the output's Σ² is added to the meter per BLOCK_FRAMES block, as there. Detect writes the delay
 * ring a tile ahead of apply's reads: the ring has room for that (TILE).
 *
 * Measured (perf on Node 20, x64): the loops are bound by the number of instructions, about 4 per cycle, more than
 * by the chains, so what counts is fewer instructions per frame: the constants from memory, two frames per pass
 * where the frames are independent, the quiet tiles without a log. The pipeline by itself was within the noise.
 */
export function blocksLinked2(
  state: usize,
  inA: usize,
  inB: usize,
  bufA: usize,
  bufB: usize,
  cap: i32,
  write0: i32,
  delay: i32,
  outA: usize,
  outB: usize,
  dry: bool,
  dryA: usize,
  dryB: usize,
  trace: bool,
  traceX: usize,
  traceT: usize,
  traceY: usize,
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
  v128.store(CONSTANTS + (FLOOR << 4), f64x2.splat(1e-12));
  v128.store(CONSTANTS + (MANTISSA << 4), i64x2.splat(0x000f_ffff_ffff_ffff));
  v128.store(CONSTANTS + (ONE << 4), f64x2.splat(1.0));
  v128.store(CONSTANTS + (EXP_MAGIC << 4), i64x2.splat(0x4330_0000_0000_0000));
  v128.store(CONSTANTS + (EXP_BIAS << 4), f64x2.splat(4503599627371519.0));
  v128.store(CONSTANTS + (J8 << 4), i64x2.splat(255 << 3));
  v128.store(CONSTANTS + (THIRD << 4), f64x2.splat(1.0 / 3.0));
  v128.store(CONSTANTS + (QUARTER << 4), f64x2.splat(0.25));
  v128.store(CONSTANTS + (HALF << 4), f64x2.splat(0.5));
  v128.store(CONSTANTS + (LN2 << 4), f64x2.splat(0.6931471805599453));
  v128.store(CONSTANTS + (POWER_DB << 4), f64x2.splat(4.3429448190325175));
  v128.store(CONSTANTS + (GAIN_LN << 4), f64x2.splat(0.11512925464970229));
  v128.store(CONSTANTS + (EXP_SCALE << 4), f64x2.splat(369.3299304675746));
  v128.store(CONSTANTS + (EXP_STEP << 4), f64x2.splat(0.0027076061740622863));
  v128.store(CONSTANTS + (SIXTH << 4), f64x2.splat(1.0 / 6.0));
  v128.store(CONSTANTS + (TWENTY_FOURTH << 4), f64x2.splat(1.0 / 24.0));
  v128.store(CONSTANTS + (ROUND << 4), f64x2.splat(6755399441055744.0));
  v128.store(CONSTANTS + (NOT_LOW8 << 4), i64x2.splat(~255));
  v128.store(CONSTANTS + (FLUSH << 4), f64x2.splat(1e-30));
  v128.store(CONSTANTS + (A_RMS << 4), f64x2.splat(aRms));
  v128.store(CONSTANTS + (B_RMS << 4), f64x2.splat(1 - aRms));
  v128.store(CONSTANTS + (RMS_MASK << 4), i64x2.splat(-(<i64>(rms == 1))));
  v128.store(CONSTANTS + (THRESHOLD << 4), f64x2.splat(threshold));
  v128.store(CONSTANTS + (HALF_KNEE << 4), f64x2.splat(0.5 * knee));
  v128.store(CONSTANTS + (KNEE << 4), f64x2.splat(knee));
  v128.store(CONSTANTS + (TWO_KNEE << 4), f64x2.splat(2 * knee));
  v128.store(CONSTANTS + (NEG_KNEE << 4), f64x2.neg(f64x2.splat(knee)));
  v128.store(CONSTANTS + (SLOPE << 4), f64x2.splat(slope));
  v128.store(CONSTANTS + (QUIET << 4), f64x2.splat(quiet));
  v128.store(CONSTANTS + (MAKEUP << 4), f64x2.splat(makeup));
  v128.store(CONSTANTS + (MIX << 4), f64x2.splat(mix));
  v128.store(CONSTANTS + (MIX_REST << 4), f64x2.splat(1 - mix));
  v128.store(CONSTANTS + (Y_FLUSH << 4), f64x2.splat(1e-9));
  const zero = f64x2.splat(0);
  const bA = 1 - aA;
  const bR = 1 - aR;
  const direct = delay == 0;
  // Detect's state: the mean square before the flush (raw; the state's is flushed, so raw = m), the largest x² (a
  // maximum: taken per lane, then of the two lanes, it is the same number), the ring's write position.
  let raw = f64x2.replace_lane(f64x2.splat(load<f64>(state, MA)), 1, load<f64>(state, MB));
  let peak = f64x2.splat(load<f64>(state, IN_PEAK));
  let w = write0;
  // Ballistics' state: y_L and the largest y_L.
  let y = load<f64>(state, Y);
  let maxRed = load<f64>(state, MAX_RED);
  // Apply's state: the ring's read position, the largest |out| per lane, Σ out² of the block per lane, the meter.
  let rd = write0 - delay;
  if (rd < 0) rd += cap;
  let outPeak = f64x2.splat(load<f64>(state, OUT_PEAK));
  let sums = zero;
  let sum = load<f64>(state, OUT_SUM);
  // Tile t's powers → targets in rowD; tile t − 1's targets → y_L → gains in rowB (`prev` frames from prevAt).
  let rowD = row;
  let rowB = row + (TILE << 3);
  let prev = 0;
  let prevAt = 0;
  for (let k = 0; ; k += TILE) {
    const frames = k < total ? min(TILE, total - k) : 0;
    const n = max(frames, prev);
    const at = (<usize>k) << 2;
    // The tile's inputs made safe in place and written to the delay ring (where it wraps, in two spans).
    const first = min(frames, cap - w);
    sanitise(inA + at, bufA + ((<usize>w) << 2), first);
    sanitise(inB + at, bufB + ((<usize>w) << 2), first);
    if (first < frames) {
      const rest = at + ((<usize>first) << 2);
      sanitise(inA + rest, bufA, frames - first);
      sanitise(inB + rest, bufB, frames - first);
    }
    w += frames;
    if (w >= cap) w -= cap;
    // The tile's largest detector power: a tile all at or below the quiet power needs no log (below).
    let loudest = zero;
    for (let i = 0; i < n; i++) {
      if (i < frames) {
        // Detect (kernel-detect.ts detectPair, `loudest` given): the larger power of each frame into rowD. The
        // two channels are the two lanes of an f64x2, each computed as the JS computes it.
        const a = at + ((<usize>i) << 2);
        const x = f64x2.promote_low_f32x4(v128.load32_lane(inB + a, v128.load32_zero(inA + a), 1));
        const sq = f64x2.mul(x, x);
        peak = f64x2.pmax(peak, sq); // pmax(a, b) = a < b ? b : a: sq > peak ? sq : peak, one instruction
        // meanSquare: m = aRms·m + (1 − aRms)·x², flushed below 1e-30. The chain carries raw, the sum before the
        // flush: aRms·m is aRms·raw zeroed where raw < 1e-30 (aRms·+0 is +0), so the compare runs beside the
        // multiply, off the chain (nothing but raw is carried: V8 spilled a carried mask to the stack).
        raw = f64x2.add(v128.andnot(f64x2.mul(c(A_RMS), raw), f64x2.lt(raw, c(FLUSH))), f64x2.mul(c(B_RMS), sq));
        const m = v128.andnot(raw, f64x2.lt(raw, c(FLUSH)));
        // detectorPower (1 − r)·x² + r·ms with r 0 or 1 (settled) is exactly x² or ms: chosen by a mask.
        const p = v128.bitselect(m, sq, c(RMS_MASK));
        // larger(pa, pb) in lane 0: p against its lanes swapped.
        const swapped = v128.shuffle<u8>(p, p, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
        const larger = f64x2.pmax(swapped, p);
        v128.store64_lane(rowD + ((<usize>i) << 3), larger, 0);
        loudest = f64x2.pmax(loudest, larger);
      }
      if (i < prev) {
        // Ballistics (smoothRow, formulas.ts ballistics) and the largest y_L (maxOf).
        const to = rowB + ((<usize>i) << 3);
        const target = load<f64>(to);
        const next = select<f64>(aA * y + bA * target, aR * y + bR * target, target > y);
        y = select<f64>(0, next, next < load<f64>(CONSTANTS + (Y_FLUSH << 4)));
        store<f64>(to, y);
        maxRed = select<f64>(y, maxRed, y > maxRed);
      }
    }

    // Targets of tile t (kernel-block.ts targets). The JS skips the log of a quiet power (its target is 0 either
    // way); here it is always taken, which costs less than the branch mispredicting. Two frames at a time
    // (f64x2); an odd last frame is paired with the row's next entry, whose result is not used (its trace
    // entries fall after the request, inside the rows, and are not copied out).
    if (trace) {
      for (let i = 0; i < frames; i += 2) {
        const to = rowD + ((<usize>i) << 3);
        const xG = levelDb2(v128.load(to));
        const xL = reductionDb2(xG);
        v128.store(to, xL);
        const a = at + ((<usize>i) << 2);
        v128.store64_lane(traceX + a, f32x4.demote_f64x2_zero(xG), 0);
        v128.store64_lane(traceT + a, f32x4.demote_f64x2_zero(xL), 0);
      }
    } else if (f64x2.extract_lane(loudest, 0) <= quiet) {
      // All quiet (the JS's target 0 frame by frame): zeros.
      for (let i = 0; i < frames; i += 2) v128.store(rowD + ((<usize>i) << 3), zero);
    } else {
      for (let i = 0; i < frames; i += 2) {
        const to = rowD + ((<usize>i) << 3);
        const p = v128.load(to);
        v128.store(to, v128.andnot(reductionDb2(levelDb2(p)), f64x2.le(p, c(QUIET))));
      }
    }

    // Tile t − 1: its y_L (and their trace), gains (gainRow, formulas.ts outputGain; the JS takes the exp only when
    // y_L moves: the same gains) and apply (kernel-apply.ts applyPair, or applyDelayed per channel), the
    // channels in the two lanes, two frames at a time. An odd last frame's partner is computed from the rows'
    // next entries and zeroed before the meters (a sum plus +0, a maximum with +0: unchanged); its out and dry
    // samples fall after the request, inside the rows, and are not copied out.
    const pAt = (<usize>prevAt) << 2;
    // The delayed samples: without delay the frames' own (safe) inputs, as applyPair has; else the ring's, copied
    // to the scratch room after the two rows (in two spans where the ring wraps), so that both are read in order.
    let srcA = inA + pAt;
    let srcB = inB + pAt;
    if (!direct) {
      srcA = row + (TILE << 4);
      srcB = srcA + ((TILE + 4) << 2);
      const first = min(prev, cap - rd);
      sanitise(bufA + ((<usize>rd) << 2), srcA, first); // already safe: a copy
      sanitise(bufB + ((<usize>rd) << 2), srcB, first);
      if (first < prev) {
        const rest = (<usize>first) << 2;
        sanitise(bufA, srcA + rest, prev - first);
        sanitise(bufB, srcB + rest, prev - first);
      }
      rd += prev;
      if (rd >= cap) rd -= cap;
    }
    for (let i = 0; i < prev; i += 2) {
      const y2 = v128.load(rowB + ((<usize>i) << 3));
      if (trace) v128.store64_lane(traceY + pAt + ((<usize>i) << 2), f32x4.demote_f64x2_zero(y2), 0);
      const g = outputGain2(y2);
      // [A_i, A_i+1] and [B_i, B_i+1] → [A_i, B_i, A_i+1, B_i+1] → (A_i, B_i), (A_i+1, B_i+1) as doubles.
      const da = v128.load64_zero(srcA + ((<usize>i) << 2));
      const db = v128.load64_zero(srcB + ((<usize>i) << 2));
      const d = v128.shuffle<u32>(da, db, 0, 4, 1, 5);
      const d0 = f64x2.promote_low_f32x4(d);
      const d1 = f64x2.promote_low_f32x4(v128.shuffle<u32>(d, d, 2, 3, 2, 3));
      const o0 = f64x2.mul(d0, v128.shuffle<u8>(g, g, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7));
      const o1 = v128.and(
        f64x2.mul(d1, v128.shuffle<u8>(g, g, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15)),
        i64x2.splat(-(<i64>(i + 1 < prev))),
      );
      // [A_i, A_i+1, B_i, B_i+1] as floats: the two frames of each channel in one store.
      const a = pAt + ((<usize>i) << 2);
      const o32 = v128.shuffle<u32>(f32x4.demote_f64x2_zero(o0), f32x4.demote_f64x2_zero(o1), 0, 4, 1, 5);
      v128.store64_lane(outA + a, o32, 0);
      v128.store64_lane(outB + a, o32, 1);
      sums = f64x2.add(f64x2.add(sums, f64x2.mul(o0, o0)), f64x2.mul(o1, o1));
      outPeak = f64x2.pmax(f64x2.pmax(outPeak, f64x2.abs(o0)), f64x2.abs(o1));
      if (dry) {
        v128.store64_lane(dryA + a, da, 0);
        v128.store64_lane(dryB + a, db, 0);
      }
    }
    const end = prevAt + prev;
    if (prev > 0 && (end % BLOCK_FRAMES == 0 || end == total)) {
      // A block's Σ out² into the meter: applyPair adds the two sums together; applyDelayed adds each channel's in
      // turn.
      const sumA = f64x2.extract_lane(sums, 0);
      const sumB = f64x2.extract_lane(sums, 1);
      sum = direct ? sum + (sumA + sumB) : sum + sumA + sumB;
      sums = zero;
    }
    if (frames == 0) break;
    const t = rowD;
    rowD = rowB;
    rowB = t;
    prev = frames;
    prevAt = k;
  }
  const m = v128.andnot(raw, f64x2.lt(raw, f64x2.splat(1e-30)));
  store<f64>(state, f64x2.extract_lane(m, 0), MA);
  store<f64>(state, f64x2.extract_lane(m, 1), MB);
  const peakA = f64x2.extract_lane(peak, 0);
  const peakB = f64x2.extract_lane(peak, 1);
  store<f64>(state, select<f64>(peakB, peakA, peakB > peakA), IN_PEAK);
  store<f64>(state, y, Y);
  store<f64>(state, maxRed, MAX_RED);
  const outPeakA = f64x2.extract_lane(outPeak, 0);
  const outPeakB = f64x2.extract_lane(outPeak, 1);
  store<f64>(state, select<f64>(outPeakB, outPeakA, outPeakB > outPeakA), OUT_PEAK);
  store<f64>(state, sum, OUT_SUM);
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
