/**
 * Messages between a widget's measure client (measure-client.ts) and its Worker, and the Worker's side: a widget
 * that measures a whole clip (the four reasons, the output meter, the clipping view) does so in a Worker of its own,
 * so a page's main thread never walks every sample. 'clip' hands over what the job needs of the clip (once per
 * clip), 'measure' what it needs of one render; each widget's protocol file says which fields, and its handler
 * answers with the widget's result. Every array is transferred.
 */

export type ToMeasureWorker<C extends object, M extends object> =
  ({ type: 'clip'; clipKey: number } & C) | ({ type: 'measure'; seq: number; clipKey: number } & M);

export type FromMeasureWorker<R> =
  { type: 'measured'; seq: number; result: R } | { type: 'error'; seq: number; message: string };

export type MeasureHandler<C extends object, M extends object, R> = (
  msg: ToMeasureWorker<C, M>,
) => FromMeasureWorker<R> | null;

/** The Worker's state and jobs, without the Worker: one clip kept, each 'measure' answered (null for 'clip'). */
export function measureHandler<C extends object, M extends object, R>(
  measure: (clip: C, job: M) => R,
): MeasureHandler<C, M, R> {
  let clip: ({ type: 'clip'; clipKey: number } & C) | null = null;
  return (msg) => {
    if (msg.type === 'clip') {
      clip = msg;
      return null;
    }
    if (!clip || clip.clipKey !== msg.clipKey) {
      return { type: 'error', seq: msg.seq, message: 'the clip to measure against was not sent' };
    }
    return { type: 'measured', seq: msg.seq, result: measure(clip, msg) };
  };
}

/** A handler's reply, or its failure as an error reply for a 'measure' job (null for a failed 'clip'). */
export function answer<C extends object, M extends object, R>(
  handle: MeasureHandler<C, M, R>,
  msg: ToMeasureWorker<C, M>,
): FromMeasureWorker<R> | null {
  try {
    return handle(msg);
  } catch (error) {
    if (msg.type !== 'measure') return null;
    return { type: 'error', seq: msg.seq, message: error instanceof Error ? error.message : String(error) };
  }
}

interface WorkerScope<C extends object, M extends object, R> {
  onmessage: ((event: MessageEvent<ToMeasureWorker<C, M>>) => void) | null;
  postMessage(message: FromMeasureWorker<R>): void;
}

/**
 * Inside a Worker: answers each message with `handle`, one job at a time (the client sends the next only when this
 * one is answered, so stale jobs never queue here).
 */
export function serveMeasures<C extends object, M extends object, R>(handle: MeasureHandler<C, M, R>): void {
  const scope = self as unknown as WorkerScope<C, M, R>;
  scope.onmessage = (event) => {
    const reply = answer(handle, event.data);
    if (reply) scope.postMessage(reply);
  };
}
