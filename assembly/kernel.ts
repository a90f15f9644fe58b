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
 * block's constants (kernel-math.ts CONSTANTS), then the kernel's own areas, whose byte offsets the caller passes.
 */

import {
  A_RMS,
  B_RMS,
  c,
  CONSTANTS,
  FLUSH,
  levelDb2,
  outputGain2,
  QUIET,
  reductionDb2,
  RMS_MASK,
  setConstants,
  Y_FLUSH,
} from './kernel-math';

export { blockExtremes } from './block-extremes';

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
  setConstants(aRms, rms, quiet, threshold, knee, slope, makeup, mix);
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
        y = select<f64>(0, next, next < load<f64>(CONSTANTS + (<usize>Y_FLUSH << 4)));
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
