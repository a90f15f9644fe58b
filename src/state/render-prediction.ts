/**
 * Which settings to render ahead of time (pure). A keyboard step changes one setting by a fixed amount, so after
 * a change from `previous` to `current` the likely next requests are one more step the same way and the step
 * back; a drag moves on at about the same pace. The focused control adds its own keyboard steps (lab.nextParams:
 * PageUp/PageDown after arrow keys and the reverse). Renders are deterministic, so a render made ahead for exactly
 * the requested settings is that render.
 */
import type { CompressorParams } from '../dsp/types';

/** A key that is equal for equal settings, whatever the order of their properties. */
export function paramsKey(params: CompressorParams): string {
  const entries = (Object.entries(params) as [string, CompressorParams[keyof CompressorParams]][]).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return JSON.stringify(entries.map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v]));
}

/** Settings one more step on, then one step back; none unless exactly one numeric setting changed. */
export function predictNext(previous: CompressorParams | null, current: CompressorParams): CompressorParams[] {
  if (!previous) return [];
  const changed = (Object.keys(current) as (keyof CompressorParams)[]).filter(
    (k) => !Object.is(current[k], previous[k]),
  );
  const key = changed[0];
  if (changed.length !== 1 || key === undefined) return [];
  const now = current[key];
  const before = previous[key];
  if (typeof now !== 'number' || typeof before !== 'number') return [];
  const on = now + (now - before);
  if (!Number.isFinite(on) || !Number.isFinite(before)) return [];
  return [
    { ...current, [key]: on },
    { ...current, [key]: before },
  ];
}

/**
 * What to render ahead after `current` was shown: the predicted steps, then the control's hints, without
 * repeats or `current` itself, at most `limit` of them.
 */
export function aheadList(
  previous: CompressorParams | null,
  current: CompressorParams,
  hints: readonly CompressorParams[],
  limit: number,
): CompressorParams[] {
  const seen = new Set([paramsKey(current)]);
  const out: CompressorParams[] = [];
  for (const p of [...predictNext(previous, current), ...hints]) {
    const key = paramsKey(p);
    if (seen.has(key) || out.length >= limit) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** Floats (summed over every render kept) the render Worker may hold in renders made ahead: 160 MB. */
export const AHEAD_BUDGET_FLOATS = 40_000_000;

/**
 * How many renders ahead fit the budget for a clip of `frames` × `channels` (a render keeps its output channels
 * and three per-frame traces): 4 for a 20 s stereo clip, none for ten minutes of stereo, where one render alone
 * is 144 M floats.
 */
export function aheadCount(frames: number, channels: number): number {
  const perRender = frames * (channels + 3);
  return Math.max(0, Math.min(4, Math.floor(AHEAD_BUDGET_FLOATS / Math.max(1, perRender))));
}

/**
 * Whether renders made ahead of a clip of `frames` × `channels` may each carry a copy of their output for the
 * loudness Worker: only where all of aheadCount's renders fit the budget with their copies (a 20 s stereo clip:
 * 4 × 6.5 M floats; not a 60 s one).
 */
export function meterCopyAhead(frames: number, channels: number): boolean {
  const count = aheadCount(frames, channels);
  return count > 0 && count * frames * (2 * channels + 3) <= AHEAD_BUDGET_FLOATS;
}

/**
 * Floats a render Worker may hold in clips besides the current one (render.ts forgets the least recently used
 * beyond it): 8 M, four 20 s stereo clips, so switching back to a clip heard before sends nothing.
 */
export const CLIP_STORE_FLOATS = 8_000_000;

/** Floats the render Worker may hold in renders ahead of other clips (the clip menu's, at the current settings). */
export const OTHER_CLIPS_BUDGET_FLOATS = 14_000_000;

/** Floats a render of another clip made ahead holds: its output, three traces and the loudness Worker's copy. */
const otherRenderFloats = (frames: number, channels: number): number => frames * (2 * channels + 3);

/**
 * Which of `clips` (most recently shown first, each frames × channels) to render ahead at the current settings:
 * the first ones whose renders fit OTHER_CLIPS_BUDGET_FLOATS together (two 20 s stereo clips; none of ten minutes).
 */
export function otherClipsAhead<T extends { frames: number; channels: number }>(clips: readonly T[]): T[] {
  const out: T[] = [];
  let used = 0;
  for (const clip of clips) {
    const floats = otherRenderFloats(clip.frames, clip.channels);
    if (used + floats > OTHER_CLIPS_BUDGET_FLOATS) continue;
    used += floats;
    out.push(clip);
  }
  return out;
}

/** Whether a render of this clip fits the other clips' budget on its own (so it is worth remembering). */
export function clipFitsAhead(frames: number, channels: number): boolean {
  return otherRenderFloats(frames, channels) <= OTHER_CLIPS_BUDGET_FLOATS;
}
