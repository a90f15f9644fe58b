/**
 * Block summaries of one offline render (pure): made in the render Worker as the kernel writes the render
 * (src/dsp/compressor.ts renderSummarizedSteps) and sent with it, attached on arrival, so the time views and the
 * measured transfer curve read whole blocks instead of every sample (see src/state/block-summary.ts; results are
 * identical).
 */
import { renderArrays, renderSummariesOf, summaryList, type RenderSummaries } from '../dsp/block-extremes';
import type { OfflineRender } from '../dsp/types';
import { attachSummary, summarize } from './block-summary';

export type { RenderSummaries } from '../dsp/block-extremes';

/** Summaries of every per-sample array of `render`. */
export function summarizeRender(render: OfflineRender): RenderSummaries {
  return renderSummariesOf(
    render.output.length,
    renderArrays(render).map((a) => summarize(a)),
  );
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
  const buffers: ArrayBuffer[] = [];
  for (const s of summaryList(summaries)) {
    for (const a of [s.min, s.max]) if (a.buffer instanceof ArrayBuffer) buffers.push(a.buffer);
  }
  return buffers;
}
