/**
 * How render.ts runs its jobs: in two Workers (render.worker.ts: one renders, one measures loudness), or inline on
 * the main thread, one task later, where Workers are unavailable. The Workers keep the clips they are sent, up to
 * CLIP_STORE_FLOATS besides the current one (the least recently used are forgotten), so switching back to a clip
 * heard before sends nothing and may be answered by a render made ahead.
 */
import { renderOffline } from '../dsp/compressor';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';
import { takeSpareCopy, type LoadedClip } from '../audio/clips';
import type { FromRenderWorker, ToRenderWorker } from './render-protocol';
import { measureLoudness, meterCopyOf } from './render-job';
import { attachRenderSummaries } from './render-summary';
import { attachSummary, summaryOf } from './block-summary';
import { attachMeasuredTransfer } from './measured-transfer';
import { CLIP_STORE_FLOATS, RENDER_LANES, renderLanes } from './render-prediction';
import workerUrl from './render.worker.ts?worker&url';

export interface Runners {
  /** The runner summarises the clip's own channels itself (off the main thread) and attaches them with a render. */
  summarizesClip: boolean;
  /** Most renders that may run at once (render lanes). */
  maxLanes: number;
  /** Render lanes a render of `clip` may use (1 or maxLanes; render-prediction.ts renderLanes). */
  lanes(clip: LoadedClip): number;
  /**
   * Ready the other render lanes for `clip` where it may use them (the second render Worker starts and is sent
   * the clip; until it has it, `lanes` says 1). Called while idle, after a render is shown.
   */
  prepare(clip: LoadedClip): void;
  /** Render on `lane` (0: the Worker that renders ahead; 1: a second render Worker, while lane 0 is busy). */
  render(clip: LoadedClip, params: CompressorParams, lane: number): Promise<OfflineRender>;
  /** Render these settings ahead while idle (a hint: may do nothing). */
  ahead(clip: LoadedClip, params: CompressorParams[]): void;
  /** After those, render these other clips at `params` ahead (a hint: clips no longer held are left out). */
  aheadClips(clips: readonly LoadedClip[], params: CompressorParams): void;
  loudness(clip: LoadedClip, render: OfflineRender): Promise<ClipLoudness>;
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
  { type: 'render'; params: CompressorParams } | { type: 'loudness'; compressed: Float32Array[]; makeupDb: number };

class WorkerClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: FromRenderWorker) => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** The clips the worker holds (clip key → floats), least recently used first. */
  private readonly held = new Map<number, number>();
  /** The held clips the worker has acknowledged (sent with `hold`). */
  private readonly acked = new Set<number>();

  constructor(
    name: string,
    /** Floats of clips kept besides the current one. */
    private readonly storeFloats = CLIP_STORE_FLOATS,
  ) {
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

  /** Whether the worker holds `clip` and has said so (a clip sent with `hold`). */
  ready(clip: LoadedClip): boolean {
    const key = clipKeys.get(clip);
    return key !== undefined && this.acked.has(key);
  }

  /** Send `clip` unless the worker holds it; the worker acknowledges it (then `ready` is true). */
  hold(clip: LoadedClip): void {
    this.sendClip(clip, true);
  }

  private sendClip(clip: LoadedClip, ack = false): number {
    const clipKey = keyOf(clip);
    const floats = this.held.get(clipKey);
    this.held.delete(clipKey);
    if (floats === undefined) {
      // A long clip brings spare copies made off the main thread: transfer one rather than copy the clip here.
      // Otherwise hand over copies made here: a plain memory copy, where sending the clip's own arrays would
      // serialise them on the main thread, several times slower (the page keeps its own).
      const channels = takeSpareCopy(clip) ?? clip.channels.map((ch) => ch.slice());
      const summarized = clip.channels.every((ch) => summaryOf(ch) !== undefined);
      const msg: ToRenderWorker = { type: 'clip', clipKey, sampleRate: clip.sampleRate, channels, summarized };
      if (ack) {
        msg.ack = ++this.seq;
        this.waiting.set(msg.ack, { resolve: () => this.acked.add(clipKey), reject: () => undefined });
      }
      this.worker.postMessage(
        msg,
        channels.map((c) => c.buffer),
      );
    }
    this.held.set(clipKey, floats ?? floatsOf(clip));
    // Forget the least recently used clips beyond the budget (never the one just used).
    let others = [...this.held.values()].reduce((a, b) => a + b, 0) - (this.held.get(clipKey) ?? 0);
    for (const [key, size] of this.held) {
      if (others <= this.storeFloats || key === clipKey) break;
      this.held.delete(key);
      this.acked.delete(key);
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
  // The second render lane: started on first use, keeps only the clip it renders.
  let second: WorkerClient | null = null;
  const fitLanes = (clip: LoadedClip): number => renderLanes(clip.channels[0]?.length ?? 0, clip.channels.length);
  const laneWorker = (lane: number): WorkerClient =>
    lane === 0 ? renderer : (second ??= new WorkerClient('compressor-lab-render-2', 0));
  return {
    summarizesClip: true,
    maxLanes: RENDER_LANES,
    lanes: (clip) => (second?.ready(clip) ? fitLanes(clip) : 1),
    prepare: (clip) => {
      if (fitLanes(clip) > 1) laneWorker(1).hold(clip);
    },
    render: async (clip, params, lane) => {
      const msg = await laneWorker(lane).call(clip, { type: 'render', params });
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
    aheadClips: (clips, params) => renderer.aheadClips(clips, params),
    loudness: async (clip, render) => {
      // A long render's output comes with a copy made in the render Worker: transfer it instead of copying here.
      // A short one is copied here and the copy handed over (sending the render's own arrays would serialise them
      // on the main thread, several times slower; they stay with the plots).
      const copy = meterCopies.get(render) ?? meterCopyOf(render);
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
      second?.terminate();
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
    maxLanes: 1,
    lanes: () => 1,
    prepare: () => undefined,
    render: (clip, params) => later(() => renderOffline(clip.channels, clip.sampleRate, params)),
    ahead: () => undefined,
    aheadClips: () => undefined,
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
