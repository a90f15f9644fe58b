/**
 * Messages between the Reasons panel (reasons-client.ts) and its Worker (reasons.worker.ts), and the Worker's
 * pure job handler: the four measures (shared/reasons.ts, the one definition) of the original and of a render.
 * 'clip' hands over the original with the detector of its first render (hit onsets come from the original; the
 * detector gives only their levels); 'measure' hands over a render's output. Every array is transferred
 * (shared/measure-protocol.ts).
 */
import { reasonsBeforeAfter, type ReasonsBeforeAfter } from '../shared/reasons';
import {
  measureHandler,
  type FromMeasureWorker,
  type MeasureHandler,
  type ToMeasureWorker,
} from '../shared/measure-protocol';

export interface ReasonsClipFields {
  sampleRate: number;
  channels: Float32Array[];
  detectorDb: Float32Array;
}

export interface ReasonsMeasureFields {
  output: Float32Array[];
}

export type ToReasonsWorker = ToMeasureWorker<ReasonsClipFields, ReasonsMeasureFields>;
export type FromReasonsWorker = FromMeasureWorker<ReasonsBeforeAfter>;

/** The Worker's state and jobs, without the Worker: one clip kept, each 'measure' answered (null for 'clip'). */
export function reasonsHandler(): MeasureHandler<ReasonsClipFields, ReasonsMeasureFields, ReasonsBeforeAfter> {
  return measureHandler((clip, job) =>
    reasonsBeforeAfter(clip.channels, { output: job.output, detectorDb: clip.detectorDb, sampleRate: clip.sampleRate }),
  );
}
