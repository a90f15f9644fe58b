/**
 * Measures an embed before its snippet is copied: loads it in an iframe off-screen at `widthPx`, listens to its
 * resize messages (src/lib/embed-protocol.ts) and resolves with the height once it has stopped changing for
 * `quietMs` — or null when it says nothing within `timeoutMs` (the snippet then falls back to the widget's
 * measured default). The iframe is removed either way.
 */
import { readEmbedMessage } from '../../lib/embed-protocol';

export function measureEmbed(src: string, widthPx: number, quietMs = 800, timeoutMs = 12_000): Promise<number | null> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Measuring the embed';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = `position:absolute;left:-20000px;top:0;width:${widthPx}px;height:200px;border:0;visibility:hidden`;
    let height: number | null = null;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      clearTimeout(quiet);
      clearTimeout(limit);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(height);
    };
    const limit = setTimeout(finish, timeoutMs);
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== frame.contentWindow || event.origin !== new URL(src).origin) return;
      const message = readEmbedMessage(event.data);
      if (message?.type !== 'resize') return;
      height = message.height;
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
