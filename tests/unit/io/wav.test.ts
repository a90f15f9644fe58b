import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WavError, decodeWav, encodeWavFloat32 } from '../../../src/io/wav';

/** Builds a WAV file by hand: fmt fields, optional extra chunks before "data", raw sample bytes. */
function wav(opts: {
  format: number;
  channels: number;
  rate?: number;
  bits: number;
  data: number[];
  extensibleSubFormat?: number;
  extraChunk?: { id: string; bytes: number[] };
}): Uint8Array {
  const fmt: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 255, (v >> 8) & 255);
  const u32 = (a: number[], v: number) => a.push(v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255);
  const ascii = (a: number[], s: string) => a.push(...[...s].map((ch) => ch.charCodeAt(0)));
  const rate = opts.rate ?? 8000;
  const blockAlign = (opts.channels * opts.bits) / 8;
  u16(fmt, opts.format);
  u16(fmt, opts.channels);
  u32(fmt, rate);
  u32(fmt, rate * blockAlign);
  u16(fmt, blockAlign);
  u16(fmt, opts.bits);
  if (opts.extensibleSubFormat !== undefined) {
    u16(fmt, 22);
    u16(fmt, opts.bits);
    u32(fmt, 0);
    u16(fmt, opts.extensibleSubFormat);
    fmt.push(0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71);
  }
  const body: number[] = [];
  ascii(body, 'WAVE');
  ascii(body, 'fmt ');
  u32(body, fmt.length);
  body.push(...fmt);
  if (opts.extraChunk) {
    ascii(body, opts.extraChunk.id);
    u32(body, opts.extraChunk.bytes.length);
    body.push(...opts.extraChunk.bytes);
    if (opts.extraChunk.bytes.length & 1) body.push(0);
  }
  ascii(body, 'data');
  u32(body, opts.data.length);
  body.push(...opts.data);
  const out: number[] = [];
  ascii(out, 'RIFF');
  u32(out, body.length);
  out.push(...body);
  return Uint8Array.from(out);
}

describe('decodeWav', () => {
  it('16-bit PCM stereo: scales by 1/32768 and de-interleaves', () => {
    // Frames (L, R): (0, 16384), (−32768, 32767) little-endian.
    const d = decodeWav(wav({ format: 1, channels: 2, bits: 16, data: [0, 0, 0, 0x40, 0, 0x80, 0xff, 0x7f] }));
    expect(d.sampleRate).toBe(8000);
    expect(Array.from(d.channels[0] ?? [])).toEqual([0, -1]);
    expect(Array.from(d.channels[1] ?? [])).toEqual([0.5, 32767 / 32768]);
  });
  it('24-bit PCM: sign from the top byte, scale 1/2^23; also inside WAVE_FORMAT_EXTENSIBLE', () => {
    // 0x400000 = 0.5, 0xC00000 = −0.5, 0x800000 = −1, 0x000001 = 2^−23.
    const data = [0, 0, 0x40, 0, 0, 0xc0, 0, 0, 0x80, 1, 0, 0];
    const expected = [0.5, -0.5, -1, 2 ** -23];
    expect(Array.from(decodeWav(wav({ format: 1, channels: 1, bits: 24, data })).channels[0] ?? [])).toEqual(expected);
    const ext = wav({ format: 0xfffe, channels: 1, bits: 24, data, extensibleSubFormat: 1 });
    expect(Array.from(decodeWav(ext).channels[0] ?? [])).toEqual(expected);
  });
  it('32-bit PCM, 8-bit unsigned PCM, 32- and 64-bit float', () => {
    const i32 = decodeWav(wav({ format: 1, channels: 1, bits: 32, data: [0, 0, 0, 0x40, 0, 0, 0, 0x80] }));
    expect(Array.from(i32.channels[0] ?? [])).toEqual([0.5, -1]);
    const u8 = decodeWav(wav({ format: 1, channels: 1, bits: 8, data: [128, 0, 192] }));
    expect(Array.from(u8.channels[0] ?? [])).toEqual([0, -1, 0.5]);
    const f32 = new Uint8Array(new Float32Array([0.25, -2]).buffer);
    expect(Array.from(decodeWav(wav({ format: 3, channels: 1, bits: 32, data: [...f32] })).channels[0] ?? [])).toEqual([
      0.25, -2,
    ]);
    const f64 = new Uint8Array(new Float64Array([0.125]).buffer);
    const ext = wav({ format: 0xfffe, channels: 1, bits: 64, data: [...f64], extensibleSubFormat: 3 });
    expect(Array.from(decodeWav(ext).channels[0] ?? [])).toEqual([0.125]);
  });
  it('skips other chunks, including odd-sized ones with their pad byte', () => {
    const d = decodeWav(
      wav({ format: 1, channels: 1, bits: 16, data: [0, 0x40], extraChunk: { id: 'LIST', bytes: [1, 2, 3] } }),
    );
    expect(Array.from(d.channels[0] ?? [])).toEqual([0.5]);
  });
  it('rejects what it cannot read with a one-line reason', () => {
    expect(() => decodeWav(new TextEncoder().encode('ID3 not a wav file'))).toThrow('not a WAV file');
    expect(() => decodeWav(wav({ format: 2, channels: 1, bits: 4, data: [0] }))).toThrow(/unsupported WAV encoding/);
    expect(() => decodeWav(wav({ format: 3, channels: 1, bits: 16, data: [0, 0] }))).toThrow(/unsupported/);
    const noData = wav({ format: 1, channels: 1, bits: 16, data: [] }).slice(0, 36);
    expect(() => decodeWav(noData)).toThrow(WavError);
    expect(() => decodeWav(noData)).toThrow('no "data" chunk');
  });
  it('takes what is there when the data size is unknown or too large (streamed files)', () => {
    const bytes = wav({ format: 1, channels: 1, bits: 16, data: [0, 0x40, 0, 0xc0] });
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(Array.from(decodeWav(bytes).channels[0] ?? [])).toEqual([0.5, -0.5]);
  });
});

