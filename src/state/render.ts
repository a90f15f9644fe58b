/**
 * Keeps `lab.render` and `lab.loudness` current from `lab.clip` + `lab.params`.
 *
 *   params/clip ──► render queue ──► Worker A: renderOffline ──► lab.render ──► loudness queue
 *                                                                 └──► Worker B: BS.1770 of compressed + removed ──► lab.loudness
 *
 * Both queues coalesce (while one job runs only the newest waits), so a slider drag never piles up work and the
 * plots refresh as soon as the compressor has run; loudness is measured once renders pause for LOUDNESS_DELAY_MS. Several widgets may call
 * connectRender(lab); they share one connection (reference counted). Where Workers are unavailable the same jobs
 * run on the main thread, one task later. Worker A sends block summaries with each render (attached for the
 * views' scans, render-summary.ts) and, while idle, renders ahead the settings a keyboard step would ask for next
 * (render-prediction.ts), so such a step is answered without waiting for the compressor.
 */
import { batch, effect } from '@preact/signals';
import { renderOffline } from '../dsp/compressor';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';
import { takeSpareCopy, type LoadedClip } from '../audio/clips';
import type { Lab } from './lab';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';
import { RenderQueue } from './render-queue';
import { measureLoudness } from './render-job';
import { attachRenderSummaries } from './render-summary';
import { attachSummary, ensureSummary } from './block-summary';
import { attachMeasuredTransfer } from './measured-transfer';
import { aheadCount, aheadList } from './render-prediction';
import workerUrl from './render.worker.ts?worker&url';

interface Runners {
  /** The runner summarises the clip's own channels itself (off the main thread) and attaches them with a render. */
  summarizesClip: boolean;
  render(clip: LoadedClip, params: CompressorParams): Promise<OfflineRender>;
  /** Render these settings ahead while idle (a hint: may do nothing). */
  ahead(clip: LoadedClip, params: CompressorParams[]): void;
  loudness(clip: LoadedClip, render: OfflineRender): Promise<ClipLoudness>;
  dispose(): void;
}

/** Quiet time after the last render before its loudness is measured, ms. */
const LOUDNESS_DELAY_MS = 80;

const clipKeys = new WeakMap<LoadedClip, number>();
let nextClipKey = 1;

function keyOf(clip: LoadedClip): number {
  let key = clipKeys.get(clip);
  if (!key) {
    key = nextClipKey++;
    clipKeys.set(clip, key);
  }
  return key;
}

type Job =
  { type: 'render'; params: CompressorParams } | { type: 'loudness'; compressed: Float32Array[]; makeupDb: number };

class WorkerClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: FromRenderWorker) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private sentClip = 0;

  constructor(name: string) {
    this.worker = new Worker(workerUrl, { type: 'module', name });
    this.worker.onmessage = (event: MessageEvent<FromRenderWorker>) => {
      const msg = event.data;
      const entry = this.waiting.get(msg.seq);
      if (!entry) return;
      this.waiting.delete(msg.seq);
      if (msg.type === 'error') entry.reject(new Error(msg.message));
      else entry.resolve(msg);
    };
  }

  private sendClip(clip: LoadedClip): number {
    const clipKey = keyOf(clip);
    if (this.sentClip !== clipKey) {
      // A long clip brings spare copies made off the main thread: transfer one rather than copy the clip here.
      // Otherwise hand over copies made here: a plain memory copy, where sending the clip's own arrays would
      // serialise them on the main thread, several times slower (the page keeps its own).
      const channels = takeSpareCopy(clip) ?? clip.channels.map((ch) => ch.slice());
      const msg: ToRenderWorker = { type: 'clip', clipKey, sampleRate: clip.sampleRate, channels };
      this.worker.postMessage(
        msg,
        channels.map((c) => c.buffer),
      );
      this.sentClip = clipKey;
    }
    return clipKey;
  }

  ahead(clip: LoadedClip, params: CompressorParams[]): void {
    this.post({ type: 'ahead', clipKey: this.sendClip(clip), params });
  }

  call(clip: LoadedClip, job: Job, transfer: Transferable[] = []): Promise<FromRenderWorker> {
    const clipKey = this.sendClip(clip);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...job, seq, clipKey } satisfies ToRenderWorker, transfer);
    });
  }

  private post(msg: ToRenderWorker): void {
    this.worker.postMessage(msg);
  }

  terminate(): void {
    this.worker.terminate();
    for (const entry of this.waiting.values()) entry.reject(new Error('disconnected'));
    this.waiting.clear();
  }
}

