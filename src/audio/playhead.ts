/** Playhead arithmetic for the player (pure). */

/**
 * Position in the clip, seconds, `elapsedS` after starting at `offsetS`. Looping wraps at the clip's end;
 * otherwise the position stops at the end.
 */
export function positionAt(offsetS: number, elapsedS: number, durationS: number, loop: boolean): number {
  if (durationS <= 0) return 0;
  const raw = offsetS + Math.max(0, elapsedS);
  if (loop) return ((raw % durationS) + durationS) % durationS;
  return Math.min(raw, durationS);
}

/** A seek target clamped into the clip; a target at (or past) the very end restarts from 0. */
export function clampSeek(targetS: number, durationS: number): number {
  if (!Number.isFinite(targetS) || durationS <= 0) return 0;
  if (targetS >= durationS) return 0;
  return Math.max(0, targetS);
}
