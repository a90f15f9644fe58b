/**
 * The Reasons panel's side of its Worker (reasons.worker.ts): measure(clip, render) resolves with the four
 * measures, or with null once a newer measure() or cancel() has made it stale. One job runs in the Worker at a
 * time and only the newest waits, so a slider drag never piles up jobs; a stale job's answer is dropped.
 * The original goes over once per clip. Arrays are copied here and the copies transferred (posting the page's own
 * arrays would serialise them, and the plots keep using them). Where Workers are unavailable the same handler
 * runs on the main thread, one task later.
 */
import type { OfflineRender } from '../../dsp/types';
import type { ReasonsBeforeAfter } from '../shared/reasons';
import { reasonsHandler, type FromReasonsWorker, type ToReasonsWorker } from './reasons-protocol';
import workerUrl from './reasons.worker.ts?worker&url';

/** What the client needs of a Worker (a fake in unit tests, the inline port without Workers). */
export interface ReasonsPort {
  onmessage: ((event: MessageEvent<FromReasonsWorker>) => void) | null;
  postMessage(message: ToReasonsWorker, transfer: Transferable[]): void;
  terminate(): void;
}

interface Clip {
  channels: readonly Float32Array[];
  sampleRate: number;
}

interface Job {
  clip: Clip;
  render: Pick<OfflineRender, 'output' | 'detectorDb'>;
  resolve: (result: ReasonsBeforeAfter | null) => void;
  reject: (error: Error) => void;
}

const clipKeys = new WeakMap<readonly Float32Array[], number>();
let nextClipKey = 1;

function keyOf(channels: readonly Float32Array[]): number {
  let key = clipKeys.get(channels);
  if (!key) {
    key = nextClipKey++;
    clipKeys.set(channels, key);
  }
  return key;
}

export class ReasonsClient {
  private pending: Job | null = null;
  private running: { seq: number; job: Job | null } | null = null;
  private seq = 0;
  private sentClip = 0;

  constructor(private readonly port: ReasonsPort) {
    port.onmessage = (event) => this.answered(event.data);
  }

  measure(clip: Clip, render: Pick<OfflineRender, 'output' | 'detectorDb'>): Promise<ReasonsBeforeAfter | null> {
    this.cancel();
    return new Promise((resolve, reject) => {
      this.pending = { clip, render, resolve, reject };
      this.pump();
    });
  }

  /** Makes the waiting and the running job stale (their promises resolve with null). */
  cancel(): void {
    this.pending?.resolve(null);
    this.pending = null;
    if (this.running?.job) {
      this.running.job.resolve(null);
      this.running.job = null;
    }
  }

  dispose(): void {
    this.cancel();
    this.port.terminate();
  }

  private pump(): void {
    const job = this.pending;
    if (this.running || !job) return;
    this.pending = null;
    const clipKey = keyOf(job.clip.channels);
    if (this.sentClip !== clipKey) {
      const channels = job.clip.channels.map((ch) => ch.slice());
      const detectorDb = job.render.detectorDb.slice();
      const msg: ToReasonsWorker = { type: 'clip', clipKey, sampleRate: job.clip.sampleRate, channels, detectorDb };
      this.port.postMessage(msg, [...channels.map((c) => c.buffer), detectorDb.buffer]);
      this.sentClip = clipKey;
    }
    const seq = ++this.seq;
    const output = job.render.output.map((ch) => ch.slice());
    this.running = { seq, job };
    this.port.postMessage(
      { type: 'measure', seq, clipKey, output },
      output.map((c) => c.buffer),
    );
  }

  private answered(msg: FromReasonsWorker): void {
    if (!this.running || msg.seq !== this.running.seq) return;
    const { job } = this.running;
    this.running = null;
    if (job) {
      if (msg.type === 'measured') job.resolve(msg.result);
      else job.reject(new Error(msg.message));
    }
    this.pump();
  }
}

/** Runs the Worker's handler on the main thread, one task per message (where Workers are unavailable). */
export function inlinePort(): ReasonsPort {
  const handle = reasonsHandler();
  let live = true;
  const port: ReasonsPort = {
    onmessage: null,
    postMessage(message) {
      setTimeout(() => {
        if (!live) return;
        let reply: FromReasonsWorker | null;
        try {
          reply = handle(message);
        } catch (error) {
          if (message.type !== 'measure') return;
          reply = { type: 'error', seq: message.seq, message: error instanceof Error ? error.message : String(error) };
        }
        if (reply) port.onmessage?.({ data: reply } as MessageEvent<FromReasonsWorker>);
      }, 0);
    },
    terminate() {
      live = false;
    },
  };
  return port;
}

/** A client on its own Worker (or inline where Workers are unavailable). */
export function reasonsClient(): ReasonsClient {
  try {
    if (typeof Worker === 'function') {
      return new ReasonsClient(new Worker(workerUrl, { type: 'module', name: 'compressor-lab-reasons' }));
    }
  } catch {
    // fall through to the inline port
  }
  return new ReasonsClient(inlinePort());
}
