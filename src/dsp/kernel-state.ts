/**
 * The mutable state of one compressor kernel, read and written by its block loop (kernel-block.ts). Plain fields
 * so the loop can copy them into locals; nothing here allocates after construction.
 */
import { DelayLine } from './delay-line';
import { createWasmBlock, type WasmBlock } from './kernel-wasm';
import { ParamRamp } from './param-ramp';

/** Frames per inner block: the loop works through any request in blocks of at most this many frames. */
export const BLOCK_FRAMES = 256;

/** Frames a request passes through the WebAssembly block's memory at a time (kernel-wasm.ts): a multiple of BLOCK_FRAMES. */
export const WASM_CHUNK_FRAMES = 2048;

/** Per-sample curves the offline render records (indexed by kernel time, i.e. before latency removal). */
export interface KernelTrace {
  detectorDb: Float32Array;
  targetReductionDb: Float32Array;
  appliedReductionDb: Float32Array;
}

export class KernelState {
  readonly ramp: ParamRamp;
  readonly delay: DelayLine;
  /** RMS detector mean square per channel (kept up to date whichever detector is selected). */
  readonly meanSquare: Float64Array;
  /** Applied (smoothed) reduction y_L per channel, dB. */
  readonly applied: Float64Array;
  /**
   * Scratch rows of BLOCK_FRAMES per channel: the detector power of each frame, which the loop turns into the
   * channel's target reduction, then its applied reduction y_L, then its output gain.
   */
  readonly rows: Float64Array[];
  /** The WebAssembly block for linked stereo blocks (kernel-wasm.ts; stereo only), null to use the JS passes. */
  readonly wasm: WasmBlock | null;
  /** Scratch: per frame the loudest channel's power, then its target reduction (then, linked, y_L and gain). */
  readonly loudest = new Float64Array(BLOCK_FRAMES);
  /** Scratch: per frame the largest applied reduction over the channels (unlinked blocks). */
  readonly appliedMax = new Float64Array(BLOCK_FRAMES);
  /** The quiet power of kernel-block.ts's quietPower, and the settled threshold and knee it was computed for. */
  quietPower = -1;
  readonly quietFor = new Float64Array([NaN, NaN]);
  attackCoef = 0;
  releaseCoef = 0;
  rmsCoef = 0;
  /** Meters of the current process() call: largest input x², largest |output|, Σ output², largest y_L. */
  inputPeakSq = 0;
  outputPeak = 0;
  outputSumSq = 0;
  maxReductionDb = 0;

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
  ) {
    this.ramp = new ParamRamp(sampleRate, BLOCK_FRAMES);
    const ring = DelayLine.capacityFor(sampleRate, BLOCK_FRAMES);
    const wasm = channelCount === 2 ? createWasmBlock(WASM_CHUNK_FRAMES, BLOCK_FRAMES, ring) : null;
    this.wasm = wasm;
    // With the block, the delay rings live in its memory, where both it and the JS passes read and write them.
    let c = 0;
    const alloc = wasm ? () => wasm.rings[c++] as Float32Array : null;
    this.delay = new DelayLine(sampleRate, channelCount, this.ramp.length, BLOCK_FRAMES, alloc);
    this.meanSquare = new Float64Array(channelCount);
    this.applied = new Float64Array(channelCount);
    this.rows = Array.from({ length: channelCount }, () => new Float64Array(BLOCK_FRAMES));
  }
}
