/**
 * The rules a learner's own file must meet, and the words for each way it can fail (pure: no DOM, tested in Node).
 * user-file.ts and its Worker apply them; every refusal leaves the lab's current clip in place.
 */
import { KIND_LABELS, type AudioKind } from '../io/audio-sniff';

/** The longest file the lab takes, seconds (10 minutes of stereo is ~230 MB as float samples). */
export const MAX_DURATION_S = 600;
/** The id of the learner's file among the clips (never an example clip's id: those have no "own-" prefix). */
export const OWN_CLIP_ID = 'own-file';
/** Largest compressed file read into memory for decoding, bytes (10 minutes of 24-bit/192 kHz FLAC fits). */
export const MAX_ENCODED_BYTES = 512 * 1024 * 1024;

/** A file the lab cannot use: the message names the file and the reason, for the learner. */
export class UserFileError extends Error {
  override name = 'UserFileError';
}

/** m:ss.s, e.g. "2:05.3". */
export function clockTime(seconds: number): string {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  const rest = (s - m * 60).toFixed(1).padStart(4, '0');
  return `${m}:${rest}`;
}

export const MESSAGES = {
  empty: (name: string) => `“${name}” is empty (0 bytes): there is no audio in it.`,
  text: (name: string, start: string) =>
    `“${name}” is a text file, not audio (it begins “${start}”). Choose a WAV, FLAC, MP3, Ogg or M4A file.`,
  headerCut: (name: string, bytes: number, reason: string) =>
    `“${name}” is a WAV file whose header is cut short (${bytes} bytes; ${reason}), so its audio cannot be found.`,
  dataCut: (name: string, statedS: number, presentS: number) =>
    `“${name}” stops early: its header announces ${clockTime(statedS)} of audio but the file holds ${clockTime(presentS)}. ` +
    'The part that is there is used.',
  undecodable: (name: string, kind: AudioKind) =>
    kind === 'unknown' || kind === 'text'
      ? `“${name}” is not in an audio format this browser can decode. WAV, FLAC, MP3, Ogg and M4A files work.`
      : `This browser cannot decode “${name}” (${KIND_LABELS[kind]}): its codec is not supported here, or the file is damaged. A WAV or FLAC copy will work.`,
  unsupportedWav: (name: string, reason: string) => `“${name}” is a WAV file this lab cannot read: ${reason}.`,
  zeroLength: (name: string) => `“${name}” holds no audio (0 samples).`,
  silence: (name: string) =>
    `“${name}” is digital silence (every sample is 0): there is nothing to compress. Choose a file with sound in it.`,
  tooLong: (name: string, durationS: number) =>
    `“${name}” is ${clockTime(durationS)} long; the lab takes files up to ${MAX_DURATION_S / 60} minutes. Trim it and try again.`,
  tooLarge: (name: string, bytes: number) =>
    `“${name}” is ${Math.round(bytes / 1048576)} MB, more than the lab decodes (${MAX_ENCODED_BYTES / 1048576} MB); it would also be longer than ${MAX_DURATION_S / 60} minutes.`,
  rate: (name: string, rate: number, range: { min: number; max: number }) =>
    `“${name}” is sampled at ${rate.toLocaleString('en')} Hz, which this browser cannot play (it accepts ` +
    `${range.min.toLocaleString('en')}–${range.max.toLocaleString('en')} Hz).`,
  downmix: (name: string, count: number, how: string) =>
    `“${name}” has ${count} channels; the lab works in stereo, so they are mixed down: ${how}.`,
  guessedRate: (name: string, rate: number) =>
    `The sample rate of “${name}” could not be read from its header, so it was decoded at ${rate.toLocaleString('en')} Hz.`,
  /** What stays loaded after a refusal; `keeper` names the widget ("The lab", "The drill"). */
  kept: (title: string | null, keeper = 'The lab') =>
    title ? ` ${keeper} keeps “${title}”.` : ` ${keeper} keeps the clip it had.`,
};

/** The first characters of a text file, for the message (printable, shortened). */
export function textStart(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).replace(/\s+/g, ' ').trim();
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/**
 * A stereo mix of more than two channels, and how it was made. 4 (quad: L R SL SR) and 6 (5.1: L R C LFE SL SR)
 * channels follow the Web Audio API's speaker down-mix; other counts keep the first two channels (its "discrete"
 * rule). Source: W3C Web Audio API 1.0, §"Channel Up-Mixing and Down-Mixing" (speakers and discrete rules).
 */
export function downmixToStereo(channels: readonly Float32Array[]): { channels: Float32Array[]; how: string } {
  const n = channels.length;
  const ch = (i: number) => channels[i] as Float32Array;
  const frames = ch(0).length;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  if (n === 4) {
    const [l, r, sl, sr] = [ch(0), ch(1), ch(2), ch(3)];
    for (let i = 0; i < frames; i++) {
      left[i] = 0.5 * ((l[i] as number) + (sl[i] as number));
      right[i] = 0.5 * ((r[i] as number) + (sr[i] as number));
    }
    return { channels: [left, right], how: 'quad to stereo, L = ½(L + SL), R = ½(R + SR)' };
  }
  if (n === 6) {
    const [l, r, c, sl, sr] = [ch(0), ch(1), ch(2), ch(4), ch(5)];
    const k = Math.SQRT1_2;
    for (let i = 0; i < frames; i++) {
      left[i] = (l[i] as number) + k * ((c[i] as number) + (sl[i] as number));
      right[i] = (r[i] as number) + k * ((c[i] as number) + (sr[i] as number));
    }
    return {
      channels: [left, right],
      how: '5.1 to stereo, L = L + 0.707·(C + SL), R = R + 0.707·(C + SR), LFE left out',
    };
  }
  left.set(ch(0));
  right.set(ch(1));
  return { channels: [left, right], how: `the first two are kept and the other ${n - 2} left out` };
}

/** Whether every sample of every channel is exactly zero (digital silence). */
export function isDigitalSilence(channels: readonly Float32Array[]): boolean {
  for (const data of channels) {
    for (let i = 0; i < data.length; i++) if (data[i] !== 0) return false;
  }
  return true;
}

/** The checks every decoded file passes before it becomes the lab's clip (throws UserFileError). */
export function checkDecoded(name: string, channels: readonly Float32Array[], sampleRate: number): void {
  const frames = channels[0]?.length ?? 0;
  if (channels.length === 0 || frames === 0) throw new UserFileError(MESSAGES.zeroLength(name));
  if (frames / sampleRate > MAX_DURATION_S) throw new UserFileError(MESSAGES.tooLong(name, frames / sampleRate));
  if (isDigitalSilence(channels)) throw new UserFileError(MESSAGES.silence(name));
}
