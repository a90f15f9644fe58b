/**
 * Block summaries of one offline render (pure): made in the render Worker as the kernel writes the render
 * (src/dsp/compressor.ts renderSummarizedSteps) and sent with it, attached on arrival, so the time views and the
 * measured transfer curve read whole blocks instead of every sample (see src/state/block-summary.ts; results are
 * identical).
 */
import type { RenderSummaries } from '../dsp/block-extremes';
import type { OfflineRender } from '../dsp/types';
import { attachSummary, summarize, type BlockSummary } from './block-summary';

export type { RenderSummaries } from '../dsp/block-extremes';

/** Summaries of every per-sample array of `render`. */
export function summarizeRender(render: OfflineRender): RenderSummaries {
  const arrays = [...render.output, render.detectorDb, render.targetReductionDb, render.appliedReductionDb];
  const each: BlockSummary[] = arrays.map((a) => summarize(a));
  const n = render.output.length;
  const [detectorDb, targetReductionDb, appliedReductionDb] = each.slice(n) as [
    BlockSummary,
    BlockSummary,
    BlockSummary,
  ];
  return { output: each.slice(0, n), detectorDb, targetReductionDb, appliedReductionDb };
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
