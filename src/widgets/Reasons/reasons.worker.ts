/**
 * Reasons Worker: measures the four reasons (reasons-protocol.ts reasonsHandler) off the main thread, one job at
 * a time (reasons-client.ts sends the next only when this one is answered, so stale jobs never queue here).
 */
import { reasonsHandler, type FromReasonsWorker, type ToReasonsWorker } from './reasons-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToReasonsWorker>) => void) | null;
  postMessage(message: FromReasonsWorker): void;
}

const scope = self as unknown as WorkerScope;
const handle = reasonsHandler();

scope.onmessage = (event) => {
  const msg = event.data;
  try {
    const reply = handle(msg);
    if (reply) scope.postMessage(reply);
  } catch (error) {
    if (msg.type === 'measure') {
      scope.postMessage({
        type: 'error',
        seq: msg.seq,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
};
