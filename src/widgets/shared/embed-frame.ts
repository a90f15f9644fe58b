/**
 * The embed's side of the host-page protocol (src/lib/embed-protocol.ts), one for every embed page: reports the
 * content's height whenever it changes (a ResizeObserver on the document), posts `ready` once when told the
 * learner sees the embed's own state, coalesces `settingchange` to one message per 250 ms (none before `ready`:
 * `ready` reports the state the embed opened in), and sends on what the widgets announce (./host-events.ts).
 * Messages go to the parent only; a page opened on its own (no parent) sends nothing.
 */
import { contentHeight, embedMessage, type EmbedMessage, type Payloads } from '../../lib/embed-protocol';
import { onAnnounce, type Announcement } from './host-events';

const SETTING_COALESCE_MS = 250;

export interface FrameHost {
  /** Posts `ready` (once; later calls do nothing). */
  ready(payload: Payloads['ready']): void;
  /** Sends a message to the host page (settingchange coalesced, and dropped before ready). */
  send(announcement: Announcement): void;
  dispose(): void;
}

export function startFrameHost(widget: string): FrameHost {
  if (window.parent === window) return { ready: () => undefined, send: () => undefined, dispose: () => undefined };
  const post = (message: EmbedMessage): void => window.parent.postMessage(message, '*');
  let lastHeight = -1;
  const measure = (): void => {
    const height = contentHeight(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    post(embedMessage('resize', widget, { height }));
  };
  const observer = new ResizeObserver(measure);
  observer.observe(document.documentElement);
  measure();

  let isReady = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = ({ type, payload }: Announcement): void => {
    if (type !== 'settingchange') {
      post(embedMessage(type, widget, payload));
      return;
    }
    if (!isReady) return;
    clearTimeout(timer);
    timer = setTimeout(() => post(embedMessage('settingchange', widget, payload)), SETTING_COALESCE_MS);
  };
  const stopAnnouncements = onAnnounce(send);
  return {
    ready(payload) {
      if (isReady) return;
      isReady = true;
      post(embedMessage('ready', widget, payload));
    },
    send,
    dispose() {
      stopAnnouncements();
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
