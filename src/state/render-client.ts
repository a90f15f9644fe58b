/**
 * How render.ts runs its jobs: in two Workers (render.worker.ts: one renders, one measures loudness), or inline on
 * the main thread, one task later, where Workers are unavailable. The Workers keep the clips they are sent, up to
 * CLIP_STORE_FLOATS besides the current one (the least recently used are forgotten), so switching back to a clip
 * heard before sends nothing and may be answered by a render made ahead. The arrays of a render the page is done
 * with go back to the render Worker, which writes later renders into them (render-loans.ts, render-pool.ts).
 */
import { renderOffline } from '../dsp/compressor';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';
import { addSpareCopies, hasSpareCopy, takeSpareCopy, type LoadedClip } from '../audio/clips';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';
import { measureLoudness, meterCopyOf, transferablesOf } from './render-job';
import { fitsPool } from './render-pool';
import { attachRenderSummaries } from './render-summary';
import { attachSummary } from './block-summary';
import { attachMeasuredTransfer } from './measured-transfer';
import { CLIP_STORE_FLOATS } from './render-prediction';
import workerUrl from './render.worker.ts?worker&url';

export interface Runners {
  /** The runner summarises the clip's own channels itself (off the main thread) and attaches them with a render. */
  summarizesClip: boolean;
  render(clip: LoadedClip, params: CompressorParams): Promise<OfflineRender>;
  /** Render these settings ahead while idle (a hint: may do nothing). */
  ahead(clip: LoadedClip, params: CompressorParams[]): void;
  /** After those, render these other clips at `params` ahead (a hint: clips no longer held are left out). */
  aheadClips(clips: readonly LoadedClip[], params: CompressorParams): void;
  /**
   * Measure the loudness of `render`: its output is copied (or a copy made in the render Worker taken) before this
   * returns, so the render may be given back as soon as it has.
   */
  loudness(clip: LoadedClip, render: OfflineRender): Promise<ClipLoudness>;
  /**
   * `render` is shown nowhere any more and nothing holds it (render-loans.ts): a render the render Worker made goes
   * back to it to be written again (render-pool.ts); others are left to the garbage collector.
   */
  giveBack(render: OfflineRender): void;
  dispose(): void;
}

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

const floatsOf = (clip: LoadedClip): number => clip.channels.reduce((n, ch) => n + ch.length, 0);

type Job =
  | { type: 'render'; params: CompressorParams; transfer?: boolean; meterCopy?: boolean; clipCopy?: boolean }
  | { type: 'loudness'; compressed: Float32Array[]; makeupDb: number };

class WorkerClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: FromRenderWorker) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** The clips the worker holds (clip key → floats), least recently used first. */
  private readonly held = new Map<number, number>();

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

  holds(clip: LoadedClip): boolean {
    const key = clipKeys.get(clip);
    return key !== undefined && this.held.has(key);
  }

  private sendClip(clip: LoadedClip): number {
    const clipKey = keyOf(clip);
    const floats = this.held.get(clipKey);
    this.held.delete(clipKey);
    if (floats === undefined) {
      // A long clip brings spare copies made off the main thread: transfer one rather than copy the clip here.
      // Otherwise hand over copies made here: a plain memory copy, where sending the clip's own arrays would
      // serialise them on the main thread, several times slower (the page keeps its own).
      const channels = takeSpareCopy(clip) ?? clip.channels.map((ch) => ch.slice());
      const msg: ToRenderWorker = { type: 'clip', clipKey, sampleRate: clip.sampleRate, channels };
      this.worker.postMessage(
        msg,
        channels.map((c) => c.buffer),
      );
    }
    this.held.set(clipKey, floats ?? floatsOf(clip));
    // Forget the least recently used clips beyond the budget (never the one just used).
    let others = [...this.held.values()].reduce((a, b) => a + b, 0) - (this.held.get(clipKey) ?? 0);
    for (const [key, size] of this.held) {
      if (others <= CLIP_STORE_FLOATS || key === clipKey) break;
      this.held.delete(key);
      this.post({ type: 'forget', clipKey: key });
      others -= size;
    }
    return clipKey;
  }

  ahead(clip: LoadedClip, params: CompressorParams[]): void {
    this.post({ type: 'ahead', clipKey: this.sendClip(clip), params });
  }

  aheadClips(clips: readonly LoadedClip[], params: CompressorParams): void {
    const jobs = clips.filter((c) => this.holds(c)).map((c) => ({ clipKey: keyOf(c), params }));
    this.post({ type: 'aheadClips', jobs });
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

  /** Hand the worker buffers it may write renders into (render-pool.ts); they are detached here. */
  reuse(buffers: ArrayBuffer[]): void {
    this.worker.postMessage({ type: 'reuse', buffers } satisfies ToRenderWorker, buffers);
  }

  terminate(): void {
    this.worker.terminate();
    for (const entry of this.waiting.values()) entry.reject(new Error('disconnected'));
    this.waiting.clear();
  }
}

