/**
 * K-weighting filter of ITU-R BS.1770-4 for any sample rate, and a streaming two-biquad filter over it.
 *
 *   x ──► [stage 1: high shelf +4 dB, ~1.7 kHz] ──► [stage 2: RLB high-pass, ~38 Hz] ──► y
 *
 * Source: ITU-R BS.1770-4 Annex 1 gives the coefficients at 48 kHz only. The analog-prototype formulas below are
 * those of libebur128 (J. Jones, ebur128.c), which reproduce the 48 kHz table to 1e-8; the RLB stage keeps its
 * numerator [1, −2, 1] un-normalised exactly as the standard's table does.
 */

export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export interface KWeightingCoefficients {
  /** Stage 1: the head's acoustic effect, a high shelf. */
  shelf: BiquadCoefficients;
  /** Stage 2: the revised low-frequency B-curve (RLB), a high-pass. */
  highPass: BiquadCoefficients;
}

export function kWeightingCoefficients(sampleRate: number): KWeightingCoefficients {
  // Source: libebur128 ebur128_init_filter (analog prototype of BS.1770-4 stage 1, bilinear transform).
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = Math.pow(10, gainDb / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  const a0 = 1 + k / q + k * k;
  const shelf: BiquadCoefficients = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  // Source: libebur128 (stage 2, RLB high-pass); numerator stays [1, −2, 1] as in BS.1770-4 Table 2.
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  const d = 1 + k / q + k * k;
  const highPass: BiquadCoefficients = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k * k - 1)) / d,
    a2: (1 - k / q + k * k) / d,
  };
  return { shelf, highPass };
}

/**
 * One step of a biquad in direct form I (its feedback path is one multiply-add long, so consecutive samples
 * pipeline well). Source: y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
 */
function biquad(
  b0: number,
  b1: number,
  b2: number,
  a1: number,
  a2: number,
  x: number,
  x1: number,
  x2: number,
  y1: number,
  y2: number,
): number {
  return b0 * x + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1;
}

/**
 * K-weighting for one channel that keeps its state between calls. Non-finite samples count as silence.
 * Stage 1 (shelf) then stage 2 (high-pass), each a biquad step (biquad above).
 */
export class KWeightingFilter {
  readonly c: KWeightingCoefficients;
  /** Filter history: input x, stage-1 output y (= stage-2 input), stage-2 output z; 1 = one sample back. */
  x1 = 0;
  x2 = 0;
  y1 = 0;
  y2 = 0;
  z1 = 0;
  z2 = 0;

  constructor(sampleRate: number) {
    this.c = kWeightingCoefficients(sampleRate);
  }

  /** Filters `frames` samples from `input[start]` and returns the sum of the squared K-weighted samples. */
  sumOfSquares(input: Float32Array, start: number, frames: number): number {
    const { b0, b1, b2, a1, a2 } = this.c.shelf;
    const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = this.c.highPass;
    let x1 = this.x1;
    let x2 = this.x2;
    let y1 = this.y1;
    let y2 = this.y2;
    let z1 = this.z1;
    let z2 = this.z2;
    let sum = 0;
    const end = start + frames;
    for (let i = start; i < end; i++) {
      let x = input[i] as number;
      if (!(x - x === 0)) x = 0;
      const y = biquad(b0, b1, b2, a1, a2, x, x1, x2, y1, y2);
      const z = biquad(hb0, hb1, hb2, ha1, ha2, y, y1, y2, z1, z2);
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      sum += z * z;
    }
    this.x1 = x1;
    this.x2 = x2;
    this.y1 = y1;
    this.y2 = y2;
    this.z1 = z1;
    this.z2 = z2;
    return sum;
  }
}

/**
 * Two channels through two filters with identical coefficients in one loop: the two recursions are independent,
 * so the processor overlaps them. Writes the two sums of squares to out[0] and out[1]. Same arithmetic as
 * KWeightingFilter.sumOfSquares.
 */
export function sumOfSquaresPair(
  fa: KWeightingFilter,
  fb: KWeightingFilter,
  a: Float32Array,
  b: Float32Array,
  start: number,
  frames: number,
  out: Float64Array,
): void {
  const { b0, b1, b2, a1, a2 } = fa.c.shelf;
  const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = fa.c.highPass;
  let ax1 = fa.x1;
  let ax2 = fa.x2;
  let ay1 = fa.y1;
  let ay2 = fa.y2;
  let az1 = fa.z1;
  let az2 = fa.z2;
  let bx1 = fb.x1;
  let bx2 = fb.x2;
  let by1 = fb.y1;
  let by2 = fb.y2;
  let bz1 = fb.z1;
  let bz2 = fb.z2;
  let sumA = 0;
  let sumB = 0;
  const end = start + frames;
  for (let i = start; i < end; i++) {
    let xa = a[i] as number;
    if (!(xa - xa === 0)) xa = 0;
    let xb = b[i] as number;
    if (!(xb - xb === 0)) xb = 0;
    const ya = biquad(b0, b1, b2, a1, a2, xa, ax1, ax2, ay1, ay2);
    const yb = biquad(b0, b1, b2, a1, a2, xb, bx1, bx2, by1, by2);
    const za = biquad(hb0, hb1, hb2, ha1, ha2, ya, ay1, ay2, az1, az2);
    const zb = biquad(hb0, hb1, hb2, ha1, ha2, yb, by1, by2, bz1, bz2);
    ax2 = ax1;
    ax1 = xa;
    ay2 = ay1;
    ay1 = ya;
    az2 = az1;
    az1 = za;
    bx2 = bx1;
    bx1 = xb;
    by2 = by1;
    by1 = yb;
    bz2 = bz1;
    bz1 = zb;
    sumA += za * za;
    sumB += zb * zb;
  }
  fa.x1 = ax1;
  fa.x2 = ax2;
  fa.y1 = ay1;
  fa.y2 = ay2;
  fa.z1 = az1;
  fa.z2 = az2;
  fb.x1 = bx1;
  fb.x2 = bx2;
  fb.y1 = by1;
  fb.y2 = by2;
  fb.z1 = bz1;
  fb.z2 = bz2;
  out[0] = sumA;
  out[1] = sumB;
}
