/**
 * What kind of file a learner gave, from its first bytes (pure): the container/codec, and the sample rate its
 * header states where that is cheap to read, so a compressed file can be decoded at its own rate (Web Audio's
 * decodeAudioData resamples to the decoding context's rate). Also recognises empty files and text.
 *
 * Sources: FLAC format, METADATA_BLOCK_STREAMINFO (xiph.org/flac/format.html); ISO/IEC 11172-3 / 13818-3 MPEG
 * audio frame header; ID3v2.4 §3.1 (syncsafe size); RFC 7845 §5.1 (Opus: decoders output 48 kHz); Vorbis I spec
 * §4.2.2 (identification header); ISO/IEC 14496-12 §12.2.3 (AudioSampleEntry, rate as 16.16).
 */

export type AudioKind =
  'empty' | 'text' | 'wav' | 'flac' | 'mp3' | 'ogg-opus' | 'ogg-vorbis' | 'ogg' | 'm4a' | 'webm' | 'unknown';

export interface Sniffed {
  kind: AudioKind;
  /** The sample rate the header states, Hz (null when not read). */
  sampleRate: number | null;
}

/** How each kind is named to the learner. */
export const KIND_LABELS: Readonly<Record<AudioKind, string>> = {
  empty: 'an empty file',
  text: 'text',
  wav: 'WAV',
  flac: 'FLAC',
  mp3: 'MP3',
  'ogg-opus': 'Ogg Opus',
  'ogg-vorbis': 'Ogg Vorbis',
  ogg: 'Ogg',
  m4a: 'MPEG-4 audio (M4A)',
  webm: 'WebM',
  unknown: 'an unrecognised format',
};

function ascii(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length && at + i < b.length; i++) s += String.fromCharCode(b[at + i] as number);
  return s;
}

function indexOf(b: Uint8Array, text: string, from = 0, limit = b.length): number {
  const first = text.charCodeAt(0);
  const end = Math.min(limit, b.length) - text.length;
  outer: for (let i = from; i <= end; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < text.length; k++) if (b[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

const MPEG_RATES: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/** The sample rate of an MPEG audio frame header at `at`, or null if there is none there. */
function mpegRate(b: Uint8Array, at: number): number | null {
  const b1 = b[at + 1] ?? 0;
  const b2 = b[at + 2] ?? 0;
  if (b[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const rateIndex = (b2 >> 2) & 3;
  const bitrateIndex = b2 >> 4;
  if (version === 1 || layer === 0 || rateIndex === 3 || bitrateIndex === 15) return null;
  return MPEG_RATES[version]?.[rateIndex] ?? null;
}

/** Whether the bytes read as text (printable ASCII, white space or UTF-8 sequences; no control bytes). */
export function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  for (const byte of b.subarray(0, 512)) {
    if (byte === 9 || byte === 10 || byte === 13 || (byte >= 0x20 && byte !== 0x7f)) continue;
    return false;
  }
  return true;
}

/** Identify a file from its first bytes (a few KB suffice, except MPEG-4, whose sample entry may sit anywhere). */
export function sniffAudio(b: Uint8Array): Sniffed {
  if (b.length === 0) return { kind: 'empty', sampleRate: null };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return { kind: 'wav', sampleRate: null };
  let at = 0;
  // ID3v2 tag before MP3 (or FLAC) data: 10-byte header, then a syncsafe size.
  if (ascii(b, 0, 3) === 'ID3' && b.length >= 10) {
    at = 10 + (((b[6] ?? 0) << 21) | ((b[7] ?? 0) << 14) | ((b[8] ?? 0) << 7) | (b[9] ?? 0));
  }
  if (ascii(b, at, 4) === 'fLaC') {
    const p = at + 8; // "fLaC", then the STREAMINFO block header (4 bytes)
    const rate = ((b[p + 10] ?? 0) << 12) | ((b[p + 11] ?? 0) << 4) | ((b[p + 12] ?? 0) >> 4);
    return { kind: 'flac', sampleRate: rate > 0 ? rate : null };
  }
  if (ascii(b, 0, 4) === 'OggS') {
    if (indexOf(b, 'OpusHead', 0, 512) >= 0) return { kind: 'ogg-opus', sampleRate: 48000 };
    const v = indexOf(b, '\u0001vorbis', 0, 512);
    if (v >= 0) {
      const p = v + 12;
      const rate = new DataView(b.buffer, b.byteOffset).getUint32(p, true);
      return { kind: 'ogg-vorbis', sampleRate: p + 4 <= b.length && rate > 0 ? rate : null };
    }
    return { kind: 'ogg', sampleRate: null };
  }
  if (ascii(b, 4, 4) === 'ftyp') {
    const entry = indexOf(b, 'mp4a');
    // After the 4-byte tag: 6 reserved, data index, version, revision, vendor, channels, size, id, packet size (24).
    const p = entry + 28;
    const rate = entry >= 0 && p + 2 <= b.length ? ((b[p] ?? 0) << 8) | (b[p + 1] ?? 0) : 0;
    return { kind: 'm4a', sampleRate: rate > 0 ? rate : null };
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return { kind: 'webm', sampleRate: null };
  // A frame header right at the start, or (after an ID3 tag, which may be padded) within the next 4 KB: MP3.
  const scanEnd = Math.min(b.length - 3, at > 0 ? at + 4096 : 1);
  for (let i = at; i < scanEnd; i++) {
    const rate = mpegRate(b, i);
    if (rate !== null) return { kind: 'mp3', sampleRate: rate };
  }
  return { kind: looksLikeText(b) ? 'text' : 'unknown', sampleRate: null };
}
