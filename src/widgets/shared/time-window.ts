/**
 * Pure zoom/pan maths for the time-based views (Envelope, Waveform): a visible window in seconds, zooming around
 * a centre, and the window that follows a playhead page by page (so nothing scrolls unless asked).
 */

export interface TimeWindow {
  startS: number;
  endS: number;
}

/** Shortest window the views zoom to: 5 ms, enough to see a single transient's samples. */
export const MIN_WINDOW_S = 0.005;

export function fullWindow(durationS: number): TimeWindow {
  return { startS: 0, endS: Math.max(durationS, MIN_WINDOW_S) };
}

/** Keeps a window inside [0, duration] without changing its length (unless it is longer than the clip). */
export function clampWindow(w: TimeWindow, durationS: number): TimeWindow {
  const length = Math.min(Math.max(w.endS - w.startS, MIN_WINDOW_S), Math.max(durationS, MIN_WINDOW_S));
  const startS = Math.min(Math.max(0, w.startS), Math.max(0, durationS - length));
  return { startS, endS: startS + length };
}

/** Zooms by `factor` (< 1 zooms in) around `centreS`. */
export function zoomWindow(w: TimeWindow, factor: number, centreS: number, durationS: number): TimeWindow {
  const length = (w.endS - w.startS) * factor;
  return clampWindow({ startS: centreS - length / 2, endS: centreS + length / 2 }, durationS);
}

/** Moves the window by a fraction of its length (negative = earlier). */
export function panWindow(w: TimeWindow, fraction: number, durationS: number): TimeWindow {
  const shift = (w.endS - w.startS) * fraction;
  return clampWindow({ startS: w.startS + shift, endS: w.endS + shift }, durationS);
}

/** The window to show while following the playhead: unchanged while it is visible, else the page containing it. */
export function followWindow(w: TimeWindow, playheadS: number, durationS: number): TimeWindow {
  if (playheadS >= w.startS && playheadS <= w.endS) return w;
  const length = w.endS - w.startS;
  const page = Math.floor(playheadS / length);
  return clampWindow({ startS: page * length, endS: (page + 1) * length }, durationS);
}

/** Index of the sample with the largest magnitude (over all channels); 0 for silence. */
export function loudestSampleIndex(channels: readonly Float32Array[]): number {
  let best = 0;
  let peak = -1;
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      const a = Math.abs(ch[i] ?? 0);
      if (a > peak) {
        peak = a;
        best = i;
      }
    }
  }
  return best;
}

/** Length of the window "zoom to the loudest hit" shows: 60 ms, one drum transient and its first decay. */
export const TRANSIENT_WINDOW_S = 0.06;

/** The window "Zoom to loudest hit" shows: TRANSIENT_WINDOW_S around the loudest sample, a third of it before. */
export function loudestHitWindow(channels: readonly Float32Array[], sampleRate: number, durationS: number): TimeWindow {
  const t = loudestSampleIndex(channels) / sampleRate;
  return clampWindow({ startS: t - TRANSIENT_WINDOW_S / 3, endS: t + (2 * TRANSIENT_WINDOW_S) / 3 }, durationS);
}

/** Sample range [from, to) covered by a window. */
export function sampleRange(w: TimeWindow, sampleRate: number, length: number): [number, number] {
  const from = Math.max(0, Math.floor(w.startS * sampleRate));
  const to = Math.min(length, Math.ceil(w.endS * sampleRate));
  return [from, Math.max(from, to)];
}
