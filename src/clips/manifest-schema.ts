/**
 * The clip manifest's schema (zod): checks untrusted JSON against the types of manifest.ts with clear messages.
 * Runs where the manifest is made or shipped: scripts/audio/measure.ts, the site build (scripts/build/clip-manifest.mjs)
 * and the tests. The measured numbers in it are written by scripts/audio/measure.ts with src/dsp's own meters.
 */
import * as z from 'zod/mini';
import type { CompressorParams } from '../dsp/types';
import { validateParams } from '../dsp/params';
import type { Clip, ClipManifest } from './manifest';

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A plain file name in the manifest's folder: no slashes, no '..', no URL scheme. */
const SRC_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? typeof value;
}

/** A zod error message that ends with the offending value: "must be … (got …)". */
const says =
  (text: string) =>
  (issue: { input?: unknown }): string =>
    `${text} (got ${show(issue.input)})`;

function text() {
  const error = says('must be a non-empty string');
  return z.string({ error }).check(z.refine((value) => value.trim() !== '', { error }));
}

function number(min: number, max: number) {
  const error = says(`must be a number from ${min} to ${max}`);
  return z.number({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

function integer(min: number, max: number) {
  return number(min, max).check(z.int({ error: says('must be a whole number') }));
}

const fileSchema = z.object(
  {
    src: text().check(z.regex(SRC_PATTERN, { error: says("must be a plain file name in the manifest's folder") })),
    type: text().check(z.startsWith('audio/', { error: says('must be an audio MIME type') })),
  },
  { error: says('must be an object { src, type }') },
);

/** Checked by the compressor's own validator (src/dsp/params.ts); only the keys given are kept. */
const suggestedSchema = z.pipe(
  z.record(z.string(), z.unknown(), { error: says('must be an object of compressor parameters') }),
  z.transform((value, ctx): Partial<CompressorParams> => {
    const result = validateParams(value, 'strict');
    if (!result.ok) {
      for (const message of result.errors) ctx.issues.push({ code: 'custom', message: `: ${message}`, input: value });
      return {};
    }
    const suggested: Partial<CompressorParams> = {};
    for (const key of Object.keys(value) as (keyof CompressorParams)[]) {
      Object.assign(suggested, { [key]: result.params[key] });
    }
    return suggested;
  }),
);

const clipSchema = z.object(
  {
    id: text().check(z.regex(ID_PATTERN, { error: says("must be lower-case letters, digits and '-'") })),
    title: text(),
    role: text(),
    description: text(),
    durationS: number(0.1, 600),
    sampleRate: integer(8000, 192_000),
    channels: integer(1, 8),
    lufs: number(-70, 0),
    peakDb: number(-100, 0),
    crestDb: number(0, 60),
    loudnessRangeLu: number(0, 60),
    licence: text(),
    source: text(),
    suggested: suggestedSchema,
    files: z
      .array(fileSchema, { error: says('must be a non-empty list of { src, type }') })
      .check(z.minLength(1, { error: says('must be a non-empty list of { src, type }') })),
  },
  { error: says('must be an object') },
);

const clipsSchema = z.array(clipSchema).check(
  z.superRefine((clips, ctx) => {
    const seen = new Set<string>();
    clips.forEach((clip, i) => {
      if (seen.has(clip.id)) {
        ctx.issues.push({ code: 'custom', message: `${show(clip.id)} is used twice`, input: clip.id, path: [i, 'id'] });
      }
      seen.add(clip.id);
    });
  }),
);

/** "clips[0].files[1].src" for the path ['clips', 0, 'files', 1, 'src']. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

/**
 * Checks untrusted JSON against the manifest's shape (a zod schema) and returns it typed. Throws one Error that
 * lists every problem as "clips[i].field must be …(got …)".
 */
export function parseManifest(json: unknown): ClipManifest {
  const list =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)['clips']
      : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`Invalid clip manifest: "clips" must be a non-empty list (got ${show(list)})`);
  }
  const result = z.safeParse(clipsSchema, list);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const message = issue.message.startsWith(':') ? issue.message : ` ${issue.message}`;
      return `${pathOf(['clips', ...issue.path])}${message}`;
    });
    throw new Error(`Invalid clip manifest:\n- ${lines.join('\n- ')}`);
  }
  const clips: Clip[] = result.data;
  return { clips };
}
