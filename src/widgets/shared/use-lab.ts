/**
 * The lab a widget belongs to, and (for widgets that draw audio) a shared connection that loads the chosen clip
 * and keeps the offline render current. Reference counted per lab: the last widget to unmount disconnects.
 */
import { useEffect } from 'preact/hooks';
import { effect } from '@preact/signals';
import { getLab, type Lab } from '../../state/lab';
import type { CompressorParams } from '../../dsp/types';
import { connectRender } from '../../state/render';
import { ensureClip } from '../../audio/clips';

const audioUsers = new WeakMap<Lab, { count: number; stop: () => void }>();

/** Loads lab.clipId whenever it changes and keeps lab.render current. Returns a disposer. */
export function attachAudio(lab: Lab): () => void {
  const existing = audioUsers.get(lab);
  if (existing) {
    existing.count++;
  } else {
    const disconnect = connectRender(lab);
    const stopClip = effect(() => {
      const id = lab.clipId.value;
      if (lab.clip.peek()?.id !== id && lab.loading.peek()?.id !== id) void ensureClip(lab, id);
    });
    audioUsers.set(lab, {
      count: 1,
      stop: () => {
        stopClip();
        disconnect();
      },
    });
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const entry = audioUsers.get(lab);
    if (!entry) return;
    entry.count--;
    if (entry.count <= 0) {
      entry.stop();
      audioUsers.delete(lab);
    }
  };
}

/** Whether a widget on the page loads `lab`'s clip (a lone settings panel does not). */
export function hasAudio(lab: Lab): boolean {
  return audioUsers.has(lab);
}

/** The lab for `group`; with `audio`, also loads its clip and keeps its render current while mounted. */
export function useLab(group = 'default', audio = false): Lab {
  const lab = getLab(group);
  useEffect(() => (audio ? attachAudio(lab) : undefined), [lab, audio]);
  return lab;
}

const initialised = new WeakSet<Lab>();

/**
 * Applies a lesson's starting values once per lab, during the first render (before the URL state, which is
 * applied in an effect and so wins). Later calls with the same lab do nothing.
 */
export function useInitialParams(lab: Lab, initial: Partial<CompressorParams> | undefined, clipId?: string): void {
  // Never during server rendering: labs live in a module shared by every page the server renders. Lessons mount
  // their islands with client:only, so the first render that applies these values is the browser's own.
  // Only a view that brings starting values claims the lab's first settings (another view may bring them).
  if (typeof window === 'undefined' || initialised.has(lab) || (!initial && !clipId)) return;
  initialised.add(lab);
  if (initial) lab.params.value = { ...lab.params.peek(), ...initial };
  if (clipId) lab.clipId.value = clipId;
}
