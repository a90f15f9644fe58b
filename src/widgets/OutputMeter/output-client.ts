/**
 * The output meter's side of its Worker (output.worker.ts), a measure client (shared/measure-client.ts: one job at
 * a time, only the newest waiting, stale answers dropped): each render's output goes over as a copy.
 */
import type { OfflineRender } from '../../dsp/types';
import { copies, workerMeasureClient, type MeasureClient, type MeasureSpec } from '../shared/measure-client';
import type { OutputMeasures } from './model';
import { outputHandler, type OutputClipFields, type OutputMeasureFields } from './output-protocol';
import workerUrl from './output.worker.ts?worker&url';

type Measured = Pick<OfflineRender, 'output' | 'sampleRate'>;

export const outputSpec: MeasureSpec<Measured, OutputClipFields, OutputMeasureFields> = {
  clip: () => ({ body: {}, transfer: [] }),
  measure(render) {
    const output = copies(render.output);
    return { body: { output: output.arrays, sampleRate: render.sampleRate }, transfer: output.buffers };
  },
};

/** A client on its own Worker (or inline where Workers are unavailable). */
export function outputClient(): MeasureClient<Measured, OutputClipFields, OutputMeasureFields, OutputMeasures> {
  return workerMeasureClient(workerUrl, 'compressor-lab-output-meter', outputHandler, outputSpec);
}
