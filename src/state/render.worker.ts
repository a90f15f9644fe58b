/**
 * Render Worker: keeps the current clip and either renders it with a params message or measures the loudness of
 * a render (render.ts runs one instance of each kind). Render results come back with their buffers transferred.
 */
import { renderOffline } from '../dsp/compressor';
import { integratedLoudness } from '../dsp/loudness';
import { measureLoudness, transferablesOf } from './render-job';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToRenderWorker>) => void) | null;
  postMessage(message: FromRenderWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let clip: { key: number; sampleRate: number; channels: Float32Array[]; originalLufs: number | null } | null = null;

function handle(msg: Exclude<ToRenderWorker, { type: 'clip' }>): void {
  if (!clip || clip.key !== msg.clipKey) throw new Error('the clip changed before it could be rendered');
  const start = performance.now();
  if (msg.type === 'render') {
    const render = renderOffline(clip.channels, clip.sampleRate, msg.params);
    const workMs = performance.now() - start;
    scope.postMessage({ type: 'render', seq: msg.seq, render, workMs }, transferablesOf(render));
    return;
  }
  clip.originalLufs ??= integratedLoudness(clip.channels, clip.sampleRate);
  const loudness = measureLoudness(clip.channels, msg.compressed, clip.sampleRate, msg.makeupDb, clip.originalLufs);
  scope.postMessage({ type: 'loudness', seq: msg.seq, loudness, workMs: performance.now() - start });
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'clip') {
    clip = { key: msg.clipKey, sampleRate: msg.sampleRate, channels: msg.channels, originalLufs: null };
    return;
  }
  try {
    handle(msg);
  } catch (error) {
    scope.postMessage({ type: 'error', seq: msg.seq, message: error instanceof Error ? error.message : String(error) });
  }
};
