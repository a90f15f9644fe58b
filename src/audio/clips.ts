/**
 * Example clips: manifest, format choice (canPlayType), fetch with progress, decode, cache.
 *
 * Decoding uses an OfflineAudioContext at the clip's native rate, so no AudioContext exists before the learner
 * presses Play, and the decoded samples sit on the same grid as the offline render and the worklet.
 */
import type { Signal } from '@preact/signals';
import { chooseFile, type Clip, type ClipManifest } from '../clips/manifest';
import { readWithProgress } from './fetch-progress';

/** Decoded audio of one clip, at the decoding context's sample rate. */
export interface LoadedClip {
  id: string;
  title: string;
  sampleRate: number;
  channels: Float32Array[];
  durationS: number;
  /** What the learner should know about this clip (a learner's file that was mixed down, cut short …). */
  notes?: string[];
}

export interface ClipLoading {
  id: string;
  /** The name to show while loading (default: the clip's title from the manifest). */
  title?: string;
  /** 0..1, or null when the size is unknown. */
  progress: number | null;
}

/** The signals ensureClip reads and writes (a page's lab, src/state/lab.ts, has them). */
export interface ClipSlot {
  clipId: Signal<string>;
  clip: Signal<LoadedClip | null>;
  loading: Signal<ClipLoading | null>;
  /** A message a learner can act on (clip failed to decode, no AudioWorklet …); null when all is well. */
  error: Signal<string | null>;
}

let manifestPromise: Promise<ClipManifest> | null = null;
const decoded = new Map<string, Promise<LoadedClip>>();
/** Clips made in the browser (a learner's own file), by id: loadClip finds them before the manifest. */
const local = new Map<string, LoadedClip>();

/** Make a clip decoded in the page (not listed in the manifest) loadable by its id; replaces one with that id. */
export function registerLocalClip(clip: LoadedClip): void {
  local.set(clip.id, clip);
}

/**
 * Spare copies of a clip's channels, made off the main thread (the own-file Worker; the render Worker for the
 * loudness Worker), for the render Workers to take by transfer: posting the clip itself would copy it on the main
 * thread (~0.3 s per Worker for 10 minutes).
 */
const spares = new WeakMap<LoadedClip, Float32Array[][]>();

export function addSpareCopies(clip: LoadedClip, copies: Float32Array[][]): void {
  spares.set(clip, [...(spares.get(clip) ?? []), ...copies]);
}

/** Whether a spare copy of the clip's channels is left. */
export function hasSpareCopy(clip: LoadedClip): boolean {
  return (spares.get(clip)?.length ?? 0) > 0;
}

/** One spare copy of the clip's channels to transfer (the caller owns it), or null when none is left. */
export function takeSpareCopy(clip: LoadedClip): Float32Array[] | null {
  return spares.get(clip)?.pop() ?? null;
}

/** The page-made clip with this id, if any. */
export function localClip(id: string): LoadedClip | null {
  return local.get(id) ?? null;
}

/** The site's audio folder (respects a deployment base path). */
export function audioBaseUrl(): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}audio/`;
}

/** The clip manifest, fetched once per page. */
export function loadManifest(): Promise<ClipManifest> {
  if (!manifestPromise) {
    manifestPromise = fetch(`${audioBaseUrl()}manifest.json`).then((response) => {
      if (!response.ok) throw new Error(`the clip list could not be loaded (HTTP ${response.status})`);
      // Checked against its schema when the site is built (src/clips/manifest-schema.ts).
      return response.json() as Promise<ClipManifest>;
    });
    manifestPromise.catch(() => {
      manifestPromise = null;
    });
  }
  return manifestPromise;
}

function canPlayType(type: string): string {
  return document.createElement('audio').canPlayType(type);
}

async function decode(clip: Clip, onProgress: (fraction: number | null) => void): Promise<LoadedClip> {
  const file = chooseFile(clip, canPlayType);
  if (!file) throw new Error(`this browser cannot play any of the formats offered for “${clip.title}”`);
  const response = await fetch(`${audioBaseUrl()}${file.src}`);
  const bytes = await readWithProgress(response, (fraction) => onProgress(fraction));
  const ctx = new OfflineAudioContext(clip.channels, 1, clip.sampleRate);
  const buffer = await ctx.decodeAudioData(bytes);
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, ch) => buffer.getChannelData(ch));
  return { id: clip.id, title: clip.title, sampleRate: buffer.sampleRate, channels, durationS: buffer.duration };
}

/** Decode a clip by id (cached: a second call returns the same promise). */
export async function loadClip(clipId: string, onProgress: (fraction: number | null) => void = () => undefined) {
  const own = local.get(clipId);
  if (own) return own;
  const cached = decoded.get(clipId);
  if (cached) return cached;
  const manifest = await loadManifest();
  const clip = manifest.clips.find((c) => c.id === clipId);
  if (!clip) throw new Error(`there is no example clip called “${clipId}”`);
  const promise = decode(clip, onProgress);
  decoded.set(clipId, promise);
  promise.catch(() => decoded.delete(clipId));
  return promise;
}

/**
 * Make `clipId` the lab's clip: loads it (progress in lab.loading), then sets lab.clip. A failure leaves a message
 * in lab.error. If another clip is chosen meanwhile, the slower result is dropped.
 */
export async function ensureClip(lab: ClipSlot, clipId: string): Promise<LoadedClip | null> {
  lab.clipId.value = clipId;
  const current = lab.clip.value;
  if (current && current.id === clipId) return current;
  lab.error.value = null;
  lab.loading.value = { id: clipId, progress: 0 };
  try {
    const clip = await loadClip(clipId, (progress) => {
      if (lab.loading.value?.id === clipId) lab.loading.value = { id: clipId, progress };
    });
    if (lab.clipId.value !== clipId) return null;
    lab.clip.value = clip;
    return clip;
  } catch (error) {
    if (lab.clipId.value === clipId) {
      const reason = error instanceof Error ? error.message : String(error);
      lab.error.value = `The clip “${clipId}” could not be loaded: ${reason}. The rest of the page still works.`;
    }
    return null;
  } finally {
    if (lab.loading.value?.id === clipId) lab.loading.value = null;
  }
}
