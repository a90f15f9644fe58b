/**
 * Options only an embed reads from its address, beside the shared settings of src/lib/url-state.ts:
 *
 *   theme=light|dark|auto          the colour scheme (auto: follow the reader's system, the default)
 *   hide=clip,listen,reset,file    controls to leave out (the clip menu, the listen modes, the reset button, the
 *                                  learner's own file; hiding the clip menu hides the own file too)
 *   lock=threshold,ratio           settings shown but not changeable
 *
 * and the tidying of a hand-written address before anything reads it: a pasted `&amp;` is read as `&`, and names
 * and values are read case-insensitively (every name and keyword value here is lower case). When the same name is
 * given twice with different values, which one is meant is ambiguous: the last is used and the learner is told.
 * Pure: strings in, strings and lists out.
 */
import { numericKeyOf, quoteRaw } from './url-state';
import type { NumericParamKey } from '../dsp/params';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const HIDEABLE = ['clip', 'listen', 'reset', 'file'] as const;
export type Hideable = (typeof HIDEABLE)[number];

export interface EmbedOptions {
  theme: Theme;
  hide: Hideable[];
  lock: NumericParamKey[];
  notes: string[];
}

export const NO_OPTIONS: EmbedOptions = { theme: 'auto', hide: [], lock: [], notes: [] };

/**
 * The query string as it was meant: `&amp;` (and `&#38;`) read as `&`, names and values in lower case, each
 * name once. Returns the tidy query (without "?") and notes for anything ambiguous.
 */
export function tidyQuery(search: string): { query: string; notes: string[] } {
  const raw = search.replace(/^\?/, '').replace(/&(amp|#38|#x26);/gi, '&');
  const seen = new Map<string, string>();
  const notes: string[] = [];
  for (const [name, value] of new URLSearchParams(raw)) {
    const key = name.trim().toLowerCase();
    const val = value.trim().toLowerCase();
    if (key === '') continue;
    const before = seen.get(key);
    if (before !== undefined && before !== val) {
      notes.push(`“${key}” is given twice (${quoteRaw(before)} and ${quoteRaw(val)}), so the last one is used.`);
    }
    seen.delete(key);
    seen.set(key, val);
  }
  return { query: new URLSearchParams([...seen]).toString(), notes };
}

function list(value: string | null): string[] {
  return value === null
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** Reads theme, hide and lock from a tidy query; anything it cannot use is named in `notes`. */
export function parseEmbedOptions(query: string): EmbedOptions {
  const q = new URLSearchParams(query);
  const notes: string[] = [];
  const themeRaw = q.get('theme');
  let theme: Theme = 'auto';
  if (themeRaw !== null) {
    if ((THEMES as readonly string[]).includes(themeRaw)) theme = themeRaw as Theme;
    else notes.push(`The theme ${quoteRaw(themeRaw)} isn’t one of light, dark or auto, so the reader’s own is used.`);
  }
  const hide: Hideable[] = [];
  for (const name of list(q.get('hide'))) {
    if ((HIDEABLE as readonly string[]).includes(name)) hide.push(name as Hideable);
    else notes.push(`${quoteRaw(name)} can’t be hidden (only ${HIDEABLE.join(', ')}), so it is shown.`);
  }
  const lock: NumericParamKey[] = [];
  for (const name of list(q.get('lock'))) {
    const key = numericKeyOf(name);
    if (key) lock.push(key);
    else notes.push(`There is no setting called ${quoteRaw(name)} to lock.`);
  }
  return { theme, hide: [...new Set(hide)], lock: [...new Set(lock)], notes };
}
