/**
 * Per-sample smoothing of the compressor's control values, so parameter changes while streaming never click.
 *
 *   setParams ──► target ──► linear ramp over RAMP_MS, one step per sample ──► current (read by the kernel)
 *
 * A linear ramp reaches its target exactly after a fixed number of samples, so with constant parameters the
 * smoothed values equal the targets bit for bit and block size cannot change the result. Source: the same idea as
 * Web Audio's linearRampToValueAtTime and JUCE's SmoothedValue (linear).
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
export const SLOT_COUNT = 6;

export class ParamRamp {
  readonly current = new Float64Array(SLOT_COUNT);
  readonly target = new Float64Array(SLOT_COUNT);
  readonly step = new Float64Array(SLOT_COUNT);
  /** Samples left in the running ramp (0 = settled: current equals target exactly). */
  left = 0;
  readonly length: number;

  constructor(sampleRate: number) {
    this.length = Math.max(1, Math.round((RAMP_MS * sampleRate) / 1000));
  }

  /** Sets the values at once (start-up and reset). */
  jumpTo(values: Float64Array): void {
    this.target.set(values);
    this.current.set(values);
    this.step.fill(0);
    this.left = 0;
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
  }
}
