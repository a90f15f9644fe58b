/**
 * The page's one AudioContext, created lazily inside a user gesture (never at import time, so server rendering
 * and pages that never play stay silent and cheap).
 *
 * - `audioSession.type = 'playback'` where the browser has it (iOS Safari 17+), so the mute switch does not
 *   silence a lesson.
 * - Resumed inside the gesture (`resumeInGesture`); when iOS reports 'interrupted' (a call, Siri) or the context
 *   falls back to 'suspended' while we want sound, the next gesture resumes it, and an 'interrupted' → 'suspended'
 *   transition is retried once.
 */

interface AudioSessionLike {
  type: string;
}

let context: AudioContext | null = null;
let wantRunning = false;

/** Whether this browser can run the compressor (AudioContext with AudioWorklet). */
export function audioWorkletSupported(): boolean {
  if (typeof window === 'undefined') return false;
  const Ctor = window.AudioContext as typeof AudioContext | undefined;
  return typeof Ctor === 'function' && typeof AudioWorkletNode === 'function' && 'audioWorklet' in Ctor.prototype;
}

function setPlaybackSession(): void {
  const nav = navigator as Navigator & { audioSession?: AudioSessionLike };
  if (nav.audioSession && typeof nav.audioSession.type === 'string') {
    try {
      nav.audioSession.type = 'playback';
    } catch {
      // Read-only in some embeddings; playback still works, only the mute-switch behaviour differs.
    }
  }
}

/** The existing context, or null when nothing has asked for sound yet. */
export function peekAudioContext(): AudioContext | null {
  return context;
}

/**
 * Create (first call) the AudioContext. Call only from a user gesture handler. `sampleRate` is a hint: the clips'
 * native rate keeps the worklet and the offline render on the same sample grid.
 */
export function getAudioContext(sampleRate?: number): AudioContext {
  if (context && context.state !== 'closed') return context;
  setPlaybackSession();
  const options: AudioContextOptions = { latencyHint: 'interactive' };
  if (sampleRate) options.sampleRate = sampleRate;
  try {
    context = new AudioContext(options);
  } catch {
    context = new AudioContext({ latencyHint: 'interactive' });
  }
  const ctx = context;
  ctx.addEventListener('statechange', () => {
    const state = ctx.state;
    if (wantRunning && state === 'suspended') void ctx.resume().catch(() => undefined);
  });
  return ctx;
}

/** Resume inside a user gesture. Resolves true when the context is running. */
export async function resumeInGesture(sampleRate?: number): Promise<boolean> {
  const ctx = getAudioContext(sampleRate);
  wantRunning = true;
  const state = ctx.state;
  if (state !== 'running') {
    try {
      await ctx.resume();
    } catch {
      return false;
    }
  }
  return ctx.state === 'running';
}

/** Suspend (paused player): frees the audio thread; the next Play resumes in its gesture. */
export async function suspendQuietly(): Promise<void> {
  wantRunning = false;
  if (context && context.state === 'running') await context.suspend().catch(() => undefined);
}
