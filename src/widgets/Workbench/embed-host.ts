/**
 * The widget embeds' messages to their host page (src/lib/embed-protocol.ts) through the frame host
 * (../shared/embed-frame.ts): `ready` once the address's clip has been chosen and is loaded (or could not be),
 * so it names what the learner sees; `settingchange` when the settings or the clip change; `play`/`pause`; and
 * each exercise verdict as a `result`. Returns the disposer.
 */
import { effect } from '@preact/signals';
import type { Lab } from '../../state/lab';
import { urlParams } from '../../lib/embed-protocol';
import { onResult } from '../Exercise/results';
import { startFrameHost } from '../shared/embed-frame';
import { hasAudio } from '../shared/use-lab';
import { urlStateApplied } from '../shared/use-url-state';

export function startEmbedHost(lab: Lab, widget: string, task: string | null = null): () => void {
  const frame = startFrameHost(widget);
  let live = true;
  let stopReady = (): void => undefined;
  void urlStateApplied(lab).then(() => {
    if (!live) return;
    stopReady = effect(() => {
      const clip = lab.clipId.value;
      // A widget without audio (the controls alone) shows its settings as soon as the address is read.
      const shown = !hasAudio(lab) || lab.clip.value?.id === clip || lab.error.value !== null;
      if (shown) frame.ready({ clip, params: urlParams(lab.params.peek()) });
    });
  });

  let first = true;
  const stopSettings = effect(() => {
    const params = urlParams(lab.params.value);
    const clip = lab.clipId.value;
    if (first) {
      first = false;
      return;
    }
    frame.send({ type: 'settingchange', payload: { clip, params } });
  });
  let wasPlaying = lab.playing.peek();
  const stopPlaying = effect(() => {
    const playing = lab.playing.value;
    if (playing === wasPlaying) return;
    wasPlaying = playing;
    const positionS = Math.round(lab.playheadS.peek() * 1000) / 1000;
    frame.send({ type: playing ? 'play' : 'pause', payload: { clip: lab.clipId.peek(), positionS } });
  });
  const stopResults = onResult(({ verdict, message }) => {
    const passed = verdict === 'good';
    frame.send({
      type: 'result',
      payload: {
        clip: lab.clipId.peek(),
        params: urlParams(lab.params.peek()),
        task: task ?? widget,
        verdict,
        passed,
        score: passed ? 1 : 0,
        message,
        measured: null,
      },
    });
  });
  return () => {
    live = false;
    stopReady();
    stopResults();
    stopSettings();
    stopPlaying();
    frame.dispose();
  };
}
