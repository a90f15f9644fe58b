/**
 * Streaming WAV reading for the command line: the header from a file descriptor, then the samples chunk by chunk
 * into per-channel Float32Arrays, so a long file is never held in memory whole.
 *
 *   fd ─► RIFF/WAVE chunk walk ─► "fmt " (PCM 8/16/24/32, float 32/64, WAVE_FORMAT_EXTENSIBLE) + "data" offset
 *   data bytes (read by the caller) ─► decodeFrames ─► channels[c][at … at + frames)
 *
 * Same rules and the same sample values as decodeWav in src/io/wav.ts (tests/unit/cli/wav-reader.test.ts checks
 * both agree on every encoding). Source: Microsoft "Multimedia Programming Interface and Data Specifications 1.0"
 * (RIFF, 1991) and "Multiple channel audio data and WAVE files" (WAVE_FORMAT_EXTENSIBLE, 2007).
 */
import { fstatSync, readSync } from 'node:fs';
import { WAVE_FORMAT_IEEE_FLOAT, WavError, parseFormat, tag, type WavFormat } from '../../src/io/wav';

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export interface WavLayout extends WavFormat {
  /** Byte offset of the first sample in the file. */
  dataOffset: number;
  frames: number;
}

function readAt(fd: number, position: number, length: number): DataView {
  const bytes = new Uint8Array(length);
  const got = readSync(fd, bytes, 0, length, position);
  return new DataView(bytes.buffer, 0, got);
}

/** Walks the RIFF chunks of an open WAV file up to "data". Throws WavError with a one-line reason. */
export function readWavLayout(fd: number): WavLayout {
  const fileBytes = fstatSync(fd).size;
  const riff = readAt(fd, 0, 12);
  if (riff.byteLength < 12 || tag(riff, 0) !== 'RIFF' || tag(riff, 8) !== 'WAVE') {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  let format: WavFormat | null = null;
  let at = 12;
  while (at + 8 <= fileBytes) {
    const head = readAt(fd, at, 8);
    const id = tag(head, 0);
    const size = head.getUint32(4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      const length = Math.min(size, fileBytes - body, 64);
      format = parseFormat(readAt(fd, body, length), 0, Math.min(size, fileBytes - body));
    }
    if (id === 'data') {
      if (!format) break;
      // Streamed files may carry 0 or 0xFFFFFFFF as the size: take what is there.
      const available = fileBytes - body;
      const dataBytes = size === 0 || size === 0xffffffff || size > available ? available : size;
      return { ...format, dataOffset: body, frames: Math.floor(dataBytes / format.blockAlign) };
    }
    at = body + size + (size & 1);
  }
  if (!format) throw new WavError('no "fmt " chunk');
  throw new WavError('no "data" chunk');
}

/**
 * Converts `frames` interleaved frames of `bytes` (from byte 0; its byteOffset must be a multiple of 8) into
 * channels[c][at + i], integers scaled to [−1, 1) exactly as decodeWav does. Returns Σx² over the finite samples
 * (for the input RMS, without a second pass).
 */
export function decodeFrames(
  f: WavFormat,
  bytes: Uint8Array,
  frames: number,
  channels: readonly Float32Array[],
  at: number,
): number {
  const n = f.channelCount;
  const length = frames * n;
  const buf = bytes.buffer;
  const off = bytes.byteOffset;
  if (!LITTLE_ENDIAN_HOST) return decodeWithView(f, bytes, frames, channels, at);
  if (f.formatCode === WAVE_FORMAT_IEEE_FLOAT) {
    if (f.bitsPerSample === 32) return deinterleave(new Float32Array(buf, off, length), 1, n, frames, channels, at);
    return deinterleave(new Float64Array(buf, off, length), 1, n, frames, channels, at);
  }
  if (f.bitsPerSample === 16) return deinterleave(new Int16Array(buf, off, length), 1 / 32768, n, frames, channels, at);
  if (f.bitsPerSample === 32) {
    return deinterleave(new Int32Array(buf, off, length), 1 / 2147483648, n, frames, channels, at);
  }
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const out = channels[c] as Float32Array;
    let s = 0;
    if (f.bitsPerSample === 24) {
      for (let i = 0, p = 3 * c; i < frames; i++, p += 3 * n) {
        // Source: 24-bit little-endian two's complement; the shifts sign-extend the top byte.
        const b0 = bytes[p] as number;
        const b1 = bytes[p + 1] as number;
        const b2 = bytes[p + 2] as number;
        const x = (((b2 << 24) | (b1 << 16) | (b0 << 8)) >> 8) / 8388608;
        out[at + i] = x;
        s += x * x;
      }
    } else {
      // 8-bit WAV is unsigned with 128 as zero.
      for (let i = 0, p = c; i < frames; i++, p += n) {
        const x = ((bytes[p] as number) - 128) / 128;
        out[at + i] = x;
        s += x * x;
      }
    }
    sum += s;
  }
  return sum;
}

type Samples = Float32Array | Float64Array | Int16Array | Int32Array;

function deinterleave(
  src: Samples,
  scale: number,
  n: number,
  frames: number,
  channels: readonly Float32Array[],
  at: number,
): number {
  // Σx² in Float32 precision of the stored sample (what the kernel and the meters see), non-finite skipped.
  if (n === 2) {
    // One sequential pass for the common stereo case; two sums, so the additions overlap.
    const left = channels[0] as Float32Array;
    const right = channels[1] as Float32Array;
    let sl = 0;
    let sr = 0;
    for (let i = 0, p = 0; i < frames; i++, p += 2) {
      const x = Math.fround((src[p] as number) * scale);
      const y = Math.fround((src[p + 1] as number) * scale);
      left[at + i] = x;
      right[at + i] = y;
      sl += x - x === 0 ? x * x : 0;
      sr += y - y === 0 ? y * y : 0;
    }
    return sl + sr;
  }
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const out = channels[c] as Float32Array;
    let s = 0;
    for (let i = 0, p = c; i < frames; i++, p += n) {
      const x = Math.fround((src[p] as number) * scale);
      out[at + i] = x;
      s += x - x === 0 ? x * x : 0;
    }
    sum += s;
  }
  return sum;
}

/** Big-endian hosts: the same conversions through a little-endian DataView. */
function decodeWithView(
  f: WavFormat,
  bytes: Uint8Array,
  frames: number,
  channels: readonly Float32Array[],
  at: number,
): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, frames * f.blockAlign);
  const size = f.bitsPerSample / 8;
  let sum = 0;
  for (let c = 0; c < f.channelCount; c++) {
    const out = channels[c] as Float32Array;
    for (let i = 0, p = c * size; i < frames; i++, p += f.blockAlign) {
      let v: number;
      if (f.formatCode === WAVE_FORMAT_IEEE_FLOAT) v = size === 4 ? view.getFloat32(p, true) : view.getFloat64(p, true);
      else if (size === 2) v = view.getInt16(p, true) / 32768;
      else if (size === 4) v = view.getInt32(p, true) / 2147483648;
      else if (size === 3) v = ((view.getInt8(p + 2) << 16) | view.getUint16(p, true)) / 8388608;
      else v = (view.getUint8(p) - 128) / 128;
      const x = Math.fround(v);
      out[at + i] = x;
      sum += x - x === 0 ? x * x : 0;
    }
  }
  return sum;
}
