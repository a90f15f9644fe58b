/**
 * Block summaries of one offline render (pure): computed in the render Worker right after the render and sent
 * with it, attached on arrival, so the time views and the measured transfer curve read whole blocks instead of
 * every sample (see src/state/block-summary.ts; results are identical).
 */
import type { OfflineRender } from '../dsp/types';
import { attachSummary, summarize, type BlockSummary } from './block-summary';

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
