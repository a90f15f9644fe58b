/**
 * WAV (RIFF/WAVE) reading and writing, pure: Uint8Array in, Uint8Array out (no Node, no DOM).
 *
 *   decodeWav:  RIFF ─► chunks ─► "fmt " (PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE of
 *               either) + "data" ─► one Float32Array per channel, integers scaled to [−1, 1)
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

/**
 * Reads a WAV file into one Float32Array per channel. Throws WavError with a one-line reason when it cannot.
 * `allocate` makes the channel arrays (e.g. over a SharedArrayBuffer for a worker); default: new Float32Array.
 */
export function decodeWav(
  bytes: Uint8Array,
  allocate: (frames: number) => Float32Array = (frames) => new Float32Array(frames),
): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') {
    throw new WavError('not a WAV file (no RIFF/WAVE header)');
  }
  let format: WavFormat | null = null;
  let dataAt = -1;
  let dataSize = 0;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(view, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') format = parseFormat(view, body, Math.min(size, bytes.byteLength - body));
    if (id === 'data') {
      dataAt = body;
      // Streamed files may carry 0 or 0xFFFFFFFF as the size: take what is there.
      const available = bytes.byteLength - body;
      dataSize = size === 0 || size === 0xffffffff || size > available ? available : size;
      break;
    }
    at = body + size + (size & 1);
  }
  if (!format) throw new WavError('no "fmt " chunk');
  if (dataAt < 0) throw new WavError('no "data" chunk');
  const frames = Math.floor(dataSize / format.blockAlign);
  const channels = Array.from({ length: format.channelCount }, () => allocate(frames));
  readSamples(bytes, dataAt, frames, format, channels);
  return { sampleRate: format.sampleRate, channels };
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Fast path: 16-bit, 32-bit integer and 32-bit float through a typed view (little-endian host). */
function readSamplesTyped(
  bytes: Uint8Array,
  at: number,
  frames: number,
  f: WavFormat,
  channels: Float32Array[],
): boolean {
  const size = f.bitsPerSample / 8;
  const isFloat = f.formatCode === WAVE_FORMAT_IEEE_FLOAT;
  if (!LITTLE_ENDIAN_HOST || !(size === 2 || size === 4) || (isFloat && size !== 4)) return false;
  const n = f.channelCount;
  const length = frames * n;
  let region = bytes.subarray(at, at + length * size);
  // Typed views need an aligned offset; copy the data region when it is not.
  if ((region.byteOffset & (size - 1)) !== 0) {
    const copy = new Uint8Array(region.length); // (not slice(): a Node Buffer's slice is a view)
    copy.set(region);
    region = copy;
  }
  const src =
    size === 2
      ? new Int16Array(region.buffer, region.byteOffset, length)
      : isFloat
        ? new Float32Array(region.buffer, region.byteOffset, length)
        : new Int32Array(region.buffer, region.byteOffset, length);
  const scale = isFloat ? 1 : size === 2 ? 1 / 32768 : 1 / 2147483648;
  if (n === 2) {
    // One sequential pass for the common stereo case.
    const left = channels[0] as Float32Array;
    const right = channels[1] as Float32Array;
    for (let i = 0, p = 0; i < frames; i++, p += 2) {
      left[i] = (src[p] as number) * scale;
      right[i] = (src[p + 1] as number) * scale;
    }
    return true;
  }
  for (let c = 0; c < n; c++) {
    const out = channels[c] as Float32Array;
    for (let i = 0, p = c; i < frames; i++, p += n) out[i] = (src[p] as number) * scale;
  }
  return true;
}

function readSamples(bytes: Uint8Array, at: number, frames: number, f: WavFormat, channels: Float32Array[]): void {
  if (readSamplesTyped(bytes, at, frames, f, channels)) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = f.channelCount;
  const bytesPerSample = f.bitsPerSample / 8;
  for (let c = 0; c < n; c++) {
    const out = channels[c] as Float32Array;
    let p = at + c * bytesPerSample;
    const stride = f.blockAlign;
    if (f.formatCode === WAVE_FORMAT_IEEE_FLOAT) {
      if (f.bitsPerSample === 32) for (let i = 0; i < frames; i++, p += stride) out[i] = view.getFloat32(p, true);
      else for (let i = 0; i < frames; i++, p += stride) out[i] = view.getFloat64(p, true);
    } else if (f.bitsPerSample === 16) {
      for (let i = 0; i < frames; i++, p += stride) out[i] = view.getInt16(p, true) / 32768;
    } else if (f.bitsPerSample === 24) {
      for (let i = 0; i < frames; i++, p += stride) {
        // Source: 24-bit little-endian two's complement, sign taken from the top byte.
        out[i] = ((view.getInt8(p + 2) << 16) | (view.getUint8(p + 1) << 8) | view.getUint8(p)) / 8388608;
      }
    } else if (f.bitsPerSample === 32) {
      for (let i = 0; i < frames; i++, p += stride) out[i] = view.getInt32(p, true) / 2147483648;
    } else {
      // 8-bit WAV is unsigned with 128 as zero.
      for (let i = 0; i < frames; i++, p += stride) out[i] = (view.getUint8(p) - 128) / 128;
    }
  }
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
  if (LITTLE_ENDIAN_HOST && ((target.byteOffset + offset) & 3) === 0) {
    const dst = new Float32Array(target.buffer, target.byteOffset + offset, frames * n);
    if (n === 2) {
      const left = channels[0] as Float32Array;
      const right = channels[1] as Float32Array;
      for (let i = 0, p = 0; i < frames; i++, p += 2) {
        const x = left[start + i] as number;
        const y = right[start + i] as number;
        dst[p] = x - x === 0 ? x : 0;
        dst[p + 1] = y - y === 0 ? y : 0;
      }
      return;
    }
    for (let c = 0; c < n; c++) {
      const ch = channels[c] as Float32Array;
      for (let i = 0, p = c; i < frames; i++, p += n) {
        const x = ch[start + i] as number;
        dst[p] = x - x === 0 ? x : 0;
      }
    }
    return;
  }
  const v = new DataView(target.buffer, target.byteOffset + offset, frames * n * 4);
  for (let c = 0; c < n; c++) {
    const ch = channels[c] as Float32Array;
    let p = c * 4;
    for (let i = start; i < start + frames; i++, p += n * 4) {
      const x = ch[i] as number;
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