describe('encodeWavFloat32', () => {
  it('round-trips exactly through decodeWav, writes non-finite samples as 0', () => {
    const left = Float32Array.from([0, 0.5, -1, 1e-7, 3]);
    const right = Float32Array.from([NaN, -0.25, Infinity, 1, -3]);
    const bytes = encodeWavFloat32([left, right], 44100);
    expect(bytes.length).toBe(56 + 5 * 2 * 4);
    const d = decodeWav(bytes);
    expect(d.sampleRate).toBe(44100);
    expect(d.channels[0]).toEqual(left);
    expect(Array.from(d.channels[1] ?? [])).toEqual([0, -0.25, 0, 1, -3]);
  });
});

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'wav-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasFfmpeg)('ffmpeg reads what encodeWavFloat32 writes (independent decoder)', () => {
  it('3 channels at 22.05 kHz come back sample for sample', () => {
    const chans = [0, 1, 2].map((c) => Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.01 * (c + 1)) / 2));
    const path = join(dir, 'ours.wav');
    writeFileSync(path, encodeWavFloat32(chans, 22050));
    const probe = spawnSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'stream=sample_rate,channels,codec_name'].concat(['-of', 'csv=p=0', path]),
      { encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('pcm_f32le,22050,3');
    const raw = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-']);
    expect(raw.status).toBe(0);
    const interleaved = new Float32Array(raw.stdout.buffer, raw.stdout.byteOffset, raw.stdout.length / 4);
    expect(interleaved.length).toBe(3000);
    interleaved.forEach((v, k) => expect(v).toBe(chans[k % 3]?.[Math.floor(k / 3)]));
  });
});

describe.skipIf(!hasFfmpeg)('files written by ffmpeg (independent encoder)', () => {
  // 0.1 s of a 1 kHz sine, 3 channels, 44.1 kHz, in each sample format ffmpeg writes. ffmpeg's sine source has
  // a peak of 1/8, halved by the volume filter: 1/16.
  const sine = (i: number) => Math.sin((2 * Math.PI * 1000 * i) / 44100) / 16;
  for (const [codec, extra, tolerance] of [
    ['pcm_s16le', [], 1 / 32768],
    ['pcm_s24le', [], 1 / 2 ** 23],
    ['pcm_s32le', [], 1e-7],
    ['pcm_f32le', [], 1e-7],
    ['pcm_s24le', ['-rf64', 'never', '-write_bext', '1'], 1 / 2 ** 23],
  ] as const) {
    it(`${codec} ${extra.join(' ')}`.trim(), () => {
      const path = join(dir, `${codec}${extra.length}.wav`);
      const r = spawnSync('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
        ...['-i', 'sine=frequency=1000:sample_rate=44100:duration=0.1'],
        ...['-af', 'volume=0.5:precision=double,pan=3c|c0=c0|c1=c0|c2=c0', '-c:a', codec, ...extra, path],
      ]);
      expect(r.status, r.stderr.toString()).toBe(0);
      const d = decodeWav(readFileSync(path));
      expect(d.sampleRate).toBe(44100);
      expect(d.channels).toHaveLength(3);
      expect(d.channels[0]?.length).toBe(4410);
      let worst = 0;
      for (const ch of d.channels) ch.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - sine(i)))));
      // ffmpeg's sine source is itself quantised to 16 bits before the volume filter.
      expect(worst).toBeLessThanOrEqual(1 / 32768 + tolerance);
    });
  }
});
