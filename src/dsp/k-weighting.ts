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
  private readonly c: KWeightingCoefficients;
  private s1 = 0;
  private s2 = 0;
  private t1 = 0;
  private t2 = 0;

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
