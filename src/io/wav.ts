/**
 * WAV (RIFF/WAVE) reading and writing, pure: Uint8Array in, Uint8Array out (no Node, no DOM).
 *
 *   readWavLayout: RIFF ─► chunks ─► "fmt " (PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE of
 *               either) + "data" offset, from a byte array or (command line) an open file
 *   decodeFrames: interleaved samples ─► one Float32Array per channel, integers scaled to [−1, 1)
 *   decodeWav:  a whole file in memory = readWavLayout + decodeFrames
 *   encodeWavFloat32: channels ─► "fmt " (IEEE float, 32-bit) + "fact" + "data", little-endian, interleaved
 *
 * Source: Microsoft "Multimedia Programming Interface and Data Specifications 1.0" (RIFF, 1991) and
 * "Multiple channel audio data and WAVE files" (WAVE_FORMAT_EXTENSIBLE, 2007).
 */

export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export class WavError extends Error {
  override name = 'WavError';
}

export interface DecodedWav {
  sampleRate: number;
  channels: Float32Array[];
}

export interface WavFormat {
  /** 1 = integer PCM, 3 = IEEE float (after resolving WAVE_FORMAT_EXTENSIBLE). */
  formatCode: number;
  channelCount: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign: number;
}

/** The four-character chunk tag at `at`. */
export function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** Parses a "fmt " chunk body of `size` bytes starting at `at`; throws WavError for what is not supported. */
export function parseFormat(view: DataView, at: number, size: number): WavFormat {
  if (size < 16) throw new WavError(`"fmt " chunk too short (${size} bytes)`);
  let formatCode = view.getUint16(at, true);
  const channelCount = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (formatCode === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw new WavError('WAVE_FORMAT_EXTENSIBLE "fmt " chunk too short');
    // The sub-format GUID starts at offset 24; its first two bytes are the format code.
    formatCode = view.getUint16(at + 24, true);
  }
  if (channelCount < 1) throw new WavError('no channels');
  if (sampleRate < 1) throw new WavError('sample rate is 0');
  const supported =
    (formatCode === WAVE_FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample)) ||
    (formatCode === WAVE_FORMAT_IEEE_FLOAT && (bitsPerSample === 32 || bitsPerSample === 64));
  if (!supported) {
    const kind = formatCode === WAVE_FORMAT_PCM ? 'integer' : formatCode === WAVE_FORMAT_IEEE_FLOAT ? 'float' : '';
    throw new WavError(
      `unsupported WAV encoding: format ${formatCode}${kind ? ` (${kind})` : ''}, ${bitsPerSample} bits ` +
        '(supported: 8/16/24/32-bit integer PCM, 32/64-bit float)',
    );
  }
  if (blockAlign !== (channelCount * bitsPerSample) / 8) {
    throw new WavError(`inconsistent block size ${blockAlign} for ${channelCount} × ${bitsPerSample} bits`);
  }
  return { formatCode, channelCount, sampleRate, bitsPerSample, blockAlign };
}

/** Where the samples are: the format, the byte offset of the first sample, and the number of whole frames. */
export interface WavLayout extends WavFormat {
  dataOffset: number;
  frames: number;
  /** Frames the "data" chunk's size announces: more than `frames` when the file stops early (0 when unstated). */
  declaredFrames: number;
}

/** Reads up to `length` bytes at byte `at` of a file (fewer at its end). */
export type ByteReader = (at: number, length: number) => DataView;

/**
 * Walks the RIFF chunks of a WAV file of `fileBytes` bytes up to "data", reading through `read` (a byte array or
 * an open file). Throws WavError with a one-line reason when it cannot read the file.
 */
export function readWavLayout(read: ByteReader, fileBytes: number): WavLayout {
  const riff = read(0, 12);
  if (riff.byteLength < 12 || tag(riff, 0) !== 'RIFF' || tag(riff, 8) !== 'WAVE') {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  let format: WavFormat | null = null;
  let at = 12;
  while (at + 8 <= fileBytes) {
    const head = read(at, 8);
    const id = tag(head, 0);
    const size = head.getUint32(4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      const length = Math.min(size, fileBytes - body);
      format = parseFormat(read(body, Math.min(length, 64)), 0, length);
    }
    if (id === 'data') {
      if (!format) break;
      // Streamed files may carry 0 or 0xFFFFFFFF as the size: take what is there.
      const available = fileBytes - body;
      const stated = size !== 0 && size !== 0xffffffff;
      const dataBytes = !stated || size > available ? available : size;
      const frames = Math.floor(dataBytes / format.blockAlign);
      const declaredFrames = stated ? Math.floor(size / format.blockAlign) : 0;
      return { ...format, dataOffset: body, frames, declaredFrames };
    }
    at = body + size + (size & 1);
  }
  if (!format) throw new WavError('no "fmt " chunk');
  throw new WavError('no "data" chunk');
}

/** One stored sample as a number; integers scaled to [−1, 1). Source: the WAVE sample formats (RIFF 1991). */
function sampleAt(view: DataView, p: number, formatCode: number, bits: number): number {
  if (formatCode === WAVE_FORMAT_IEEE_FLOAT) return bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true);
  if (bits === 16) return view.getInt16(p, true) / 32768;
  // 24-bit little-endian two's complement: the sign comes from the top byte.
  if (bits === 24) return ((view.getInt8(p + 2) << 16) | view.getUint16(p, true)) / 8388608;
  if (bits === 32) return view.getInt32(p, true) / 2147483648;
  // 8-bit WAV is unsigned with 128 as zero.
  return (view.getUint8(p) - 128) / 128;
}

