/**
 * Loudness per ITU-R BS.1770-4 and EBU Tech 3341/3342: integrated (gated), momentary (400 ms), short-term (3 s)
 * and loudness range (definitions: docs/compressor.md §9).
 *
 *   channels ──► K-weighting ──► x² summed per 100 ms hop, × channel weight G_i ──► hop energies
 *   hop energies ──► windows of 4 hops (momentary, gating blocks) or 30 hops (short-term) ──► LUFS
 *
 * Windows step by one 100 ms hop, so gating blocks overlap by 75 % as BS.1770-4 requires. A hop ends at sample
 * round(k·fs/10), so rates whose 100 ms is not a whole number of samples (11025 Hz) work too.
 */
import { KWeightingFilter, sumOfSquaresPair } from './k-weighting';

export { kWeightingCoefficients } from './k-weighting';

/** Source: ITU-R BS.1770-4 eq. 2: L = −0.691 + 10·log10(Σ G_i·z_i). */
const LOUDNESS_OFFSET = -0.691;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;
/** Source: EBU Tech 3342: short-term blocks more than 20 LU below their (absolute-gated) mean are dropped. */
const LRA_RELATIVE_GATE_LU = -20;
const MOMENTARY_HOPS = 4;
const SHORT_TERM_HOPS = 30;

/**
 * Channel weights G_i. Source: ITU-R BS.1770-4 Table 3: 1.0 for L, R, C; 1.41 for the surround channels; the LFE
 * is not measured. 5 channels are taken as L R C Ls Rs, 6 as L R C LFE Ls Rs; any other count weights all 1.
 */
export function channelWeights(channelCount: number): number[] {
  if (channelCount === 5) return [1, 1, 1, 1.41, 1.41];
  if (channelCount === 6) return [1, 1, 1, 0, 1.41, 1.41];
  return new Array<number>(channelCount).fill(1);
}