function workerRunners(): Runners {
  const meterCopies = new WeakMap<OfflineRender, Float32Array[]>();
  const renderer = new WorkerClient('compressor-lab-render');
  const meter = new WorkerClient('compressor-lab-loudness');
  return {
    summarizesClip: true,
    render: async (clip, params) => {
      const msg = await renderer.call(clip, { type: 'render', params });
      if (msg.type !== 'render') throw new Error('unexpected reply from the render worker');
      attachRenderSummaries(msg.render, msg.summaries);
      if (msg.meterCopy) meterCopies.set(msg.render, msg.meterCopy);
      msg.clipSummaries?.forEach((s, ch) => {
        const channel = clip.channels[ch];
        if (channel) attachSummary(channel, s);
      });
      if (msg.transfer) attachMeasuredTransfer(clip.channels, msg.render, msg.transfer);
      return msg.render;
    },
    ahead: (clip, params) => renderer.ahead(clip, params),
    loudness: async (clip, render) => {
      // A long render's output comes with a copy made in the render Worker: transfer it instead of copying here.
      // A short one is copied here and the copy handed over (sending the render's own arrays would serialise them
      // on the main thread, several times slower; they stay with the plots).
      const copy = meterCopies.get(render) ?? render.output.map((ch) => ch.slice());
      meterCopies.delete(render);
      const job: Job = { type: 'loudness', compressed: copy, makeupDb: render.makeupDb };
      const msg = await meter.call(
        clip,
        job,
        copy.map((c) => c.buffer),
      );
      if (msg.type !== 'loudness') throw new Error('unexpected reply from the loudness worker');
      return msg.loudness;
    },
    dispose: () => {
      renderer.terminate();
      meter.terminate();
    },
  };
}

function later<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

function inlineRunners(): Runners {
  const originals = new WeakMap<LoadedClip, ClipLoudness>();
  return {
    summarizesClip: false,
    render: (clip, params) => later(() => renderOffline(clip.channels, clip.sampleRate, params)),
    ahead: () => undefined,
    loudness: (clip, render) =>
      later(() => {
        const known = originals.get(clip)?.originalLufs;
        const loudness = measureLoudness(clip.channels, render.output, clip.sampleRate, render.makeupDb, known);
        originals.set(clip, loudness);
        return loudness;
      }),
    dispose: () => undefined,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const connections = new WeakMap<Lab, { count: number; dispose: () => void }>();

function connect(lab: Lab): () => void {
  let runners: Runners;
  try {
    runners = typeof Worker === 'function' ? workerRunners() : inlineRunners();
  } catch {
    runners = inlineRunners();
  }
  const fail = (error: unknown): void => {
    if (message(error) === 'disconnected') return;
    lab.error.value = `The compressor could not render this clip: ${message(error)}.`;
  };
  const loudnessQueue = new RenderQueue<LoadedClip, OfflineRender, ClipLoudness>(
    ({ clip, params: render }) => runners.loudness(clip, render),
    (loudness) => {
      lab.loudness.value = loudness;
    },
    fail,
  );
  let loudnessTimer: ReturnType<typeof setTimeout> | undefined;
  const renderQueue = new RenderQueue<LoadedClip, CompressorParams, OfflineRender>(
    ({ clip, params }) => runners.render(clip, params),
    (render, { clip, params }) => {
      batch(() => {
        lab.render.value = render;
        lab.renderParams.value = params;
      });
      // Once no newer request waits, render the likely next settings ahead (render-prediction.ts).
      previousParams = shownParams;
      shownParams = params;
      queueMicrotask(() => renderAhead(clip));
      // Measure once the renders pause (a drag has stopped), so the two jobs do not share the CPU meanwhile.
      clearTimeout(loudnessTimer);
      loudnessTimer = setTimeout(() => {
        if (!renderQueue.busy) loudnessQueue.request(clip, render);
      }, LOUDNESS_DELAY_MS);
    },
    fail,
  );
  let lastClip: LoadedClip | null = null;
  let shownParams: CompressorParams | null = null;
  let previousParams: CompressorParams | null = null;
  const renderAhead = (clip: LoadedClip): void => {
    if (renderQueue.busy || lab.clip.peek() !== clip || !shownParams) return;
    const limit = aheadCount(clip.channels[0]?.length ?? 0, clip.channels.length);
    if (limit > 0) runners.ahead(clip, aheadList(previousParams, shownParams, lab.nextParams.peek(), limit));
  };
  // A control's hints (lab.nextParams) can arrive while nothing renders: render them ahead then too.
  const stopHints = effect(() => {
    const hints = lab.nextParams.value;
    const clip = lab.clip.peek();
    if (clip && hints.length > 0) queueMicrotask(() => renderAhead(clip));
  });
  let summarizedClip: LoadedClip | null = null;
  const stop = effect(() => {
    const clip = lab.clip.value;
    const params = lab.params.value;
    if (clip !== lastClip) {
      // A render of the previous clip must never be drawn over the new one.
      lastClip = clip;
      shownParams = null;
      previousParams = null;
      clearTimeout(loudnessTimer);
      renderQueue.clear();
      loudnessQueue.clear();
      lab.render.value = null;
      lab.renderParams.value = null;
      lab.loudness.value = null;
    }
    if (clip) {
      // Once per clip: block summaries of the original, so zooming re-reads whole blocks (block-summary.ts).
      if (clip !== summarizedClip && !runners.summarizesClip) for (const ch of clip.channels) ensureSummary(ch);
      summarizedClip = clip;
      renderQueue.request(clip, params);
    }
  });
  return () => {
    stop();
    stopHints();
    clearTimeout(loudnessTimer);
    renderQueue.dispose();
    loudnessQueue.dispose();
    runners.dispose();
  };
}

/** Start keeping lab.render / lab.loudness current. Returns a disposer. */
export function connectRender(lab: Lab): () => void {
  let entry = connections.get(lab);
  if (!entry) {
    entry = { count: 0, dispose: connect(lab) };
    connections.set(lab, entry);
  }
  entry.count++;
  const held = entry;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count--;
    if (held.count <= 0) {
      held.dispose();
      connections.delete(lab);
    }
  };
}
