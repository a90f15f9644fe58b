/**
 * Node-side audio I/O through FFmpeg (Debian package `ffmpeg`): decode any file to planar Float32 PCM, and
 * encode planar Float32 PCM to any format FFmpeg writes. Used by the clip scripts and the manifest test.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface Pcm {
  sampleRate: number;
  channels: Float32Array[];
}

/** True when an `ffmpeg` executable is on the PATH. */
export function hasFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
}

function probeChannels(path: string): number {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=channels', '-of', 'csv=p=0', path],
    { encoding: 'utf8' },
  );
  const channels = Number.parseInt(out.trim(), 10);
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`ffprobe found no audio channels in ${path}`);
  return channels;
}

/**
 * Decodes a file to 32-bit float, de-interleaved, at `sampleRate` (the file's own channel count). `decoder` names
 * an FFmpeg decoder to use instead of FFmpeg's default, e.g. 'libopus' (the decoder Chromium uses for Opus; FFmpeg's
 * own Opus decoder differs from it by a few thousandths of a dB).
 */
export function decodeFile(path: string, sampleRate = 48_000, decoder?: string): Pcm {
  const channelCount = probeChannels(path);
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      ...(decoder ? ['-c:a', decoder] : []),
      '-i',
      path,
      '-map',
      '0:a:0',
      '-f',
      'f32le',
      '-acodec',
      'pcm_f32le',
      '-ar',
      String(sampleRate),
      'pipe:1',
    ],
    { maxBuffer: 1 << 30 },
  );
  const interleaved = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const frames = Math.floor(interleaved.length / channelCount);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      const channel = channels[c];
      if (channel) channel[i] = interleaved[i * channelCount + c] ?? 0;
    }
  }
  return { sampleRate, channels };
}

/** Interleaves planar channels into one Float32Array. */
export function interleave(channels: readonly Float32Array[]): Float32Array {
  const count = channels.length;
  const frames = channels[0]?.length ?? 0;
  const out = new Float32Array(frames * count);
  channels.forEach((channel, c) => {
    for (let i = 0; i < frames; i++) out[i * count + c] = channel[i] ?? 0;
  });
  return out;
}

/** Encodes planar Float32 PCM with FFmpeg; `codecArgs` choose the codec and bit rate. */
export function encodeFile(pcm: Pcm, path: string, codecArgs: readonly string[]): void {
  const input = interleave(pcm.channels);
  const args = ['-v', 'error', '-y', '-f', 'f32le', '-ar', String(pcm.sampleRate), '-ac', String(pcm.channels.length)];
  execFileSync('ffmpeg', [...args, '-i', 'pipe:0', ...codecArgs, path], {
    input: new Uint8Array(input.buffer, input.byteOffset, input.byteLength),
    maxBuffer: 1 << 30,
  });
}