/** Accumulates weighted K-filtered energy per 100 ms hop; feed it whole buffers or chunks. */
export class LoudnessMeter {
  private readonly filters: KWeightingFilter[];
  private readonly weights: number[];
  private hopEnergy = new Float64Array(64);
  private hopLength = new Float64Array(64);
  private hops = 0;
  private samplesSeen = 0;
  private hopEnd: number;
  private acc = 0;
  private readonly pair = new Float64Array(2);
  private accLength = 0;

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
  ) {
    this.filters = Array.from({ length: channelCount }, () => new KWeightingFilter(sampleRate));
    this.weights = channelWeights(channelCount);
    this.hopEnd = Math.round(sampleRate / 10);
  }

  /** Adds `frames` frames starting at `start` of every channel. */
  push(channels: readonly Float32Array[], start = 0, frames = (channels[0]?.length ?? 0) - start): void {
    let offset = start;
    let left = frames;
    while (left > 0) {
      const n = Math.min(left, this.hopEnd - this.samplesSeen);
      let c = 0;
      for (; c + 1 < this.channelCount; c += 2) {
        const a = channels[c];
        const b = channels[c + 1];
        if (!a || !b) break;
        sumOfSquaresPair(
          this.filters[c] as KWeightingFilter,
          this.filters[c + 1] as KWeightingFilter,
          a,
          b,
          offset,
          n,
          this.pair,
        );
        this.acc +=
          (this.weights[c] as number) * (this.pair[0] as number) +
          (this.weights[c + 1] as number) * (this.pair[1] as number);
      }
      for (; c < this.channelCount; c++) {
        const ch = channels[c];
        const w = this.weights[c] as number;
        if (ch && w !== 0) this.acc += w * (this.filters[c] as KWeightingFilter).sumOfSquares(ch, offset, n);
      }
      this.accLength += n;
      this.samplesSeen += n;
      offset += n;
      left -= n;
      if (this.samplesSeen === this.hopEnd) this.closeHop();
    }
  }

  private closeHop(): void {
    if (this.hops === this.hopEnergy.length) {
      const energy = new Float64Array(this.hops * 2);
      energy.set(this.hopEnergy);
      this.hopEnergy = energy;
      const length = new Float64Array(this.hops * 2);
      length.set(this.hopLength);
      this.hopLength = length;
    }
    this.hopEnergy[this.hops] = this.acc;
    this.hopLength[this.hops] = this.accLength;
    this.hops++;
    this.acc = 0;
    this.accLength = 0;
    this.hopEnd = Math.round(((this.hops + 1) * this.sampleRate) / 10);
  }

  /** Mean weighted power Σ G_i·z_i of every gating block of `hopsPerWindow` hops, stepping one hop. */
  windowPowers(hopsPerWindow: number): Float64Array {
    const count = Math.max(0, this.hops - hopsPerWindow + 1);
    const out = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      let energy = 0;
      let length = 0;
      for (let h = j; h < j + hopsPerWindow; h++) {
        energy += this.hopEnergy[h] as number;
        length += this.hopLength[h] as number;
      }
      out[j] = energy / length;
    }
    return out;
  }

  /** Gated integrated loudness, LUFS (−Infinity when no block passes the gates). Source: BS.1770-4 eq. 5–7. */
  integrated(): number {
    const powers = this.windowPowers(MOMENTARY_HOPS);
    const absGated = gatedMean(powers, powerOfLoudness(ABSOLUTE_GATE_LUFS));
    if (absGated === 0) return -Infinity;
    const relativeGate = powerToLoudness(absGated) + RELATIVE_GATE_LU;
    const gate = Math.max(powerOfLoudness(relativeGate), powerOfLoudness(ABSOLUTE_GATE_LUFS));
    return powerToLoudness(gatedMean(powers, gate));
  }

  /** Momentary loudness, LUFS: element j covers [j·100 ms, j·100 ms + 400 ms). */
  momentary(): Float32Array {
    return Float32Array.from(this.windowPowers(MOMENTARY_HOPS), powerToLoudness);
  }

  /** Short-term loudness, LUFS: element j covers [j·100 ms, j·100 ms + 3 s). */
  shortTerm(): Float32Array {
    return Float32Array.from(this.windowPowers(SHORT_TERM_HOPS), powerToLoudness);
  }

  /**
   * Loudness range, LU: the spread between the 10th and 95th percentiles of gated short-term loudness.
   * Source: EBU Tech 3342 (absolute gate −70 LUFS, relative gate −20 LU, percentiles 10 and 95).
   */
  loudnessRange(): number {
    const powers = this.windowPowers(SHORT_TERM_HOPS);
    const absGated = gatedMean(powers, powerOfLoudness(ABSOLUTE_GATE_LUFS));
    if (absGated === 0) return 0;
    const gate = Math.max(
      powerOfLoudness(powerToLoudness(absGated) + LRA_RELATIVE_GATE_LU),
      powerOfLoudness(ABSOLUTE_GATE_LUFS),
    );
    const kept = Array.from(
      powers.filter((p) => p > gate),
      powerToLoudness,
    ).sort((a, b) => a - b);
    if (kept.length === 0) return 0;
    const at = (p: number): number => kept[Math.round((kept.length - 1) * p)] as number;
    return at(0.95) - at(0.1);
  }
}

/** Mean of the powers strictly above `gate` (0 when none). */
function gatedMean(powers: Float64Array, gate: number): number {
  let sum = 0;
  let count = 0;
  for (const p of powers) {
    if (p > gate) {
      sum += p;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

function powerToLoudness(power: number): number {
  return LOUDNESS_OFFSET + (10 * Math.log(power)) / Math.LN10;
}

function powerOfLoudness(lufs: number): number {
  return Math.pow(10, (lufs - LOUDNESS_OFFSET) / 10);
}

function measure(channels: readonly Float32Array[], sampleRate: number): LoudnessMeter {
  const meter = new LoudnessMeter(sampleRate, channels.length);
  meter.push(channels);
  return meter;
}

/** Integrated loudness of whole channels, LUFS; −Infinity for silence or clips shorter than 400 ms. */
export function integratedLoudness(channels: readonly Float32Array[], sampleRate: number): number {
  return measure(channels, sampleRate).integrated();
}

/** Momentary loudness (400 ms blocks, 100 ms hop), LUFS per block. */
export function momentaryLoudness(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  return measure(channels, sampleRate).momentary();
}

/** Short-term loudness (3 s blocks, 100 ms hop), LUFS per block. */
export function shortTermLoudness(channels: readonly Float32Array[], sampleRate: number): Float32Array {
  return measure(channels, sampleRate).shortTerm();
}

/** Loudness range (EBU Tech 3342), LU. */
export function loudnessRange(channels: readonly Float32Array[], sampleRate: number): number {
  return measure(channels, sampleRate).loudnessRange();
}