function workerRunners(): Runners {
  const meterCopies = new WeakMap<OfflineRender, Float32Array[]>();
  /** Renders the render Worker made that the page has not given back. */
  const made = new WeakSet<OfflineRender>();
  const renderer = new WorkerClient('compressor-lab-render');
  // Started with the first loudness job (once the first render is shown), not in the page's hydration task.
  let meterClient: WorkerClient | null = null;
  const meter = (): WorkerClient => (meterClient ??= new WorkerClient('compressor-lab-loudness'));
  const meterHolds = (clip: LoadedClip): boolean => meterClient?.holds(clip) ?? false;
  /** Clips rendered before: a clip's first render (the page loading, a clip switched to) asks for copies. */
  const rendered = new WeakSet<LoadedClip>();
  return {
    summarizesClip: true,
    render: async (clip, params) => {
      // The page is loading or has switched clips, and the loudness job follows once the first render is shown: the
      // render Worker measures its transfer and copies the output (and the clip, unless a spare copy waits) for the
      // loudness Worker, rather than the page's main thread. (During a drag the page measures the transfer itself,
      // while the Worker renders the next step.)
      const job: Job = { type: 'render', params };
      if (!rendered.has(clip)) {
        rendered.add(clip);
        job.transfer = true;
        job.meterCopy = true;
        if (!meterHolds(clip) && !hasSpareCopy(clip)) job.clipCopy = true;
      }
      const msg = await renderer.call(clip, job);
      if (msg.type !== 'render') throw new Error('unexpected reply from the render worker');
      attachRenderSummaries(msg.render, msg.summaries);
      made.add(msg.render);
      if (msg.meterCopy) meterCopies.set(msg.render, msg.meterCopy);
      if (msg.clipCopy && !meterHolds(clip)) addSpareCopies(clip, [msg.clipCopy]);
      msg.clipSummaries?.forEach((s, ch) => {
        const channel = clip.channels[ch];
        if (channel) attachSummary(channel, s);
      });
      if (msg.transfer) attachMeasuredTransfer(clip.channels, msg.render, msg.transfer);
      return msg.render;
    },
    ahead: (clip, params) => renderer.ahead(clip, params),
    aheadClips: (clips, params) => renderer.aheadClips(clips, params),
    loudness: async (clip, render) => {
      // A clip's first render, a render made ahead and a long one come with a copy made in the render Worker:
      // transfer it instead of copying here. Others (a drag's last step) are copied here and the copy handed over
      // (sending the render's own arrays would serialise them on the main thread, several times slower; they stay
      // with the plots).
      const copy = meterCopies.get(render) ?? meterCopyOf(render);
      meterCopies.delete(render);
      const job: Job = { type: 'loudness', compressed: copy, makeupDb: render.makeupDb };
      const msg = await meter().call(
        clip,
        job,
        copy.map((c) => c.buffer),
      );
      if (msg.type !== 'loudness') throw new Error('unexpected reply from the loudness worker');
      return msg.loudness;
    },
    giveBack: (render) => {
      if (!made.delete(render)) return;
      const buffers = transferablesOf(render);
      if (fitsPool(buffers.reduce((n, b) => n + b.byteLength / 4, 0))) renderer.reuse(buffers);
    },
    dispose: () => {
      renderer.terminate();
      meterClient?.terminate();
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
    aheadClips: () => undefined,
    giveBack: () => undefined,
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

/** Worker runners where Workers exist (and start), inline ones otherwise. */
export function makeRunners(): Runners {
  try {
    return typeof Worker === 'function' ? workerRunners() : inlineRunners();
  } catch {
    return inlineRunners();
  }
}
