/**
 * State for a zoomable time view: the visible window, zoom/pan actions, and "follow the playhead" (page by page).
 * Following starts off when the learner prefers reduced motion; it can always be paused.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lab } from '../../state/lab';
import { followWindow, fullWindow, loudestHitWindow, panWindow, zoomWindow, type TimeWindow } from './time-window';

export interface TimeView {
  window: TimeWindow;
  follow: boolean;
  setFollow: (on: boolean) => void;
  zoomIn: () => void;
  zoomOut: () => void;
  showAll: () => void;
  pan: (fraction: number) => void;
  zoomToLoudest: () => void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function useTimeWindow(lab: Lab): TimeView {
  const clip = lab.clip.value;
  const durationS = clip?.durationS ?? 1;
  const [window, setWindow] = useState<TimeWindow>(fullWindow(durationS));
  const [follow, setFollow] = useState(() => !prefersReducedMotion());
  useEffect(() => setWindow(fullWindow(durationS)), [clip, durationS]);
  const playheadS = lab.playheadS.value;
  const playing = lab.playing.value;
  const shown = follow && playing ? followWindow(window, playheadS, durationS) : window;
  useEffect(() => {
    if (shown !== window) setWindow(shown);
  }, [shown, window]);
  const centre = () => (playing ? playheadS : (shown.startS + shown.endS) / 2);
  return {
    window: shown,
    follow,
    setFollow,
    zoomIn: () => setWindow(zoomWindow(shown, 0.5, centre(), durationS)),
    zoomOut: () => setWindow(zoomWindow(shown, 2, centre(), durationS)),
    showAll: () => setWindow(fullWindow(durationS)),
    pan: (fraction) => setWindow(panWindow(shown, fraction, durationS)),
    zoomToLoudest: () => {
      if (clip) setWindow(loudestHitWindow(clip.channels, clip.sampleRate, durationS));
    },
  };
}
