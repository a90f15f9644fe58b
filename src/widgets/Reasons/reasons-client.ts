/**
 * The Reasons panel's side of its Worker (reasons.worker.ts), a measure client (shared/measure-client.ts: one job
 * at a time, only the newest waiting, stale answers dropped): measure(clip, render) resolves with the four
 * measures, or with null once made stale. The original goes over once per clip, with its first render's detector.
 */
import type { OfflineRender } from '../../dsp/types';
import type { ReasonsBeforeAfter } from '../shared/reasons';
import {
  copies,
  inlineMeasurePort,
  MeasureClient,
  type MeasurePort,
  type MeasureSpec,
  workerMeasureClient,
} from '../shared/measure-client';
import { reasonsHandler, type ReasonsClipFields, type ReasonsMeasureFields } from './reasons-protocol';
import workerUrl from './reasons.worker.ts?worker&url';

type Measured = Pick<OfflineRender, 'output' | 'detectorDb'>;

/** What the client needs of a Worker (a fake in unit tests, the inline port without Workers). */
export type ReasonsPort = MeasurePort<ReasonsClipFields, ReasonsMeasureFields, ReasonsBeforeAfter>;

const spec: MeasureSpec<Measured, ReasonsClipFields, ReasonsMeasureFields> = {
  clip(clip, render) {
    const channels = copies(clip.channels);
    const detectorDb = render.detectorDb.slice();
    return {
      body: { sampleRate: clip.sampleRate, channels: channels.arrays, detectorDb },
      transfer: [...channels.buffers, detectorDb.buffer],
    };
  },
  measure(render) {
    const output = copies(render.output);
    return { body: { output: output.arrays }, transfer: output.buffers };
  },
};

export class ReasonsClient extends MeasureClient<
  Measured,
  ReasonsClipFields,
  ReasonsMeasureFields,
  ReasonsBeforeAfter
> {
  constructor(port: ReasonsPort) {
    super(port, spec);
  }
}

/** Runs the Worker's handler on the main thread, one task per message (where Workers are unavailable). */
export function inlinePort(): ReasonsPort {
  return inlineMeasurePort(reasonsHandler());
}

/** A client on its own Worker (or inline where Workers are unavailable or it fails). */
export function reasonsClient(): MeasureClient<Measured, ReasonsClipFields, ReasonsMeasureFields, ReasonsBeforeAfter> {
  return workerMeasureClient(workerUrl, 'compressor-lab-reasons', reasonsHandler, spec);
}
