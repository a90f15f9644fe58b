/**
 * The compressor's two faces over ONE kernel (kernel.ts):
 *
 *   renderOffline:        whole buffers ──► kernel (+ D zeros to flush the lookahead) ──► drop first D samples
 *                         ──► output time-aligned with the input, plus per-sample detector / target / applied
 *   StreamingCompressor:  blocks of any size ──► kernel (state kept between calls) ──► output delayed by D
 *
 * With constant parameters both give the same samples (the streaming output is the offline one delayed by
 * latencySamples), whatever the block size. renderSummarizedSteps also gives the block summaries of the offline
 * render's arrays (block-extremes.ts), made by the kernel as it writes them where it can (kernel-block-wasm.ts).
 */
import {
  blankSummary,
  renderArrays,
  renderSummariesOf,
  summarizeAll,
  type BlockSummary,
  type RenderSummaries,
} from './block-extremes';
import { gainToDb } from './levels';
import { CompressorKernel, type KernelTrace } from './kernel';
import type { CompressorParams, OfflineRender } from './types';

function frameCount(channels: readonly Float32Array[]): number {
  const first = channels[0];
  if (!first) throw new RangeError('renderOffline needs at least one channel');
  for (const ch of channels) {
    if (ch.length !== first.length) throw new RangeError('renderOffline: all channels must have the same length');
  }
  return first.length;
}

/**
 * Compresses whole channels. Per-sample arrays: detectorDb and targetReductionDb describe the input at sample n;
 * appliedReductionDb is the reduction applied to output sample n (with lookahead it rises before the transient,
 * which is the point of lookahead).
 */
export function renderOffline(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
): OfflineRender {
  const steps = renderOfflineSteps(channels, sampleRate, params, Infinity);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * renderOffline worked through in chunks: yields after every `chunkFrames` frames, so a caller (the render
 * Worker) can spread the work over small tasks and drop it when something more urgent arrives. The kernel keeps
 * its state between calls, so the result is the same, sample for sample, whatever the chunk size. `alloc` gives the
 * arrays written (output and traces, each of length frames + latency): every value of each is written, so they may
 * be reused arrays holding anything (the render Worker's pool, src/state/render-pool.ts).
 */
export function* renderOfflineSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  chunkFrames: number,
  alloc?: (length: number) => Float32Array,
): Generator<void, OfflineRender, void> {
  return (yield* kernelSteps(channels, sampleRate, params, chunkFrames, alloc, 0)).render;
}

/** An offline render and the block summaries of its per-sample arrays. */
export interface SummarizedRender {
  render: OfflineRender;
  summaries: RenderSummaries;
}

/**
 * renderOfflineSteps with the summaries of every array it returns in blocks of `block` samples (block-extremes.ts),
 * equal to summarizeRange over each whole array. Without lookahead, and with `chunkFrames` a multiple of `block`
 * (or Infinity), the kernel makes them as it writes each piece (kernel-block-wasm.ts: from the rows in its memory);
 * otherwise (realigned copies) they are made of the finished arrays, one array per step.
 */
export function* renderSummarizedSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  chunkFrames: number,
  alloc: ((length: number) => Float32Array) | undefined,
  block: number,
): Generator<void, SummarizedRender, void> {
  if (!(Number.isInteger(block) && block > 0)) throw new RangeError(`summary block ${block} is invalid`);
  const { render, summaries } = yield* kernelSteps(channels, sampleRate, params, chunkFrames, alloc, block);
  if (summaries) return { render, summaries };
  const each: BlockSummary[] = [];
  for (const values of renderArrays(render)) {
    each.push(summarizeAll(values, block));
    yield;
  }
  return { render, summaries: renderSummariesOf(render.output.length, each) };
}

/**
 * The render, in chunks, with the kernel's summaries of it in blocks of `block` (0: none) where it can make them:
 * no lookahead (no realigned copies) and chunks on block boundaries; null otherwise.
 */
function* kernelSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  chunkFrames: number,
  alloc: (length: number) => Float32Array = (length) => new Float32Array(length),
  block: number,
): Generator<void, { render: OfflineRender; summaries: RenderSummaries | null }, void> {
  const frames = frameCount(channels);
  const kernel = new CompressorKernel(sampleRate, channels.length, params);
  const latency = kernel.latencySamples;
  const total = frames + latency;
  const output = channels.map(() => alloc(total));
  const trace: KernelTrace = {
    detectorDb: alloc(total),
    targetReductionDb: alloc(total),
    appliedReductionDb: alloc(total),
  };
  const inKernel = block > 0 && latency === 0 && (chunkFrames === Infinity || chunkFrames % block === 0);
  const sums: RenderSummaries | null = inKernel
    ? {
        output: output.map(() => blankSummary(total, block)),
        detectorDb: blankSummary(total, block),
        targetReductionDb: blankSummary(total, block),
        appliedReductionDb: blankSummary(total, block),
      }
    : null;
  for (let start = 0; start < frames; start += chunkFrames) {
    kernel.process(channels, start, output, start, null, Math.min(chunkFrames, frames - start), trace, start, sums);
    yield;
  }
  if (latency > 0) {
    const zeros = channels.map(() => new Float32Array(latency));
    kernel.process(zeros, 0, output, frames, null, latency, trace, frames);
  }
  const aligned = (a: Float32Array): Float32Array => (latency > 0 ? a.slice(latency) : a);
  const render: OfflineRender = {
    output: output.map(aligned),
    detectorDb: latency > 0 ? trace.detectorDb.slice(0, frames) : trace.detectorDb,
    targetReductionDb: latency > 0 ? trace.targetReductionDb.slice(0, frames) : trace.targetReductionDb,
    appliedReductionDb: aligned(trace.appliedReductionDb),
    makeupDb: kernel.makeupDb,
    latencySamples: latency,
    sampleRate,
  };
  return { render, summaries: sums };
}

/** Levels of the last processed block, updated in place (no allocation). */
export interface StreamingMeter {
  /** Largest input sample of the block, dBFS. */
  inputPeakDb: number;
  /** Largest output sample of the block, dBFS. */
  outputPeakDb: number;
  /** Largest applied gain reduction during the block, dB ≥ 0 (before make-up). */
  reductionDb: number;
}

/**
 * Block-by-block compressor for the AudioWorklet: keeps state between calls, smooths parameter changes per sample
 * (RAMP_MS), delays the audio by latencySamples, and allocates nothing per block.
 */
export class StreamingCompressor {
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly meter: StreamingMeter = { inputPeakDb: -Infinity, outputPeakDb: -Infinity, reductionDb: 0 };
  private readonly kernel: CompressorKernel;

  constructor(opts: { sampleRate: number; channelCount: number; params: CompressorParams }) {
    this.sampleRate = opts.sampleRate;
    this.channelCount = opts.channelCount;
    this.kernel = new CompressorKernel(opts.sampleRate, opts.channelCount, opts.params);
  }

  /** Delay of the audio path (lookahead), samples. */
  get latencySamples(): number {
    return this.kernel.latencySamples;
  }

  /** The parameters in force (clamped into range). */
  get params(): CompressorParams {
    return this.kernel.params;
  }

  /** Make-up gain in dB the current settings resolve to ('auto' included). */
  get makeupDb(): number {
    return this.kernel.makeupDb;
  }

  /** New settings; threshold, ratio, knee, make-up, mix, link and lookahead glide over RAMP_MS (no zipper). */
  setParams(p: CompressorParams): void {
    this.kernel.setParams(p, true);
  }

  /** Compresses `frames` frames of inputs into outputs (missing input channels count as silence). */
  process(inputs: readonly Float32Array[], outputs: Float32Array[], frames: number): void {
    this.kernel.process(inputs, 0, outputs, 0, null, frames, null, 0);
    this.updateMeter();
  }

  /** Like process(), and also writes the dry input delayed by latencySamples, aligned with the output. */
  processWithDry(
    inputs: readonly Float32Array[],
    wetOutputs: Float32Array[],
    dryOutputs: Float32Array[],
    frames: number,
  ): void {
    this.kernel.process(inputs, 0, wetOutputs, 0, dryOutputs, frames, null, 0);
    this.updateMeter();
  }

  /** Forgets the signal history (e.g. when playback jumps). */
  reset(): void {
    this.kernel.reset();
    this.meter.inputPeakDb = -Infinity;
    this.meter.outputPeakDb = -Infinity;
    this.meter.reductionDb = 0;
  }

  private updateMeter(): void {
    const k = this.kernel;
    this.meter.inputPeakDb = gainToDb(Math.sqrt(k.blockInputPeakSq));
    this.meter.outputPeakDb = gainToDb(k.blockOutputPeak);
    this.meter.reductionDb = k.blockMaxReductionDb;
  }
}
