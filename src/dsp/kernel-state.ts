/**
 * The mutable state of one compressor kernel, shared by its two block loops (kernel-linked.ts for link = 1,
 * kernel-general.ts for link < 1). Plain fields so the loops can copy them into locals; nothing here allocates
 * after construction.
 */
import { DelayLine } from './delay-line';
import { ParamRamp } from './param-ramp';

/** Frames per inner block: the loops work through any request in blocks of at most this many frames. */
export const BLOCK_FRAMES = 256;
/** 10/ln(10): ln(power) → dB. */
export const LN_POWER_TO_DB = 10 / Math.LN10;
/** Detector floor: 1e-12 in power = 1e-6 in amplitude = −120 dBFS. Source: DESIGN.md §2.1. */
export const POWER_FLOOR = 1e-12;
/** Decaying state below these values is set to 0, so long silences never reach slow subnormal numbers. */
export const POWER_FLUSH = 1e-30;
export const FLUSH_DB = 1e-9;

/** Per-sample curves the offline render records (indexed by kernel time, i.e. before latency removal). */
export interface KernelTrace {
  detectorDb: Float32Array;
  targetReductionDb: Float32Array;
  appliedReductionDb: Float32Array;
}

export class KernelState {
  readonly ramp: ParamRamp;
  readonly delay: DelayLine;
  /** RMS detector mean square per channel. */
  readonly meanSquare: Float64Array;
  /** Applied (smoothed) reduction y_L per channel, dB. */
  readonly applied: Float64Array;
  /** Scratch: per-channel static reduction (general loop). */
  readonly channelTarget: Float64Array;
  /** Scratch: detector power per frame of a block (linked loop). */
  readonly level = new Float64Array(BLOCK_FRAMES);
  /** Scratch: output gain mix·g + 1 − mix per frame of a block (linked loop). */
  readonly gain = new Float64Array(BLOCK_FRAMES);
  attackCoef = 0;
  releaseCoef = 0;
  rmsCoef = 0;
  rms = false;
  /** Meters of the current process() call: largest input x², largest |output|, Σ output², largest y_L. */
  inputPeakSq = 0;
  outputPeak = 0;
  outputSumSq = 0;
  maxReductionDb = 0;

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
  ) {
    this.ramp = new ParamRamp(sampleRate);
    this.delay = new DelayLine(sampleRate, channelCount, this.ramp.length, BLOCK_FRAMES);
    this.meanSquare = new Float64Array(channelCount);
    this.applied = new Float64Array(channelCount);
    this.channelTarget = new Float64Array(channelCount);
  }
}
