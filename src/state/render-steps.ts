/**
 * The render Worker's chunked renders: renderSummarizedSteps (src/dsp/compressor.ts) in ~1 ms steps, so the Worker
 * can render ahead of time in small tasks and drop the work the moment a real request arrives. The render is
 * identical, sample for sample, to renderOffline's, whatever arrays `alloc` gives (render-pool.ts), and comes with
 * the block summaries of its arrays in the blocks the time views read (block-summary.ts summaryBlock), made by the
 * kernel as it writes each piece.
 */
import { renderSummarizedSteps, type SummarizedRender } from '../dsp/compressor';
import type { CompressorParams } from '../dsp/types';
import { summaryBlock } from './block-summary';

/** Frames per step: a multiple of the kernel's 256-frame block, ~1 ms of work. */
export const STEP_FRAMES = 32768;

/**
 * renderOfflineSteps with the block summaries of every array of the render (equal to summarize() of each), in the
 * blocks the time views read.
 */
export function summarizedSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  chunkFrames: number = STEP_FRAMES,
  alloc?: (length: number) => Float32Array,
): Generator<void, SummarizedRender, void> {
  const block = summaryBlock(channels[0]?.length ?? 0);
  return renderSummarizedSteps(channels, sampleRate, params, chunkFrames, alloc, block);
}

/** Run the steps to the end. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
