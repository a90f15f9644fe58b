/**
 * Messages between the clipping view (clipping-client.ts) and its Worker (clipping.worker.ts), and the Worker's
 * pure job handler: the loudness difference of a render against the original (Exercise/loudness-match.ts) and the
 * two panels of model.ts clippingModel, the one definition of each. 'clip' hands over the original, 'measure' a
 * render's output and make-up gain. The model is null where either version is silent (no loudness to match).
 */
import { measureHandler, type MeasureHandler, type ToMeasureWorker } from '../shared/measure-protocol';
import { measuredDeltaLu } from '../Exercise/loudness-match';
import { clippingModel, type ClippingModel } from './model';

export interface ClippingClipFields {
  channels: Float32Array[];
}

export interface ClippingMeasureFields {
  output: Float32Array[];
  sampleRate: number;
  makeupDb: number;
}

export type ToClippingWorker = ToMeasureWorker<ClippingClipFields, ClippingMeasureFields>;

export interface ClippingResult {
  model: ClippingModel | null;
}

export function clippingHandler(): MeasureHandler<ClippingClipFields, ClippingMeasureFields, ClippingResult> {
  return measureHandler((clip, render) => {
    const delta = measuredDeltaLu(clip.channels, render);
    return { model: delta === null ? null : clippingModel(clip.channels, render, delta) };
  });
}
