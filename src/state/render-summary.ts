/**
 * Block summaries of one offline render (pure): computed in the render Worker right after the render and sent
 * with it, attached on arrival, so the time views and the measured transfer curve read whole blocks instead of
 * every sample (see src/state/block-summary.ts; results are identical).
 */
import type { OfflineRender } from '../dsp/types';
import { attachSummary, blankSummary, summarize, summarizeRange, type BlockSummary } from './block-summary';

export interface RenderSummaries {
  output: BlockSummary[];
  detectorDb: BlockSummary;
  targetReductionDb: BlockSummary;
  appliedReductionDb: BlockSummary;
}

/** Summaries of every per-sample array of `render`. */
export function summarizeRender(render: OfflineRender): RenderSummaries {
  const arrays = [...render.output, render.detectorDb, render.targetReductionDb, render.appliedReductionDb];
  return summariesOf(
    render,
    arrays.map((a) => summarize(a)),
  );
}

/**
 * The summaries of `render` from one summary per array, in the order output channels, detector, target
 * reduction, applied reduction (so the render Worker can make them one per step).
 */
export function summariesOf(render: OfflineRender, each: readonly BlockSummary[]): RenderSummaries {
  const n = render.output.length;
  const at = (i: number): BlockSummary => {
    const s = each[i];
    if (!s) throw new Error('a summary is missing');
    return s;
  };
  return {
    output: each.slice(0, n),
    detectorDb: at(n),
    targetReductionDb: at(n + 1),
    appliedReductionDb: at(n + 2),
  };
}

/** Attach summaries to the arrays of `render` they were computed from (ones that do not fit are ignored). */
export function attachRenderSummaries(render: OfflineRender, summaries: RenderSummaries): void {
  render.output.forEach((ch, i) => {
    const s = summaries.output[i];
    if (s) attachSummary(ch, s);
  });
  attachSummary(render.detectorDb, summaries.detectorDb);
  attachSummary(render.targetReductionDb, summaries.targetReductionDb);
  attachSummary(render.appliedReductionDb, summaries.appliedReductionDb);
}

/** The ArrayBuffers of the summaries, for a zero-copy postMessage. */
export function summaryTransferables(summaries: RenderSummaries): ArrayBuffer[] {
  const all = [...summaries.output, summaries.detectorDb, summaries.targetReductionDb, summaries.appliedReductionDb];
  const buffers: ArrayBuffer[] = [];
  for (const s of all) {
    for (const a of [s.min, s.max]) if (a.buffer instanceof ArrayBuffer) buffers.push(a.buffer);
  }
  return buffers;
}

/**
 * Block summaries made chunk by chunk while a render is written (render.worker.ts): each chunk's blocks right after
 * the kernel has written them, while they are still in the processor's cache (a pass over the whole arrays after
 * the render reads them back from memory). `track` is the render's array allocator's wrapper; `advance` follows
 * the kernel; `of` gives the summary of an array of the finished render, summarised whole if it was not tracked
 * as it is (a lookahead render returns realigned copies).
 */
export class ChunkSummaries {
  private readonly tracked = new Map<Float32Array, BlockSummary>();
  private done = 0;

  constructor(private readonly frames: number) {}

  /** Summarise `values` (one of the arrays the render writes) as it is written, if it is frames long. */
  track(values: Float32Array): Float32Array {
    if (values.length === this.frames) this.tracked.set(values, blankSummary(values.length));
    return values;
  }

  /** The kernel has written frames [0, upTo) of every tracked array (upTo: a multiple of 256, or the end). */
  advance(upTo: number): void {
    const end = Math.min(upTo, this.frames);
    if (end <= this.done) return;
    for (const [values, summary] of this.tracked) summarizeRange(values, this.done, end, summary);
    this.done = end;
  }

  /** The summary of `values`, an array of the finished render. */
  of(values: Float32Array): BlockSummary {
    const summary = this.tracked.get(values);
    if (summary && this.done === this.frames) return summary;
    return summarize(values);
  }
}
