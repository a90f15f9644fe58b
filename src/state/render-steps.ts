/**
 * renderOffline (src/dsp/compressor.ts) worked through in chunks (pure): a generator that yields after every
 * `chunkFrames` frames, so a Worker can render ahead of time in small tasks and drop the work the moment a real
 * request arrives. The kernel keeps its state between calls and, with constant parameters, gives the same samples
 * whatever the block size (compressor.ts), so the result is identical, sample for sample, to renderOffline's.
 */
import { CompressorKernel, type KernelTrace } from '../dsp/kernel';
import type { CompressorParams, OfflineRender } from '../dsp/types';

/** Frames per step: a multiple of the kernel's 256-frame block, ~1 ms of work. */
export const STEP_FRAMES = 32768;

export function* renderSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  chunkFrames: number = STEP_FRAMES,
): Generator<void, OfflineRender, void> {
  const first = channels[0];
  if (!first) throw new RangeError('renderOffline needs at least one channel');
  const frames = first.length;
  if (channels.some((ch) => ch.length !== frames)) {
    throw new RangeError('renderOffline: all channels must have the same length');
  }
  const kernel = new CompressorKernel(sampleRate, channels.length, params);
  const latency = kernel.latencySamples;
  const total = frames + latency;
  const output = channels.map(() => new Float32Array(total));
  const trace: KernelTrace = {
    detectorDb: new Float32Array(total),
    targetReductionDb: new Float32Array(total),
    appliedReductionDb: new Float32Array(total),
  };
  for (let start = 0; start < frames; start += chunkFrames) {
    kernel.process(channels, start, output, start, null, Math.min(chunkFrames, frames - start), trace, start);
    yield;
  }
  if (latency > 0) {
    const zeros = channels.map(() => new Float32Array(latency));
    kernel.process(zeros, 0, output, frames, null, latency, trace, frames);
  }
  const aligned = (a: Float32Array): Float32Array => (latency > 0 ? a.slice(latency) : a);
  return {
    output: output.map(aligned),
    detectorDb: latency > 0 ? trace.detectorDb.slice(0, frames) : trace.detectorDb,
    targetReductionDb: latency > 0 ? trace.targetReductionDb.slice(0, frames) : trace.targetReductionDb,
    appliedReductionDb: aligned(trace.appliedReductionDb),
    makeupDb: kernel.makeupDb,
    latencySamples: latency,
    sampleRate,
  };
}

/** Run the steps to the end. */
export function finish(steps: Generator<void, OfflineRender, void>): OfflineRender {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
