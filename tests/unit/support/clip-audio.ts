/**
 * The shipped clips, decoded for Node tests by ffmpeg through libopus (the decoder Chromium uses), at 48 kHz.
 * Without ffmpeg these tests are skipped on a learner's machine; under CI (process.env.CI; .ci/run installs
 * ffmpeg) they run, and fail with FFMPEG_MISSING if it is not there.
 */
import { readFileSync } from 'node:fs';
import { decodeFile, hasFfmpeg } from '../../../scripts/audio/pcm';

export const FFMPEG = hasFfmpeg();
export const UNDER_CI = Boolean(process.env.CI);
/** Skip the clip tests (describe.skipIf): only off CI and without ffmpeg. */
export const SKIP_CLIP_TESTS = !FFMPEG && !UNDER_CI;
export const FFMPEG_MISSING =
  'ffmpeg is not installed, so the lesson numbers measured on the shipped clips cannot be checked. ' +
  'Install it (Debian: apt-get install ffmpeg; .ci/run does this) and run the tests again.';

/** Throws FFMPEG_MISSING when ffmpeg is missing (call in beforeAll of the clip tests). */
export function requireFfmpeg(): void {
  if (!FFMPEG) throw new Error(FFMPEG_MISSING);
}

interface ManifestClip {
  id: string;
  title: string;
}

const manifest = JSON.parse(readFileSync('public/audio/manifest.json', 'utf8')) as { clips: ManifestClip[] };

/** A clip's title as the player shows it. */
export function clipTitle(id: string): string {
  return manifest.clips.find((c) => c.id === id)?.title ?? id;
}

const clips = new Map<string, Float32Array[]>();

/** The clip's channels at 48 kHz, decoded by libopus as Chromium decodes them (cached). */
export function decode(id: string): Float32Array[] {
  const cached = clips.get(id);
  if (cached) return cached;
  if (!manifest.clips.some((c) => c.id === id)) throw new Error(`no clip ${id}`);
  const { channels } = decodeFile(`public/audio/${id}.opus`, 48_000, 'libopus');
  clips.set(id, channels);
  return channels;
}
