/**
 * A widget's side of its measure Worker (measure-protocol.ts): measure(clip, render) resolves with the widget's
 * result, or with null once a newer measure() or cancel() has made it stale. One job runs in the Worker at a time
 * and only the newest waits, so a slider drag never piles up jobs; a stale job's answer is dropped. The clip goes
 * over once per clip. Arrays are copied here and the copies transferred (posting the page's own arrays would
 * serialise them, and the plots keep using them). A job holds its render (render-loans.ts) until it is answered or
 * stale, so the render's arrays cannot go back to the render Worker before the job has copied them (a failed Worker's
 * job copies them again). Where Workers are unavailable the same handler runs on the main thread, one task later.
 */
import { holdRender, renderGivenBack } from '../../state/render-loans';
import { answer, type FromMeasureWorker, type MeasureHandler, type ToMeasureWorker } from './measure-protocol';

/** What the client needs of a Worker (a fake in unit tests, the inline port without Workers). */
export interface MeasurePort<C extends object, M extends object, R> {
  onmessage: ((event: MessageEvent<FromMeasureWorker<R>>) => void) | null;
  /** A Worker's: its script could not be loaded, or it stopped. */
  onerror?: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToMeasureWorker<C, M>, transfer: Transferable[]): void;
  terminate(): void;
}

export interface MeasuredClip {
  channels: readonly Float32Array[];
  sampleRate: number;
}

/** A message's fields and the buffers to transfer with them. */
export interface Body<B> {
  body: B;
  transfer: Transferable[];
}

/** What a widget sends: the fields of the 'clip' message (its first render at hand) and of each 'measure'. */
export interface MeasureSpec<T, C extends object, M extends object> {
  clip(clip: MeasuredClip, render: T): Body<C>;
  measure(render: T): Body<M>;
}

/** Copies of `arrays`, made here, with their buffers for a transfer. */
export function copies(arrays: readonly Float32Array[]): { arrays: Float32Array[]; buffers: ArrayBuffer[] } {
  const copied = arrays.map((a) => a.slice());
  return { arrays: copied, buffers: copied.map((a) => a.buffer) };
}

/** What a widget needs of its client (use-measured.ts). */
export interface Measurer<T, R> {
  measure(clip: MeasuredClip, render: T): Promise<R | null>;
  cancel(): void;
  dispose(): void;
}

interface Job<T, R> {
  clip: MeasuredClip;
  render: T;
  resolve: (result: R | null) => void;
  reject: (error: Error) => void;
  /** Lets the render's arrays go back to the render Worker (render-loans.ts): once answered or stale. */
  release: () => void;
}

/** Hold `render` (when it is one of the page's renders) while a job may still copy it. */
const hold = (render: unknown): (() => void) =>
  typeof render === 'object' && render !== null ? holdRender(render) : () => undefined;

/** Whether `render`'s arrays went back to the render Worker (a late job for it would copy empty arrays). */
const gone = (render: unknown): boolean => typeof render === 'object' && render !== null && renderGivenBack(render);

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

export class MeasureClient<T, C extends object, M extends object, R> implements Measurer<T, R> {
  private pending: Job<T, R> | null = null;
  private running: { seq: number; job: Job<T, R> | null } | null = null;
  private seq = 0;
  private sentClip = 0;

  /**
   * `fallback` gives the port to use if `port` fails (a Worker whose script cannot be loaded): the job it was
   * running starts again there, so the widget still gets its measures.
   */
  constructor(
    private port: MeasurePort<C, M, R>,
    private readonly spec: MeasureSpec<T, C, M>,
    private readonly fallback?: () => MeasurePort<C, M, R>,
  ) {
    this.listen();
  }

  private listen(): void {
    this.port.onmessage = (event) => this.answered(event.data);
    if (this.fallback) this.port.onerror = () => this.failOver();
  }

  private failOver(): void {
    if (!this.fallback) return;
    this.port.terminate();
    this.port = this.fallback();
    this.listen();
    this.sentClip = 0;
    const job = this.running?.job;
    this.running = null;
    if (job && !this.pending) this.pending = job;
    this.pump();
  }

  measure(clip: MeasuredClip, render: T): Promise<R | null> {
    this.cancel();
    // A render no longer shown anywhere (its arrays given back) has no measures to show: stale at once.
    if (gone(render)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      this.pending = { clip, render, resolve, reject, release: hold(render) };
      this.pump();
    });
  }

  /** Makes the waiting and the running job stale (their promises resolve with null). */
  cancel(): void {
    this.pending?.resolve(null);
    this.pending?.release();
    this.pending = null;
    if (this.running?.job) {
      this.running.job.resolve(null);
      this.running.job.release();
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
      const { body, transfer } = this.spec.clip(job.clip, job.render);
      this.port.postMessage({ ...body, type: 'clip', clipKey }, transfer);
      this.sentClip = clipKey;
    }
    const seq = ++this.seq;
    const { body, transfer } = this.spec.measure(job.render);
    this.running = { seq, job };
    this.port.postMessage({ ...body, type: 'measure', seq, clipKey }, transfer);
  }

  private answered(msg: FromMeasureWorker<R>): void {
    if (!this.running || msg.seq !== this.running.seq) return;
    const { job } = this.running;
    this.running = null;
    if (job) {
      job.release();
      if (msg.type === 'measured') job.resolve(msg.result);
      else job.reject(new Error(msg.message));
    }
    this.pump();
  }
}

/** Runs a Worker's handler on the main thread, one task per message (where Workers are unavailable). */
export function inlineMeasurePort<C extends object, M extends object, R>(
  handle: MeasureHandler<C, M, R>,
): MeasurePort<C, M, R> {
  let live = true;
  const port: MeasurePort<C, M, R> = {
    onmessage: null,
    postMessage(message) {
      setTimeout(() => {
        if (!live) return;
        const reply = answer(handle, message);
        if (reply) port.onmessage?.({ data: reply } as MessageEvent<FromMeasureWorker<R>>);
      }, 0);
    },
    terminate() {
      live = false;
    },
  };
  return port;
}

/**
 * A client on a new module Worker at `url` named `name`, whose handler is `handler()`; where Workers are unavailable,
 * or the Worker fails, the handler runs on the main thread (inline port).
 */
export function workerMeasureClient<T, C extends object, M extends object, R>(
  url: string,
  name: string,
  handler: () => MeasureHandler<C, M, R>,
  spec: MeasureSpec<T, C, M>,
): MeasureClient<T, C, M, R> {
  const inline = () => inlineMeasurePort(handler());
  try {
    if (typeof Worker === 'function') return new MeasureClient(new Worker(url, { type: 'module', name }), spec, inline);
  } catch {
    // fall through to the inline port
  }
  return new MeasureClient(inline(), spec);
}
