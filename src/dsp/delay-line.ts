/**
 * Multichannel delay line for the lookahead: the audio path (and the dry path of `mix`) is delayed, the detector
 * is not (docs/compressor.md §5).
 *
 *   x[n] ──► ring buffer ──► x[n − D]        (D changes cross-fade from the old tap to the new one)
 *
 * The kernel reads and writes the fields directly in its loops; this class owns allocation and reset. A block
 * writes all its input frames before it reads the delayed ones, hence the extra room of one block.
 */

/** Longest lookahead the delay line is allocated for, ms (the top of PARAM_SPECS.lookaheadMs). */
export const MAX_LOOKAHEAD_MS = 10;

export class DelayLine {
  readonly buffers: Float32Array[];
  readonly capacity: number;
  readonly maxDelay: number;
  /** Next write position. */
  write = 0;
  /** Current delay, samples. */
  delay = 0;
  /** Delay being faded out after a change, samples. */
  previousDelay = 0;
  /** Samples left in the cross-fade from previousDelay to delay (0 = none). */
  fadeLeft = 0;
  readonly fadeLength: number;

  /**
   * Room for the longest delay plus `blockFrames` frames written ahead of the reads of the same block. `alloc`
   * provides the buffers (the kernel's WebAssembly memory), else they are new arrays.
   */
  constructor(
    sampleRate: number,
    channelCount: number,
    fadeLength: number,
    blockFrames: number,
    alloc: ((length: number) => Float32Array) | null = null,
  ) {
    this.capacity = DelayLine.capacityFor(sampleRate, blockFrames);
    this.maxDelay = Math.ceil((MAX_LOOKAHEAD_MS * sampleRate) / 1000);
    this.buffers = Array.from({ length: channelCount }, () =>
      alloc ? alloc(this.capacity) : new Float32Array(this.capacity),
    );
    this.fadeLength = fadeLength;
  }

  /** Frames of each channel's ring: the longest delay, one block and one more. */
  static capacityFor(sampleRate: number, blockFrames: number): number {
    return Math.ceil((MAX_LOOKAHEAD_MS * sampleRate) / 1000) + blockFrames + 1;
  }

  /** Delay in samples for a lookahead time. Source: D = round(lookaheadMs · fs / 1000). */
  static samplesFor(lookaheadMs: number, sampleRate: number): number {
    return Math.round((lookaheadMs * sampleRate) / 1000);
  }

  /** Changes the delay; `smooth` cross-fades between the taps over fadeLength samples instead of jumping. */
  setDelay(samples: number, smooth: boolean): void {
    const d = Math.min(this.maxDelay, Math.max(0, samples));
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
