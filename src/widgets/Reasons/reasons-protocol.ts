/**
 * Messages between the Reasons panel (reasons-client.ts) and its Worker (reasons.worker.ts), and the Worker's
 * pure job handler: the four measures (shared/reasons.ts, the one definition) of the original and of a render.
 * 'clip' hands over the original with the detector of its first render (hit onsets come from the original; the
 * detector gives only their levels); 'measure' hands over a render's output. Every array is transferred.
 */
import { reasonsBeforeAfter, type ReasonsBeforeAfter } from '../shared/reasons';

export type ToReasonsWorker =
  | { type: 'clip'; clipKey: number; sampleRate: number; channels: Float32Array[]; detectorDb: Float32Array }
  | { type: 'measure'; seq: number; clipKey: number; output: Float32Array[] };

export type FromReasonsWorker =
  { type: 'measured'; seq: number; result: ReasonsBeforeAfter } | { type: 'error'; seq: number; message: string };

/** The Worker's state and jobs, without the Worker: one clip kept, each 'measure' answered (null for 'clip'). */
export function reasonsHandler(): (msg: ToReasonsWorker) => FromReasonsWorker | null {
  let clip: Extract<ToReasonsWorker, { type: 'clip' }> | null = null;
  return (msg) => {
    if (msg.type === 'clip') {
      clip = msg;
      return null;
    }
    if (!clip || clip.clipKey !== msg.clipKey) {
      return { type: 'error', seq: msg.seq, message: 'the clip to measure against was not sent' };
    }
    const render = { output: msg.output, detectorDb: clip.detectorDb, sampleRate: clip.sampleRate };
    return { type: 'measured', seq: msg.seq, result: reasonsBeforeAfter(clip.channels, render) };
  };
}
