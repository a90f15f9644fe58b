/**
 * The example-clip manifest (public/audio/manifest.json): its types and the choice of file format for the current
 * browser. The file is checked against its schema (manifest-schema.ts, zod) when the site is built and by the unit
 * tests, so the browser, which reads it from the same deployment, loads no validator.
 * The measured numbers in it are written by scripts/audio/measure.ts with src/dsp's own meters.
 */
import type { CompressorParams } from '../dsp/types';

export interface ClipFile {
  /** File name relative to the manifest's folder, e.g. 'drums.opus'. */
  src: string;
  /** MIME type with codecs, for canPlayType, e.g. 'audio/ogg; codecs=opus'. */
  type: string;
}

export interface Clip {
  /** Short stable id used in URLs and widget props: 'vocal', 'narrator', 'drums', 'bass', 'mix', 'piano', 'guitar'. */
  id: string;
  title: string;
  /** What the clip is, in a few words: 'speech', 'drum kit', 'bass guitar', 'full mix', 'piano', 'acoustic guitar'. */
  role: string;
  /** One line for learners: what to listen for, and why the suggested setting suits it. */
  description: string;
  durationS: number;
  sampleRate: number;
  channels: number;
  /** Integrated loudness, LUFS (ITU-R BS.1770-4). */
  lufs: number;
  /** Sample peak, dBFS. */
  peakDb: number;
  /** Peak minus RMS, dB. */
  crestDb: number;
  /** Loudness range, LU (EBU Tech 3342). */
  loudnessRangeLu: number;
  licence: string;
  source: string;
  /** A starting setting for this material (the rest stay at DEFAULT_PARAMS). */
  suggested: Partial<CompressorParams>;
  /** The same audio in several formats, the preferred first. */
  files: ClipFile[];
}

export interface ClipManifest {
  clips: Clip[];
}

/**
 * The first file the browser says it can play: 'probably' wins over 'maybe'; null when it can play none.
 * `canPlayType` is HTMLMediaElement.canPlayType (passed in so this stays testable without a DOM).
 */
export function chooseFile(clip: Clip, canPlayType: (type: string) => string): ClipFile | null {
  const answers = clip.files.map((file) => ({ file, answer: canPlayType(file.type) }));
  return (
    answers.find(({ answer }) => answer === 'probably')?.file ??
    answers.find(({ answer }) => answer === 'maybe')?.file ??
    null
  );
}
