/**
 * The shipped clips, decoded for Node tests with ffmpeg (the same libopus decoder browsers use), at 48 kHz.
 * Without ffmpeg these tests are skipped on a learner's machine; under CI (process.env.CI; .ci/run installs
 * ffmpeg) they run, and fail with FFMPEG_MISSING if it is not there.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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
  channels: number;
  sampleRate: number;
}

const manifest = JSON.parse(readFileSync('public/audio/manifest.json', 'utf8')) as { clips: ManifestClip[] };

/** A clip's title as the player shows it. */
export function clipTitle(id: string): string {
  return manifest.clips.find((c) => c.id === id)?.title ?? id;
}

const clips = new Map<string, Float32Array[]>();

/** The clip's channels at 48 kHz (cached). */
export function decode(id: string): Float32Array[] {
  const cached = clips.get(id);
  if (cached) return cached;
  const clip = manifest.clips.find((c) => c.id === id);
  if (!clip) throw new Error(`no clip ${id}`);
  const bytes = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', `public/audio/${id}.opus`, '-f', 'f32le', '-ac', String(clip.channels), '-ar', '48000', '-'],
    { maxBuffer: 1 << 28 },
  );
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const n = all.length / clip.channels;
  const channels = Array.from({ length: clip.channels }, (_, c) => {
    const ch = new Float32Array(n);
    for (let i = 0; i < n; i++) ch[i] = all[i * clip.channels + c] ?? 0;
    return ch;
  });
  clips.set(id, channels);
  return channels;
}
