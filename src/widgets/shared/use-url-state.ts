/**
 * Binds the 'default' lab to the page URL: on the first mount the URL's state is applied (validated and clamped
 * by src/lib/url-state), then every change of params or clip rewrites the query with history.replaceState,
 * coalesced to one write per 200 ms. One binding per lab however many widgets ask.
 */
import { useEffect } from 'preact/hooks';
import { effect } from '@preact/signals';
import type { Lab } from '../../state/lab';
import { parseUrlState, serializeUrlState, unknownClipNote } from '../../lib/url-state';
import { loadManifest } from '../../audio/clips';
import { OWN_CLIP_ID } from '../../audio/user-file-check';

const bound = new WeakMap<Lab, { count: number; stop: () => void }>();
const applied = new WeakMap<Lab, Promise<void>>();

/** Settles once the URL's state is on `lab` (its clip checked against the manifest and chosen, or refused). */
export function urlStateApplied(lab: Lab): Promise<void> {
  return applied.get(lab) ?? Promise.resolve();
}

/** Applies the URL's state to the lab (once per lab per page). */
export function applyUrlState(lab: Lab, search = typeof location === 'undefined' ? '' : location.search): void {
  if (applied.has(lab)) return;
  applied.set(lab, Promise.resolve());
  const state = parseUrlState(search);
  if (Object.keys(state.params).length > 0) lab.params.value = { ...lab.params.value, ...state.params };
  if (state.notes.length > 0) lab.linkNotes.value = state.notes;
  const clipId = state.clipId;
  if (clipId) {
    // Only a clip the manifest lists is used; anything else is ignored, said so, and the page's clip kept.
    const chosen = loadManifest()
      .then((manifest) => {
        if (manifest.clips.some((c) => c.id === clipId)) lab.clipId.value = clipId;
        else lab.linkNotes.value = [...lab.linkNotes.value, unknownClipNote(clipId)];
      })
      .catch(() => undefined);
    applied.set(lab, chosen);
  }
}

function bind(lab: Lab): () => void {
  applyUrlState(lab);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const stop = effect(() => {
    const params = lab.params.value;
    const clipId = lab.clipId.value;
    if (first) {
      first = false;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { controls, panels } = parseUrlState(location.search);
      // A learner's own file cannot be named in a link: the address then carries the settings only.
      const clip = clipId === OWN_CLIP_ID ? null : clipId;
      const query = serializeUrlState({ params, clipId: clip, controls, panels }, location.search);
      history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** Keeps the URL in step with the lab while mounted. Only the 'default' group is shared through the URL. */
export function useUrlState(lab: Lab): void {
  useEffect(() => {
    if (lab.group !== 'default') return undefined;
    const entry = bound.get(lab);
    if (entry) entry.count++;
    else bound.set(lab, { count: 1, stop: bind(lab) });
    return () => {
      const e = bound.get(lab);
      if (!e) return;
      e.count--;
      if (e.count <= 0) {
        e.stop();
        bound.delete(lab);
      }
    };
  }, [lab]);
}
