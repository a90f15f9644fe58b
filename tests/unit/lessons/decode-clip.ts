/**
 * Shipped clips decoded for tests as the browser does: the Opus file through ffmpeg (the same libopus decoder
 * browsers use) to 48 kHz float, one array per channel. Cached per clip; tests that need it skip without ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, Float32Array[]>();

export function decodeClip(id: string): Float32Array[] {
  const cached = cache.get(id);
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync('public/audio/manifest.json', 'utf8')) as {
    clips: { id: string; channels: number }[];
  };
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
  cache.set(id, channels);
  return channels;
}

/** Clip titles from the manifest, as the exercises and descriptions name them. */
export function clipTitle(id: string): string {
  const manifest = JSON.parse(readFileSync('public/audio/manifest.json', 'utf8')) as {
    clips: { id: string; title: string }[];
  };
  return manifest.clips.find((c) => c.id === id)?.title ?? id;
}
