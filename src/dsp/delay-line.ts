/**
 * Multichannel delay line for the lookahead: the audio path (and the dry path of `mix`) is delayed, the detector
 * is not.
 *
 *   x[n] ──► ring buffer ──► x[n − D]        (D changes cross-fade from the old tap to the new one)
 *
 * The kernel reads and writes the fields directly in its per-sample loop; this class owns allocation and reset.
 */

/** Longest lookahead the delay line is allocated for, ms (the top of PARAM_SPECS.lookaheadMs). */
export const MAX_LOOKAHEAD_MS = 10;

export class DelayLine {
  readonly buffers: Float32Array[];
  readonly capacity: number;
  /** Next write position. */
  write = 0;
  /** Current delay, samples. */
  delay = 0;
  /** Delay being faded out after a change, samples. */
  previousDelay = 0;
  /** Samples left in the cross-fade from previousDelay to delay (0 = none). */
  fadeLeft = 0;
  readonly fadeLength: number;

  constructor(sampleRate: number, channelCount: number, fadeLength: number) {
    this.capacity = Math.ceil((MAX_LOOKAHEAD_MS * sampleRate) / 1000) + 1;
    this.buffers = Array.from({ length: channelCount }, () => new Float32Array(this.capacity));
    this.fadeLength = fadeLength;
  }

  /** Delay in samples for a lookahead time. Source: D = round(lookaheadMs · fs / 1000). */
  static samplesFor(lookaheadMs: number, sampleRate: number): number {
    return Math.round((lookaheadMs * sampleRate) / 1000);
  }

  /** Changes the delay; `smooth` cross-fades between the taps over fadeLength samples instead of jumping. */
  setDelay(samples: number, smooth: boolean): void {
    const d = Math.min(this.capacity - 1, Math.max(0, samples));
    if (d === this.delay) return;
    this.previousDelay = this.delay;
    this.delay = d;
    this.fadeLeft = smooth ? this.fadeLength : 0;
  }

  clear(): void {
    for (const b of this.buffers) b.fill(0);
    this.write = 0;
    this.fadeLeft = 0;
  }
}
