/**
 * The clipping view's side of its Worker (clipping.worker.ts), a measure client (shared/measure-client.ts: one job
 * at a time, only the newest waiting, stale answers dropped): the original goes over once per clip, each render's
 * output as a copy with its make-up gain.
 */
import type { OfflineRender } from '../../dsp/types';
import { copies, workerMeasureClient, type MeasureClient, type MeasureSpec } from '../shared/measure-client';
import {
  clippingHandler,
  type ClippingClipFields,
  type ClippingMeasureFields,
  type ClippingResult,
} from './clipping-protocol';
import workerUrl from './clipping.worker.ts?worker&url';

type Measured = Pick<OfflineRender, 'output' | 'sampleRate' | 'makeupDb'>;

export const clippingSpec: MeasureSpec<Measured, ClippingClipFields, ClippingMeasureFields> = {
  clip(clip) {
    const channels = copies(clip.channels);
    return { body: { channels: channels.arrays }, transfer: channels.buffers };
  },
  measure(render) {
    const output = copies(render.output);
    return {
      body: { output: output.arrays, sampleRate: render.sampleRate, makeupDb: render.makeupDb },
      transfer: output.buffers,
    };
  },
};

/** A client on its own Worker (or inline where Workers are unavailable). */
export function clippingClient(): MeasureClient<Measured, ClippingClipFields, ClippingMeasureFields, ClippingResult> {
  return workerMeasureClient(workerUrl, 'compressor-lab-clipping', clippingHandler, clippingSpec);
}
