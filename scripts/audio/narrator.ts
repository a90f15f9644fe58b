/**
 * The "audiobook reader": a real human voice, four consecutive sentences of a LibriVox recording of Jane Austen's
 * "Sense and Sensibility" (chapter 1), as shipped for speech-recognition tests in the Debian package
 * pocketsphinx-testdata (16 kHz mono; master.ts resamples to 48 kHz). Nothing is re-levelled: the spread
 * between the lines is the reader's own, so this is the steady counterpart to the "dynamic talker" (vocal.ts).
 * Each line is a separate file cut from the longer reading, so its edges are room noise: a 20 ms fade at each
 * end keeps the joins free of clicks.
 */
import { join } from 'node:path';
import type { Pcm } from './pcm';
import { assembleLines, type SpokenLine } from './speech';

/** Where the package installs the recordings. */
export const LIBRIVOX_DIR = '/usr/share/pocketsphinx/test/data/librivox';

/** The utterances, in reading order, with the package's transcription (punctuation added). */
export const NARRATOR_LINES: readonly (SpokenLine & { file: string })[] = [
  { file: 'sense_and_sensibility_01_austen_64kb-0880.wav', text: 'He was not an ill-disposed young man,' },
  {
    file: 'sense_and_sensibility_01_austen_64kb-0890.wav',
    text: 'unless to be rather cold-hearted and rather selfish is to be ill-disposed.',
  },
  {
    file: 'sense_and_sensibility_01_austen_64kb-0920.wav',
    text: 'Had he married a more amiable woman, he might have been made still more respectable than he was;',
  },
  { file: 'sense_and_sensibility_01_austen_64kb-0930.wav', text: 'he might even have been made amiable himself.' },
].map((line, i, all) => ({ ...line, startDb: 0, endDb: 0, pauseS: i === all.length - 1 ? 0 : 0.25 }));

export const NARRATOR_LAYOUT = { leadInS: 0.15, tailS: 0.3, fadeS: 0.02 } as const;

/** Joins the decoded lines (mono, one sample rate) into the clip. */
export function assembleNarrator(lines: readonly Float32Array[], sampleRate: number): Pcm {
  return { sampleRate, channels: [assembleLines(NARRATOR_LINES, lines, sampleRate, NARRATOR_LAYOUT)] };
}

/** The installed path of each line's recording. */
export const narratorFiles = (dir = LIBRIVOX_DIR): string[] => NARRATOR_LINES.map((line) => join(dir, line.file));
