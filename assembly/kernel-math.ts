/**
 * The kernel's WebAssembly block's arithmetic on two doubles at once (f64x2), imported by assembly/kernel.ts:
 * formulas.ts levelDb, gain-computer.ts reductionDb and formulas.ts outputGain, each lane the same IEEE-754 double
 * operations in the same order as the TypeScript (WebAssembly neither fuses nor reassociates), on the same
 * fast-math tables, and the constants they read from memory.
 */

// Byte offsets of the fast-math tables (kernel-wasm.ts writes them in this order).
export const POW2: usize = 0;
export const LN_C: usize = 2201 << 3;
export const INV_C: usize = LN_C + (256 << 3);
export const EXP2_FRAC: usize = INV_C + (256 << 3);

/**
 * The loops' constants, splatted into memory at CONSTANTS (16 bytes each) when the block starts and loaded where
 * used. V8 neither keeps a v128 constant nor a splatted parameter in a register across a loop: it makes each
 * again at every use (2–4 instructions: measured with perf, Node 20), while a load from memory is one.
 * kernel-wasm.ts leaves CONSTANTS_BYTES (1024) free after the tables, at the next multiple of 16.
 */
export const CONSTANTS: usize = (EXP2_FRAC + (256 << 3) + 15) & ~15;
export const FLOOR = 0;
export const MANTISSA = 1;
export const ONE = 2;
export const EXP_MAGIC = 3;
export const EXP_BIAS = 4;
export const J8 = 5;
export const THIRD = 6;
export const QUARTER = 7;
export const HALF = 8;
export const LN2 = 9;
export const POWER_DB = 10;
export const GAIN_LN = 11;
export const EXP_SCALE = 12;
export const EXP_STEP = 13;
export const SIXTH = 14;
export const TWENTY_FOURTH = 15;
export const ROUND = 16;
export const NOT_LOW8 = 17;
export const FLUSH = 18;
export const A_RMS = 19;
export const B_RMS = 20;
export const RMS_MASK = 21;
export const THRESHOLD = 22;
export const HALF_KNEE = 23;
export const KNEE = 24;
export const TWO_KNEE = 25;
export const NEG_KNEE = 26;
export const SLOPE = 27;
export const QUIET = 28;
export const MAKEUP = 29;
export const MIX = 30;
export const MIX_REST = 31;
export const Y_FLUSH = 32;

/** Constant number i. */
// @ts-ignore: decorator
@inline
export function c(i: i32): v128 {
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
export function levelDb2(power: v128): v128 {
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
export function reductionDb2(xDb: v128): v128 {
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
export function outputGain2(applied: v128): v128 {
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

/** The constants of one call of the block, into memory (see CONSTANTS). */
// @ts-ignore: decorator
@inline
export function setConstants(
  aRms: f64,
  rms: f64,
  quiet: f64,
  threshold: f64,
  knee: f64,
  slope: f64,
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
}
