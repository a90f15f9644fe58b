/**
 * Talks to the page that holds the embed's <iframe> (src/lib/embed-protocol.ts): reports the content's height
 * whenever it changes (a ResizeObserver on the document), `ready` once, `settingchange` when the settings or the
 * clip change (coalesced to one message per 250 ms), `play`/`pause`, and each exercise verdict as a `result`. Messages go to the parent only; a page
 * opened on its own (no parent) sends nothing. Returns the disposer.
 */
import { effect } from '@preact/signals';
import type { Lab } from '../../state/lab';
import { contentHeight, embedMessage, urlParams, type EmbedMessage } from '../../lib/embed-protocol';
import { onResult } from '../Exercise/results';

export function startEmbedHost(lab: Lab, widget: string): () => void {
  if (window.parent === window) return () => undefined;
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
  post(embedMessage('ready', widget, { clip: lab.clipId.peek(), params: urlParams(lab.params.peek()) }));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const stopSettings = effect(() => {
    const params = lab.params.value;
    const clip = lab.clipId.value;
    if (first) {
      first = false;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => post(embedMessage('settingchange', widget, { clip, params: urlParams(params) })), 250);
  });
  let wasPlaying = lab.playing.peek();
  const stopPlaying = effect(() => {
    const playing = lab.playing.value;
    if (playing === wasPlaying) return;
    wasPlaying = playing;
    const positionS = Math.round(lab.playheadS.peek() * 1000) / 1000;
    post(embedMessage(playing ? 'play' : 'pause', widget, { clip: lab.clipId.peek(), positionS }));
  });
  const stopResults = onResult(({ verdict, message }) => {
    const passed = verdict === 'good';
    const params = urlParams(lab.params.peek());
    post(
      embedMessage('result', widget, {
        clip: lab.clipId.peek(),
        params,
        verdict,
        passed,
        score: passed ? 1 : 0,
        message,
      }),
    );
  });
  return () => {
    stopResults();
    observer.disconnect();
    clearTimeout(timer);
    stopSettings();
    stopPlaying();
  };
}
