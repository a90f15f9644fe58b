/**
 * The static gain computer: the compressor's transfer curve in dB, and the auto make-up derived from it.
 *
 *   x_G (dB) ──► [hard or quadratic soft knee around T, slope 1/R above] ──► y_G (dB);  reduction x_L = x_G − y_G
 *
 * Source: D. Giannoulis, M. Massberg, J. D. Reiss, "Digital Dynamic Range Compressor Design — A Tutorial and
 * Analysis", J. Audio Eng. Soc. 60(6), 2012, eq. 4 (soft knee of width W centred on the threshold T);
 * docs/compressor.md §2.
 */
import type { CompressorParams } from './types';

export type CurveParams = Pick<CompressorParams, 'thresholdDb' | 'ratio' | 'kneeDb'>;

/**
 * Static reduction x_L = x_G − y_G (dB, ≥ 0) for level xDb, with `slope` = 1 − 1/R (1 for R = ∞).
 * Source: Giannoulis et al. 2012 eq. 4, rewritten as a reduction:
 *   2(x − T) < −W:  0
 *   2|x − T| ≤ W:   (1 − 1/R)·(x − T + W/2)² / (2W)
 *   2(x − T) > W:   (1 − 1/R)·(x − T)
 * The kernel calls this per sample; with W = 0 an input exactly at T gives 0 (y_G = T).
 */
export function reductionDb(xDb: number, thresholdDb: number, kneeDb: number, slope: number): number {
  const over = xDb - thresholdDb;
  const twice = over + over;
  if (twice <= -kneeDb) return 0;
  if (twice < kneeDb) {
    const u = over + 0.5 * kneeDb;
    return (slope * u * u) / (2 * kneeDb);
  }
  return slope * over;
}

/** 1 − 1/R, the fraction of the overshoot that is removed (1 for R = ∞, 0 for R = 1). */
export function slopeOfRatio(ratio: number): number {
  return 1 - 1 / ratio;
}

/** Static output level y_G in dB for input level xDb. Source: Giannoulis et al. 2012 eq. 4. */
export function staticOutputDb(xDb: number, params: CurveParams): number {
  return xDb - staticReductionDb(xDb, params);
}

/** Static gain reduction x_G − y_G in dB (≥ 0) for input level xDb. */
export function staticReductionDb(xDb: number, params: CurveParams): number {
  return reductionDb(xDb, params.thresholdDb, params.kneeDb, slopeOfRatio(params.ratio));
}

/**
 * Auto make-up: gives back the static reduction at 0 dBFS. Source: docs/compressor.md §4, M = −(y_G − x_G) at x_G = 0
 * (T = −20, R = 4, W = 0 → +15 dB).
 */
export function autoMakeupDb(params: CurveParams): number {
  return staticReductionDb(0, params);
}

/** The make-up gain in dB that the compressor applies with these settings. */
export function resolveMakeupDb(params: CurveParams & Pick<CompressorParams, 'makeupDb'>): number {
  return params.makeupDb === 'auto' ? autoMakeupDb(params) : params.makeupDb;
}
