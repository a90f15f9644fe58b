/**
 * The compressor's per-sample formulas, each written once. The kernel's block loop (kernel-block.ts) calls these
 * and nothing else computes them; V8 inlines them into the loop. Definitions and sources: docs/compressor.md.
 *
 *   x ─► x² ─► mean square ─► detector power ─► level x_G (dB) ─► [gain computer: gain-computer.ts] ─► x_L
 *     ─► link blend ─► ballistics ─► y_L ─► output gain mix·10^((M − y_L)/20) + 1 − mix
 */
import { fastExp, fastLn } from './fast-math';

// The functions below spell these constants as literals (named in a comment beside each): bundlers may turn
// module constants into variables that V8 re-reads on every call of a hot function (fast-math.ts measured 3×).
// tests/unit/dsp/formulas.test.ts checks the literals against the names.

/** 10/ln(10): ln(power) → dB. */
export const LN_POWER_TO_DB = 10 / Math.LN10;
/** Detector floor: 1e-12 in power = 1e-6 in amplitude = −120 dBFS. Source: docs/compressor.md §1 (Detector). */
export const POWER_FLOOR = 1e-12;
/** Decaying state below these values is set to 0, so long silences never reach slow subnormal numbers. */
export const POWER_FLUSH = 1e-30;
export const FLUSH_DB = 1e-9;

/** One-pole coefficient for a time constant. Source: α = exp(−1/(τ·fs)), docs/compressor.md §3 (Ballistics). */
export function onePoleCoefficient(timeMs: number, sampleRate: number): number {
  return Math.exp(-1000 / (timeMs * sampleRate));
}

/**
 * RMS detector state: the mean square through a one-pole smoother, α = onePoleCoefficient(rmsWindowMs), β = 1 − α
 * (passed in, so a loop computes it once). Source: ms[n] = α·ms[n−1] + (1 − α)·x[n]², docs/compressor.md §1.
 */
export function meanSquare(previous: number, sq: number, alpha: number, beta: number): number {
  const m = alpha * previous + beta * sq;
  return m < 1e-30 ? 0 : m; // POWER_FLUSH
}

/**
 * The power the level is taken from: x² (peak detector, rmsAmount = 0) or the mean square (RMS, rmsAmount = 1);
 * between the two while a detector change glides. Exact at both ends.
 * Source: p = (1 − r)·x² + r·ms, docs/compressor.md §1 (Detector) and §8 (Parameter changes).
 */
export function detectorPower(sq: number, ms: number, rmsAmount: number): number {
  return (1 - rmsAmount) * sq + rmsAmount * ms;
}

/** Level x_G in dB of a detector power. Source: x_G = 10·log10(max(p, 1e-12)), docs/compressor.md §1 (Detector). */
export function levelDb(power: number): number {
  return 4.3429448190325175 * fastLn(power > 1e-12 ? power : 1e-12); // LN_POWER_TO_DB, POWER_FLOOR
}

/**
 * A channel's target reduction with stereo link: its own x_L blended toward the loudest channel's.
 * Source: x_L' = x_L + link·(x_L,loudest − x_L), docs/compressor.md §7 (Link). At link = 1 the kernel passes
 * own = loudest, so every channel gets exactly the loudest channel's reduction.
 */
export function linkedReductionDb(own: number, loudest: number, link: number): number {
  return own + link * (loudest - own);
}

/**
 * Smooth branching ballistics in the log domain: attack coefficient while the target is above the applied
 * reduction, release otherwise (b = 1 − a). Source: Giannoulis et al. 2012 eq. 17, docs/compressor.md §3.
 */
export function ballistics(y: number, target: number, aA: number, bA: number, aR: number, bR: number): number {
  const next = target > y ? aA * y + bA * target : aR * y + bR * target;
  return next < 1e-9 ? 0 : next; // FLUSH_DB
}

/**
 * The factor a delayed sample is multiplied by: make-up minus the applied reduction, mixed with the dry signal.
 * Source: c_dB = M − y_L; out = d·(mix·10^(c_dB/20) + 1 − mix), docs/compressor.md §4 (Make-up) and §6 (Mix).
 */
export function outputGain(makeupDb: number, appliedDb: number, mix: number): number {
  return mix * fastExp((makeupDb - appliedDb) * 0.11512925464970229) + (1 - mix); // DB_TO_NEPER
}
