/**
 * Shareable state in the page URL: `?clip=drums&threshold=-24&ratio=4&controls=threshold,ratio`.
 *
 * Reading goes through validateParams(…, 'clamp') one parameter at a time: out-of-range numbers are clamped,
 * unparsable values and unknown names are ignored (the page's own value is kept). A clip id must look like an id
 * and, when the list is known, be one of the clips. Nothing read here is ever used as HTML.
 * Writing replaces only the keys this module owns, with history.replaceState (no reload, no history entries).
 */
import {
  DEFAULT_PARAMS,
  PARAM_SPECS,
  SHORT_NAMES,
  formatParamValue,
  validateParams,
  type NumericParamKey,
} from '../dsp/params';
import type { CompressorParams } from '../dsp/types';
import { findPreset, PRESET_IDS, type Preset, type PresetId } from './presets';

/** URL name -> parameter key: the short names the command line uses too. The full keys are accepted as well. */
export const URL_PARAM_NAMES = SHORT_NAMES;

type UrlName = keyof typeof URL_PARAM_NAMES;
const OWNED = new Set<string>(['clip', 'controls', 'panels', 'preset', ...Object.keys(URL_PARAM_NAMES)]);
const CLIP_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export interface UrlState {
  /** Only the parameters the URL set (validated, clamped). */
  params: Partial<CompressorParams>;
  clipId: string | null;
  /** Parameters whose controls to show, or null when the URL does not say. */
  controls: NumericParamKey[] | null;
  /** Workbench panels named by the URL (raw names, to be filtered by the workbench), or null. */
  panels: string[] | null;
  warnings: string[];
  /** The same problems in words for the learner: what the link asked for and what is used instead. */
  notes: string[];
  /** The preset the link named (`preset=vocal`), already folded into `params`; null when none or unknown. */
  preset: PresetId | null;
}

/** A raw URL value as it may be quoted back to the learner: trimmed and shortened (shown as text, never HTML). */
export function quoteRaw(raw: string): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return `“${flat.length > 24 ? `${flat.slice(0, 23)}…` : flat}”`;
}

function labelOf(key: keyof CompressorParams): string {
  return key === 'detector' ? 'Detector' : PARAM_SPECS[key].label;
}

/** What happened to a parameter the link set that could not be used as given, for the learner. */
function noteFor(key: keyof CompressorParams, raw: string, used: CompressorParams | null): string {
  const label = labelOf(key);
  if (!used) {
    return `${label} ${quoteRaw(raw)} can’t be read, so the page’s own setting is kept.`;
  }
  return `${label} ${quoteRaw(raw)} is outside the range this compressor offers, so ${formatParamValue(key, used[key])} is used.`;
}

function paramKeyOf(name: string): keyof CompressorParams | null {
  const lower = name.toLowerCase();
  if (Object.hasOwn(URL_PARAM_NAMES, lower)) return URL_PARAM_NAMES[lower as UrlName];
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof CompressorParams)[]) {
    if (key.toLowerCase() === lower) return key;
  }
  return null;
}

/** The numeric parameter a URL name means (short or full name, any case), or null. */
export function numericKeyOf(name: string): NumericParamKey | null {
  const key = paramKeyOf(name.trim());
  return key && key !== 'detector' && Object.hasOwn(PARAM_SPECS, key) ? key : null;
}

/** Parses a query string (with or without "?"). */
export function parseUrlState(search: string, knownClips?: readonly string[]): UrlState {
  const query = new URLSearchParams(search);
  const params: Partial<CompressorParams> = {};
  const warnings: string[] = [];
  const notes: string[] = [];
  for (const [name, raw] of query) {
    if (name === 'clip' || name === 'controls' || name === 'panels' || name === 'preset') continue;
    const key = paramKeyOf(name);
    if (!key) continue;
    const result = validateParams({ [key]: raw }, 'clamp');
    if (!result.ok) continue;
    const ignored = result.warnings.some((w) => !/out of range/.test(w));
    warnings.push(...result.warnings);
    if (result.warnings.length > 0) notes.push(noteFor(key, raw, ignored ? null : result.params));
    if (!ignored) Object.assign(params, { [key]: result.params[key] });
  }
  const clipRaw = query.get('clip');
  let clipId: string | null = null;
  if (clipRaw !== null) {
    const id = clipRaw.trim().toLowerCase();
    if (CLIP_ID.test(id) && (!knownClips || knownClips.includes(id))) clipId = id;
    else {
      warnings.push('clip: not one of the example clips (ignored)');
      notes.push(unknownClipNote(clipRaw));
    }
  }
  const controlsRaw = query.get('controls');
  let controls: NumericParamKey[] | null = null;
  if (controlsRaw !== null) {
    const keys = [...new Set(controlsRaw.split(',').map(numericKeyOf))].filter((k): k is NumericParamKey => k !== null);
    // "controls=" asks for no controls; a list of nothing but unknown names is ignored like any unknown value.
    if (keys.length > 0 || controlsRaw.trim() === '') controls = keys;
    else {
      warnings.push('controls: no known parameter names (ignored)');
      notes.push(`The controls ${quoteRaw(controlsRaw)} aren’t settings this page knows, so the usual ones are shown.`);
    }
  }
  const panelsRaw = query.get('panels');
  const panels = panelsRaw === null ? null : panelsRaw.split(',').filter((p) => /^[a-z-]{1,20}$/.test(p));
  const preset = presetParam(query.get('preset'), warnings, notes);
  return {
    params: preset ? { ...preset.params, ...params } : params,
    clipId,
    controls,
    panels,
    warnings,
    notes,
    preset: preset?.id ?? null,
  };
}

