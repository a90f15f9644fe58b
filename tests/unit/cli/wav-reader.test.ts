import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFrames, decodeWav, readWavLayout } from '../../../src/io/wav';
import { fileReader } from '../../../scripts/lib/compress-file';

/** The layout of an open file, as the command line reads it. */
const layoutOf = (fd: number) => readWavLayout(fileReader(fd), fstatSync(fd).size);

const dir = mkdtempSync(join(tmpdir(), 'wav-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A WAV file with `frames` frames of a counting pattern that covers the sign bit and the extremes. */
function wavFile(opts: { format: number; bits: number; channels: number; frames: number; extensible?: boolean }) {
  const { bits, channels, frames } = opts;
  const bytesPer = bits / 8;
  const data = new Uint8Array(frames * channels * bytesPer);
  const view = new DataView(data.buffer);
  for (let k = 0; k < frames * channels; k++) {
    const p = k * bytesPer;
    // A value in [−1, 1) that sweeps the whole range several times, with both ends hit exactly.
    const x = k === 0 ? -1 : k === 1 ? 1 - 2 ** -(bits - 1) : Math.sin(k * 0.37) * (k % 3 === 0 ? 1 : 0.01);
    if (opts.format === 3 && bits === 32) view.setFloat32(p, x, true);
    else if (opts.format === 3) view.setFloat64(p, x, true);
    else if (bits === 8) view.setUint8(p, Math.max(0, Math.min(255, Math.round(x * 128) + 128)));
    else {
      const full = 2 ** (bits - 1);
      const v = Math.max(-full, Math.min(full - 1, Math.round(x * full)));
      for (let b = 0; b < bytesPer; b++) view.setUint8(p + b, Number((BigInt(v) >> BigInt(8 * b)) & 255n));
    }
  }
  const fmtSize = opts.extensible ? 40 : 16;
  const head = new Uint8Array(12 + 8 + fmtSize + 8 + 8 + 3 + 1 + 8);
  const h = new DataView(head.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((ch, i) => h.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  h.setUint32(4, head.length - 8 + data.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  h.setUint32(16, fmtSize, true);
  h.setUint16(20, opts.extensible ? 0xfffe : opts.format, true);
  h.setUint16(22, channels, true);
  h.setUint32(24, 44100, true);
  h.setUint32(28, 44100 * channels * bytesPer, true);
  h.setUint16(32, channels * bytesPer, true);
  h.setUint16(34, bits, true);
  let at = 36;
  if (opts.extensible) {
    h.setUint16(36, 22, true);
    h.setUint16(38, bits, true);
    h.setUint16(44, opts.format, true);
    at = 60;
  }
  // An odd-sized chunk before "data" (padded to even), so the samples start at an unaligned offset.
  ascii(at, 'junk');
  h.setUint32(at + 4, 3, true);
  at += 12;
  ascii(at, 'data');
  h.setUint32(at + 4, data.length, true);
  const bytes = new Uint8Array(at + 8 + data.length);
  bytes.set(head.subarray(0, at + 8));
  bytes.set(data, at + 8);
  return bytes;
}

/** Decodes the whole file from an open file, chunk by chunk, as the command line does. */
function streamDecode(path: string, chunk: number) {
  const fd = openSync(path, 'r');
  try {
    const layout = layoutOf(fd);
    const channels = Array.from({ length: layout.channelCount }, () => new Float32Array(layout.frames));
    const file = readFileSync(path);
    // Chunks are copied into a buffer of their own, as compressFile's readSync does.
    const raw = new Uint8Array(chunk * layout.blockAlign);
    let sumSq = 0;
    for (let f = 0; f < layout.frames; f += chunk) {
      const n = Math.min(chunk, layout.frames - f);
      const from = layout.dataOffset + f * layout.blockAlign;
      raw.set(file.subarray(from, from + n * layout.blockAlign));
      sumSq += decodeFrames(layout, raw, n, channels, f);
    }
    return { layout, channels, sumSq };
  } finally {
    closeSync(fd);
  }
}

describe('WAV from an open file, chunk by chunk (the command line)', () => {
  const cases = [
    { format: 1, bits: 8, channels: 1 },
    { format: 1, bits: 16, channels: 2 },
    { format: 1, bits: 24, channels: 2 },
    { format: 1, bits: 24, channels: 3, extensible: true },
    { format: 1, bits: 32, channels: 2 },
    { format: 3, bits: 32, channels: 2 },
    { format: 3, bits: 32, channels: 5, extensible: true },
    { format: 3, bits: 64, channels: 1 },
  ];
  for (const c of cases) {
    const name = `${c.format === 1 ? 'integer' : 'float'} ${c.bits}-bit, ${c.channels} ch${c.extensible ? ', EXTENSIBLE' : ''}`;
    it(`${name}: the same samples as decodeWav, in any chunking, and Σx²`, () => {
      const path = join(dir, `${c.format}-${c.bits}-${c.channels}.wav`);
      writeFileSync(path, wavFile({ ...c, frames: 1001 }));
      const whole = decodeWav(readFileSync(path));
      for (const chunk of [1, 7, 1001, 4096]) {
        const { layout, channels, sumSq } = streamDecode(path, chunk);
        expect(layout.sampleRate).toBe(44100);
        expect(layout.frames).toBe(1001);
        expect(channels).toEqual(whole.channels);
        let expected = 0;
        for (const ch of whole.channels) for (const x of ch) expected += x * x;
        expect(sumSq).toBeCloseTo(expected, 9);
      }
      // The extremes: −1 exactly, and full scale minus one step.
      expect(whole.channels[0]?.[0]).toBe(-1);
    });
  }

  it('rejects what decodeWav rejects, with its one-line reasons', () => {
    const check = (bytes: Uint8Array, message: RegExp) => {
      const path = join(dir, 'bad.wav');
      writeFileSync(path, bytes);
      const fd = openSync(path, 'r');
      try {
        expect(() => layoutOf(fd)).toThrow(message);
        expect(() => decodeWav(bytes)).toThrow(message);
      } finally {
        closeSync(fd);
      }
    };
    check(new TextEncoder().encode('hello'), /not a WAV file/);
    const good = wavFile({ format: 1, bits: 16, channels: 2, frames: 4 });
    const noData = good.slice();
    noData.set(new TextEncoder().encode('dat@'), good.length - 16 - 8);
    check(noData, /no "data" chunk/);
    const float16 = wavFile({ format: 1, bits: 16, channels: 1, frames: 4 });
    new DataView(float16.buffer).setUint16(20, 3, true); // integer samples labelled float
    check(float16, /unsupported WAV encoding: format 3 \(float\), 16 bits/);
  });

  it('a data chunk longer than the file: the whole frames that are there', () => {
    const bytes = wavFile({ format: 1, bits: 16, channels: 2, frames: 10 });
    const path = join(dir, 'short.wav');
    writeFileSync(path, bytes.subarray(0, bytes.length - 5)); // 8.75 frames left
    const fd = openSync(path, 'r');
    try {
      expect(layoutOf(fd).frames).toBe(8);
    } finally {
      closeSync(fd);
    }
    expect(decodeWav(readFileSync(path)).channels[0]).toHaveLength(8);
  });
});
