/**
 * Per-sample smoothing of the compressor's control values, so parameter changes while streaming never click.
 *
 *   setParams ──► target ──► linear ramp over RAMP_MS, one step per sample ──► rows[slot][i] (read by the kernel)
 *
 * A linear ramp reaches its target exactly after a fixed number of samples, so with constant parameters the
 * smoothed values equal the targets bit for bit and block size cannot change the result. Source: the same idea as
 * Web Audio's linearRampToValueAtTime and JUCE's SmoothedValue (linear); docs/compressor.md §8.
 */

/** Ramp duration for a parameter change, ms. */
export const RAMP_MS = 20;

/** Slots of the smoothed values. */
export const THRESHOLD = 0;
/** 1 − 1/R (so R = ∞ is the finite value 1 and ramps well). */
export const SLOPE = 1;
export const KNEE = 2;
/** Resolved make-up gain, dB. */
export const MAKEUP = 3;
export const MIX = 4;
export const LINK = 5;
/** Detector: 0 = peak, 1 = RMS (glides between the two powers, formulas.ts detectorPower). */
export const RMS = 6;
export const SLOT_COUNT = 7;

export class ParamRamp {
  readonly current = new Float64Array(SLOT_COUNT);
  readonly target = new Float64Array(SLOT_COUNT);
  readonly step = new Float64Array(SLOT_COUNT);
  /** Per slot, the value at each frame of the block being processed (advance()). */
  readonly rows: Float64Array[];
  /** Samples left in the running ramp (0 = settled: current equals target exactly). */
  left = 0;
  readonly length: number;
  /** Every entry of every row holds the settled value (nothing to write until the next change). */
  private rowsSettled = false;

  constructor(sampleRate: number, blockFrames: number) {
    this.length = Math.max(1, Math.round((RAMP_MS * sampleRate) / 1000));
    this.rows = Array.from({ length: SLOT_COUNT }, () => new Float64Array(blockFrames));
  }

  /** Sets the values at once (start-up and reset). */
  jumpTo(values: Float64Array): void {
    this.target.set(values);
    this.current.set(values);
    this.step.fill(0);
    this.left = 0;
    this.rowsSettled = false;
  }

  /** Starts a ramp from the current values to `values`; nothing happens when they are already the target. */
  rampTo(values: Float64Array): void {
    let changed = false;
    for (let k = 0; k < SLOT_COUNT; k++) if (values[k] !== this.target[k]) changed = true;
    if (!changed) return;
    this.target.set(values);
    for (let k = 0; k < SLOT_COUNT; k++) {
      this.step[k] = ((this.target[k] as number) - (this.current[k] as number)) / this.length;
    }
    this.left = this.length;
    this.rowsSettled = false;
  }

  /** Set by advance(): every frame of the block just advanced holds the same values (no ramp ran in it). */
  constant = false;

  /** Steps the ramp over `frames` frames, writing each frame's values into rows[slot][0 … frames). */
  advance(frames: number): void {
    this.constant = this.left === 0;
    if (this.rowsSettled) return;
    const left = this.left;
    for (let k = 0; k < SLOT_COUNT; k++) {
      const row = this.rows[k] as Float64Array;
      const step = this.step[k] as number;
      const target = this.target[k] as number;
      let v = this.current[k] as number;
      let l = left;
      let i = 0;
      for (; i < frames && l > 0; i++) {
        v += step;
        if (--l === 0) v = target;
        row[i] = v;
      }
      // Settled: the rest of the row, to its end, holds the target.
      if (l === 0) row.fill(target, i);
      this.current[k] = v;
    }
    this.left = Math.max(0, left - frames);
    // Settled before this block: every row now holds its target from frame 0 to the end.
    this.rowsSettled = left === 0;
  }
}
