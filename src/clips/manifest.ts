/**
 * The example-clip manifest (public/audio/manifest.json): its types, a validator with clear messages (plain
 * TypeScript, no schema library in browser code) and the choice of file format for the current browser.
 * The measured numbers in it are written by scripts/audio/measure.ts with src/dsp's own meters.
 */
import type { CompressorParams } from '../dsp/types';
import { validateParams } from '../dsp/params';

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

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A plain file name in the manifest's folder: no slashes, no '..', no URL scheme. */
const SRC_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

/** Collects problems as "path: message" lines while reading one clip. */
class Reader {
  constructor(
    private readonly errors: string[],
    private readonly path: string,
    private readonly record: Record_,
  ) {}

  string(key: string): string {
    const value = this.record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.errors.push(`${this.path}.${key} must be a non-empty string (got ${show(value)})`);
    return '';
  }

  number(key: string, min: number, max: number): number {
    const value = this.record[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    this.errors.push(`${this.path}.${key} must be a number from ${min} to ${max} (got ${show(value)})`);
    return Number.NaN;
  }

  integer(key: string, min: number, max: number): number {
    const value = this.number(key, min, max);
    if (Number.isFinite(value) && !Number.isInteger(value)) {
      this.errors.push(`${this.path}.${key} must be a whole number (got ${show(value)})`);
    }
    return value;
  }
}

function readFiles(errors: string[], path: string, value: unknown): ClipFile[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${path} must be a non-empty list of { src, type } (got ${show(value)})`);
    return [];
  }
  return value.map((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isRecord(item)) {
      errors.push(`${itemPath} must be an object { src, type } (got ${show(item)})`);
      return { src: '', type: '' };
    }
    const reader = new Reader(errors, itemPath, item);
    const src = reader.string('src');
    const type = reader.string('type');
    if (src && !SRC_PATTERN.test(src)) {
      errors.push(`${itemPath}.src must be a plain file name in the manifest's folder (got ${show(src)})`);
    }
    if (type && !type.startsWith('audio/'))
      errors.push(`${itemPath}.type must be an audio MIME type (got ${show(type)})`);
    return { src, type };
  });
}

function readSuggested(errors: string[], path: string, value: unknown): Partial<CompressorParams> {
  if (!isRecord(value)) {
    errors.push(`${path} must be an object of compressor parameters (got ${show(value)})`);
    return {};
  }
  const result = validateParams(value, 'strict');
  if (!result.ok) {
    errors.push(...result.errors.map((message) => `${path}: ${message}`));
    return {};
  }
  const suggested: Partial<CompressorParams> = {};
  for (const key of Object.keys(value) as (keyof CompressorParams)[]) {
    Object.assign(suggested, { [key]: result.params[key] });
  }
  return suggested;
}

function readClip(errors: string[], path: string, value: unknown): Clip | null {
  if (!isRecord(value)) {
    errors.push(`${path} must be an object (got ${show(value)})`);
    return null;
  }
  const r = new Reader(errors, path, value);
  const id = r.string('id');
  if (id && !ID_PATTERN.test(id))
    errors.push(`${path}.id must be lower-case letters, digits and '-' (got ${show(id)})`);
  return {
    id,
    title: r.string('title'),
    role: r.string('role'),
    description: r.string('description'),
    durationS: r.number('durationS', 0.1, 600),
    sampleRate: r.integer('sampleRate', 8000, 192_000),
    channels: r.integer('channels', 1, 8),
    lufs: r.number('lufs', -70, 0),
    peakDb: r.number('peakDb', -100, 0),
    crestDb: r.number('crestDb', 0, 60),
    loudnessRangeLu: r.number('loudnessRangeLu', 0, 60),
    licence: r.string('licence'),
    source: r.string('source'),
    suggested: readSuggested(errors, `${path}.suggested`, value['suggested']),
    files: readFiles(errors, `${path}.files`, value['files']),
  };
}

/**
 * Checks untrusted JSON against the manifest's shape and returns it typed. Throws one Error that lists every
 * problem as "clips[i].field must be …(got …)".
 */
export function parseManifest(json: unknown): ClipManifest {
  const errors: string[] = [];
  const list = isRecord(json) ? json['clips'] : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`Invalid clip manifest: "clips" must be a non-empty list (got ${show(list)})`);
  }
  const clips = list.map((item, i) => readClip(errors, `clips[${i}]`, item));
  const seen = new Set<string>();
  clips.forEach((clip, i) => {
    if (!clip?.id) return;
    if (seen.has(clip.id)) errors.push(`clips[${i}].id ${show(clip.id)} is used twice`);
    seen.add(clip.id);
  });
  if (errors.length > 0) throw new Error(`Invalid clip manifest:\n- ${errors.join('\n- ')}`);
  return { clips: clips.filter((clip): clip is Clip => clip !== null) };
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
