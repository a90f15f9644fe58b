/**
 * Joins separately rendered or recorded spoken lines into one clip: silence before the first line, each line
 * with its own gain (a linear ramp in dB), a pause after each, silence after the last. Used by vocal.ts (the
 * Festival "dynamic talker") and narrator.ts (the LibriVox reader).
 */
import { dbToGain } from '../../src/dsp/levels';

export interface SpokenLine {
  text: string;
  /** Gain at the start and at the end of the line, dB (a linear ramp in dB between them). */
  startDb: number;
  endDb: number;
  /** Silence after the line, seconds. */
  pauseS: number;
}

export interface Layout {
  /** Silence before the first line and after the last, seconds, so the clip starts and ends on silence. */
  leadInS: number;
  tailS: number;
  /**
   * Raised-cosine fade at both ends of every line, seconds (0 = none): for lines cut out of a longer recording,
   * whose first and last samples are room noise rather than silence.
   */
  fadeS: number;
}

/**
 * Gain of a raised-cosine (Hann) fade-in at sample n of a fade `length` samples long: 0.5 − 0.5·cos(π·(n + ½)/length).
 * Source: the Hann window, w(n) = 0.5 − 0.5·cos(2πn/N), of which a fade is the rising half.
 */
export function fadeGain(n: number, length: number): number {
  if (n >= length) return 1;
  return 0.5 - 0.5 * Math.cos((Math.PI * (n + 0.5)) / length);
}

/** Concatenates the lines' audio (mono, one sample rate) with their gains, fades and pauses. */
export function assembleLines(
  spec: readonly SpokenLine[],
  lines: readonly Float32Array[],
  sampleRate: number,
  layout: Layout,
): Float32Array {
  const samples = (s: number) => Math.round(s * sampleRate);
  const fade = samples(layout.fadeS);
  let length = samples(layout.leadInS) + samples(layout.tailS);
  spec.forEach((line, i) => (length += (lines[i]?.length ?? 0) + samples(line.pauseS)));
  const out = new Float32Array(length);
  let at = samples(layout.leadInS);
  spec.forEach((line, i) => {
    const audio = lines[i];
    if (!audio) throw new Error(`missing audio for spoken line ${i + 1}`);
    for (let n = 0; n < audio.length; n++) {
      const db = line.startDb + ((line.endDb - line.startDb) * n) / Math.max(1, audio.length - 1);
      const edge = fade > 0 ? fadeGain(n, fade) * fadeGain(audio.length - 1 - n, fade) : 1;
      out[at + n] = (audio[n] ?? 0) * dbToGain(db) * edge;
    }
    at += audio.length + samples(line.pauseS);
  });
  return out;
}
