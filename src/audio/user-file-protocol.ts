/** Messages between src/audio/user-file.ts and its decode Worker (types only). */
import type { WavLayout } from '../io/wav';

export type ToUserFileWorker =
  | { type: 'wav'; id: number; name: string; file: Blob; layout: WavLayout; notes: string[] }
  | { type: 'check'; id: number; name: string; channels: Float32Array[]; sampleRate: number; notes: string[] };

export type FromUserFileWorker =
  | { type: 'progress'; id: number; fraction: number }
  | {
      type: 'done';
      id: number;
      sampleRate: number;
      channels: Float32Array[];
      spares: Float32Array[][];
      notes: string[];
    }
  | { type: 'error'; id: number; message: string };
