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
 * K-weighting for one channel that keeps its state between calls. Non-finite samples count as silence.
 * Transposed direct form II per stage. Source: y = b0·x + s1; s1 = b1·x − a1·y + s2; s2 = b2·x − a2·y.
 */
export class KWeightingFilter {
  readonly c: KWeightingCoefficients;
  /** Filter state (stage 1: s1, s2; stage 2: t1, t2). */
  s1 = 0;
  s2 = 0;
  t1 = 0;
  t2 = 0;

  constructor(sampleRate: number) {
    this.c = kWeightingCoefficients(sampleRate);
  }

  /** Filters `frames` samples from `input[start]` and returns the sum of the squared K-weighted samples. */
  sumOfSquares(input: Float32Array, start: number, frames: number): number {
    const { shelf, highPass } = this.c;
    const { b0, b1, b2, a1, a2 } = shelf;
    const hb0 = highPass.b0;
    const hb1 = highPass.b1;
    const hb2 = highPass.b2;
    const ha1 = highPass.a1;
    const ha2 = highPass.a2;
    let s1 = this.s1;
    let s2 = this.s2;
    let t1 = this.t1;
    let t2 = this.t2;
    let sum = 0;
    const end = start + frames;
    for (let i = start; i < end; i++) {
      let x = input[i] as number;
      if (!(x - x === 0)) x = 0;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      const z = hb0 * y + t1;
      t1 = hb1 * y - ha1 * z + t2;
      t2 = hb2 * y - ha2 * z;
      sum += z * z;
    }
    this.s1 = s1;
    this.s2 = s2;
    this.t1 = t1;
    this.t2 = t2;
    return sum;
  }
}

/**
 * Two channels through two filters with identical coefficients in one loop: the two recursions are independent,
 * so the processor overlaps them (about twice the throughput of filtering the channels one after the other).
 * Writes the two sums of squares to out[0] and out[1]. Same arithmetic as KWeightingFilter.sumOfSquares.
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
  const hb0 = fa.c.highPass.b0;
  const hb1 = fa.c.highPass.b1;
  const hb2 = fa.c.highPass.b2;
  const ha1 = fa.c.highPass.a1;
  const ha2 = fa.c.highPass.a2;
  let as1 = fa.s1;
  let as2 = fa.s2;
  let at1 = fa.t1;
  let at2 = fa.t2;
  let bs1 = fb.s1;
  let bs2 = fb.s2;
  let bt1 = fb.t1;
  let bt2 = fb.t2;
  let sumA = 0;
  let sumB = 0;
  const end = start + frames;
  for (let i = start; i < end; i++) {
    let x = a[i] as number;
    if (!(x - x === 0)) x = 0;
    let v = b[i] as number;
    if (!(v - v === 0)) v = 0;
    const ya = b0 * x + as1;
    const yb = b0 * v + bs1;
    as1 = b1 * x - a1 * ya + as2;
    bs1 = b1 * v - a1 * yb + bs2;
    as2 = b2 * x - a2 * ya;
    bs2 = b2 * v - a2 * yb;
    const za = hb0 * ya + at1;
    const zb = hb0 * yb + bt1;
    at1 = hb1 * ya - ha1 * za + at2;
    bt1 = hb1 * yb - ha1 * zb + bt2;
    at2 = hb2 * ya - ha2 * za;
    bt2 = hb2 * yb - ha2 * zb;
    sumA += za * za;
    sumB += zb * zb;
  }
  fa.s1 = as1;
  fa.s2 = as2;
  fa.t1 = at1;
  fa.t2 = at2;
  fb.s1 = bs1;
  fb.s2 = bs2;
  fb.t1 = bt1;
  fb.t2 = bt2;
  out[0] = sumA;
  out[1] = sumB;
}
