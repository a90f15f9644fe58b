/**
 * Messages between src/state/render.ts and the render Workers (types only). Two workers run the same script: one
 * renders (so lab.render refreshes as soon as the compressor has run; 'ahead' lists settings to render while it
 * is idle, 'aheadClips' other clips to render at the current settings after those), the other measures loudness
 * of each render meanwhile. A worker keeps every clip it is sent until told to 'forget' it; a request names its
 * clip, which becomes the current one. 'reuse' hands the render worker the buffers of a render the page is done
 * with (render-pool.ts).
 */
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';
import type { RenderSummaries } from './render-summary';
import type { BlockSummary } from './block-summary';
import type { MeasuredBin } from './measured-transfer';

export type ToRenderWorker =
  | { type: 'clip'; clipKey: number; sampleRate: number; channels: Float32Array[] }
  | {
      type: 'render';
      seq: number;
      clipKey: number;
      params: CompressorParams;
      /** Send its measured transfer with it (render-client.ts: a clip's first render). */
      transfer?: boolean;
      /** Send a copy of the output for the loudness Worker with it (the same). */
      meterCopy?: boolean;
      /** Send a copy of the clip for the loudness Worker with it (the same, unless the clip brought spares). */
      clipCopy?: boolean;
    }
  | { type: 'ahead'; clipKey: number; params: CompressorParams[] }
  | { type: 'aheadClips'; jobs: { clipKey: number; params: CompressorParams }[] }
  | { type: 'forget'; clipKey: number }
  /** Buffers of a render the page no longer uses (render-loans.ts), for the next renders to be written into. */
  | { type: 'reuse'; buffers: ArrayBuffer[] }
  | { type: 'loudness'; seq: number; clipKey: number; compressed: Float32Array[]; makeupDb: number };

export type FromRenderWorker =
  | {
      type: 'render';
      seq: number;
      render: OfflineRender;
      summaries: RenderSummaries;
      /** Block summaries of the clip's own channels, with the first render of a clip. */
      clipSummaries?: BlockSummary[];
      /** The measured transfer of the render against the clip (measured-transfer.ts): ahead, long, or asked for. */
      transfer?: MeasuredBin[];
      /**
       * A copy of render.output for the loudness Worker (made there, not on the main thread): long, ahead, or
       * asked for.
       */
      meterCopy?: Float32Array[];
      /** A copy of the clip for the loudness Worker, when asked for. */
      clipCopy?: Float32Array[];
      workMs: number;
      renderMs: number;
    }
  | { type: 'loudness'; seq: number; loudness: ClipLoudness; workMs: number }
  | { type: 'error'; seq: number; message: string };
