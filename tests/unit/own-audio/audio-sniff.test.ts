/** What kind of file a learner gave, and the sample rate its header states (src/io/audio-sniff.ts). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffAudio } from '../../../src/io/audio-sniff';
import { encodeWavFloat32, readWavLayout, type ByteReader } from '../../../src/io/wav';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const zeros = (n: number) => new Array<number>(n).fill(0);

describe('sniffAudio from hand-made headers', () => {
  it('FLAC: the 20-bit rate of STREAMINFO', () => {
    // 96000 = 0x17700: bytes 10..12 of STREAMINFO hold 0x17, 0x70 and the top nibble 0x0.
    const info = [...zeros(10), 0x17, 0x70, 0x02, ...zeros(21)];
    expect(sniffAudio(bytes('fLaC', [0x80, 0, 0, 34], info))).toEqual({ kind: 'flac', sampleRate: 96000 });
  });
  it('MP3 after an ID3v2 tag: the frame header’s rate (MPEG-1 index 1 = 48 kHz)', () => {
    const id3 = bytes('ID3', [4, 0, 0, 0, 0, 0, 5], zeros(5));
    expect(sniffAudio(bytes([...id3], [0xff, 0xfb, 0x94, 0x64]))).toEqual({ kind: 'mp3', sampleRate: 48000 });
    expect(sniffAudio(bytes([0xff, 0xf3, 0x90, 0x64]))).toEqual({ kind: 'mp3', sampleRate: 22050 });
  });
  it('Ogg: Opus decodes at 48 kHz; Vorbis states its rate', () => {
    expect(sniffAudio(bytes('OggS', zeros(24), 'OpusHead', [1, 2]))).toEqual({ kind: 'ogg-opus', sampleRate: 48000 });
    const vorbis = bytes('OggS', zeros(24), '\u0001vorbis', [0, 0, 0, 0, 2], [0x44, 0xac, 0, 0]);
    expect(sniffAudio(vorbis)).toEqual({ kind: 'ogg-vorbis', sampleRate: 44100 });
  });
  it('MPEG-4: the AudioSampleEntry’s 16.16 rate', () => {
    const entry = bytes([0, 0, 0, 36], 'mp4a', zeros(16), [0, 2, 0, 16, 0, 0, 0, 0], [0x7d, 0x00, 0, 0]);
    expect(sniffAudio(bytes([0, 0, 0, 16], 'ftypM4A ', zeros(4), [...entry]))).toEqual({
      kind: 'm4a',
      sampleRate: 32000,
    });
  });
  it('WAV, empty, text and unknown bytes', () => {
    expect(sniffAudio(encodeWavFloat32([new Float32Array(4)], 44100)).kind).toBe('wav');
    expect(sniffAudio(new Uint8Array(0)).kind).toBe('empty');
    expect(sniffAudio(new TextEncoder().encode('Mix notes: more bass.\r\n')).kind).toBe('text');
    expect(sniffAudio(bytes([0, 1, 2, 3, 200, 7]))).toEqual({ kind: 'unknown', sampleRate: null });
  });
});

let ffmpeg = true;
try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
} catch {
  ffmpeg = false;
}

describe.skipIf(!ffmpeg)('sniffAudio on files FFmpeg writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sniff-'));
  const make = (name: string, rate: number, codec: string[]) => {
    const path = join(dir, name);
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `sine=f=440:r=${rate}:d=0.5`,
      ...codec,
      path,
    ]);
    return new Uint8Array(readFileSync(path));
  };
  it.each([
    ['t.flac', 88200, [], 'flac', 88200],
    ['t.mp3', 32000, ['-c:a', 'libmp3lame'], 'mp3', 32000],
    ['t.m4a', 22050, ['-c:a', 'aac'], 'm4a', 22050],
    ['t.ogg', 44100, ['-c:a', 'libvorbis'], 'ogg-vorbis', 44100],
    ['t.opus', 44100, ['-c:a', 'libopus'], 'ogg-opus', 48000],
  ] as const)('%s at %i Hz is %s at %i Hz', (name, rate, codec, kind, sampleRate) => {
    expect(sniffAudio(make(name, rate, [...codec]))).toEqual({ kind, sampleRate });
  });
});

describe('a WAV whose data stops early', () => {
  it('readWavLayout reports the frames there and the frames the header announces', () => {
    const whole = encodeWavFloat32([new Float32Array(100), new Float32Array(100)], 8000);
    const cut = whole.subarray(0, whole.length - 8 * 60);
    const read: ByteReader = (at, length) =>
      new DataView(cut.buffer, cut.byteOffset + at, Math.max(0, Math.min(length, cut.byteLength - at)));
    expect(readWavLayout(read, cut.byteLength)).toMatchObject({ frames: 40, declaredFrames: 100 });
  });
});