/**
 * Converts `frames` interleaved frames of `bytes` (from byte 0) into channels[c][at + i] as float32. Returns Σx²
 * over the finite samples (an input RMS without a second pass).
 */
export function decodeFrames(
  f: WavFormat,
  bytes: Uint8Array,
  frames: number,
  channels: readonly Float32Array[],
  at: number,
): number {
  const { formatCode, bitsPerSample, blockAlign } = f;
  const view = new DataView(bytes.buffer, bytes.byteOffset, frames * blockAlign);
  let sum = 0;
  for (let c = 0; c < f.channelCount; c++) {
    const out = channels[c] as Float32Array;
    let s = 0;
    for (let i = 0, p = (c * bitsPerSample) / 8; i < frames; i++, p += blockAlign) {
      const x = Math.fround(sampleAt(view, p, formatCode, bitsPerSample));
      out[at + i] = x;
      s += x - x === 0 ? x * x : 0;
    }
    sum += s;
  }
  return sum;
}

/** Reads a WAV file into one Float32Array per channel. Throws WavError with a one-line reason when it cannot. */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const read: ByteReader = (at, length) =>
    new DataView(bytes.buffer, bytes.byteOffset + at, Math.max(0, Math.min(length, bytes.byteLength - at)));
  const layout = readWavLayout(read, bytes.byteLength);
  const channels = Array.from({ length: layout.channelCount }, () => new Float32Array(layout.frames));
  decodeFrames(layout, bytes.subarray(layout.dataOffset), layout.frames, channels, 0);
  return { sampleRate: layout.sampleRate, channels };
}

/**
 * Byte length of the header encodeWavFloat32 writes before the samples: RIFF (12) + "fmt " (8 + 16) + "fact"
 * (8 + 4) + "data" (8). 56 keeps the samples 4-byte aligned, so readers can view them as a Float32Array.
 */
export const FLOAT32_HEADER_BYTES = 56;

/** The header of a 32-bit float WAV holding `frames` frames (what encodeWavFloat32 puts before the samples). */
export function wavFloat32Header(channelCount: number, sampleRate: number, frames: number): Uint8Array {
  const dataBytes = frames * channelCount * 4;
  if (FLOAT32_HEADER_BYTES - 8 + dataBytes > 0xffffffff) throw new WavError('too long for a WAV file (over 4 GiB)');
  const header = new Uint8Array(FLOAT32_HEADER_BYTES);
  const v = new DataView(header.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, FLOAT32_HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, WAVE_FORMAT_IEEE_FLOAT, true);
  v.setUint16(22, channelCount, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channelCount * 4, true);
  v.setUint16(32, channelCount * 4, true);
  v.setUint16(34, 32, true);
  ascii(36, 'fact');
  v.setUint32(40, 4, true);
  v.setUint32(44, frames, true);
  ascii(48, 'data');
  v.setUint32(52, dataBytes, true);
  return header;
}

/**
 * Interleaves `frames` frames from channels[c][start…] as little-endian float32 into `target` at byte `offset`.
 * Non-finite samples are written as 0.
 */
export function interleaveFloat32(
  channels: readonly Float32Array[],
  start: number,
  frames: number,
  target: Uint8Array,
  offset: number,
): void {
  const n = channels.length;
  const v = new DataView(target.buffer, target.byteOffset + offset, frames * n * 4);
  for (let c = 0; c < n; c++) {
    const ch = channels[c] as Float32Array;
    for (let i = 0, p = c * 4; i < frames; i++, p += n * 4) {
      const x = ch[start + i] as number;
      v.setFloat32(p, x - x === 0 ? x : 0, true);
    }
  }
}

/** A complete 32-bit float WAV file of the channels (all the same length). */
export function encodeWavFloat32(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  if (channels.length < 1) throw new WavError('no channels to write');
  const frames = channels[0]?.length ?? 0;
  if (channels.some((ch) => ch.length !== frames)) throw new WavError('channels differ in length');
  const header = wavFloat32Header(channels.length, sampleRate, frames);
  const bytes = new Uint8Array(FLOAT32_HEADER_BYTES + frames * channels.length * 4);
  bytes.set(header, 0);
  interleaveFloat32(channels, 0, frames, bytes, FLOAT32_HEADER_BYTES);
  return bytes;
}