// --- preset=… ------------------------------------------------------------------------------------------------
// A whole starting setting from src/lib/presets; parameters the link names as well override it. Not written back
// by serializeUrlState: the parameters themselves are, so a link keeps meaning the same after the learner edits.
function presetParam(raw: string | null, warnings: string[], notes: string[]): Preset | null {
  if (raw === null) return null;
  const preset = findPreset(raw);
  if (!preset) {
    warnings.push('preset: not one of the presets (ignored)');
    notes.push(
      `There is no preset called ${quoteRaw(raw)} (the presets are ${PRESET_IDS.join(', ')}), so the page’s own settings are used.`,
    );
  }
  return preset;
}

/** The note for a clip the link names that is not an example clip. */
export function unknownClipNote(raw: string): string {
  return `There is no example clip called ${quoteRaw(raw)}, so the page’s own clip plays instead.`;
}

/** The URL name of a parameter (its short name). */
export function urlNameOf(key: keyof CompressorParams): string {
  const entry = Object.entries(URL_PARAM_NAMES).find(([, k]) => k === key);
  return entry ? entry[0] : key;
}

function urlValue(value: CompressorParams[keyof CompressorParams]): string {
  if (value === Infinity) return 'inf';
  return String(value);
}

// --- recipes ---------------------------------------------------------------------------------------------------
// A recipe is a whole setting written the way the URL writes it, every parameter by its short name:
// `threshold=-24&ratio=4&…&mix=1`. The URL reads it as it is (paste it after "?"), and the command line takes it
// as `--recipe "…"`, so there is one encoding. Every parameter is written, so a recipe keeps its meaning even if
// the defaults change.

/** The recipe of a setting: every parameter, URL names and values, joined by "&". */
export function recipeOf(params: CompressorParams): string {
  return (Object.keys(DEFAULT_PARAMS) as (keyof CompressorParams)[])
    .map((key) => `${urlNameOf(key)}=${urlValue(params[key])}`)
    .join('&');
}

/**
 * The parameters a recipe names, as raw values by parameter key (for validateParams), and the names in it that
 * are not parameters. A leading "?" and `&amp;` are accepted, so a pasted address's query works too.
 */
export function readRecipe(recipe: string): {
  raw: Partial<Record<keyof CompressorParams, string>>;
  unknown: string[];
} {
  const raw: Partial<Record<keyof CompressorParams, string>> = {};
  const unknown: string[] = [];
  const query = new URLSearchParams(
    recipe
      .trim()
      .replace(/^\?/, '')
      .replace(/&(amp|#38);/gi, '&'),
  );
  for (const [name, value] of query) {
    const key = paramKeyOf(name.trim());
    if (key) raw[key] = value.trim();
    else if (!OWNED.has(name.trim().toLowerCase())) unknown.push(name);
  }
  return { raw, unknown };
}

/**
 * The query string for a state: the clip, every parameter that differs from DEFAULT_PARAMS, and the controls
 * and workbench panels when given (an empty controls list is written, meaning "no controls"). Keys this module does not own are kept from `keep`.
 */
export function serializeUrlState(
  state: {
    params: CompressorParams;
    /** null: the clip is not one a link can name (a learner's own file), so no clip is written. */
    clipId: string | null;
    controls?: readonly NumericParamKey[] | null;
    panels?: readonly string[] | null;
  },
  keep = '',
): string {
  const query = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(keep)) {
    if (!OWNED.has(name.toLowerCase())) query.append(name, value);
  }
  if (state.clipId !== null) query.set('clip', state.clipId);
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof CompressorParams)[]) {
    const value = state.params[key];
    if (value !== DEFAULT_PARAMS[key]) query.set(urlNameOf(key), urlValue(value));
  }
  if (state.controls) query.set('controls', state.controls.map(urlNameOf).join(','));
  if (state.panels && state.panels.length > 0) query.set('panels', state.panels.join(','));
  return query.toString();
}
