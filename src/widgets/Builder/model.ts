/**
 * Pure: what the embed builder (/teach/) makes of a teacher's choices — the embed page's address, with the
 * settings (src/lib/url-state.ts) and the embed's own options (src/lib/embed-options.ts) in one query — and the
 * page's sections, which the page lists under "On this page" and the island renders as its headings.
 */
import { DEFAULT_PARAMS, type NumericParamKey } from '../../dsp/params';
import type { CompressorParams } from '../../dsp/types';
import type { EmbedName } from '../../lib/embed';
import type { Hideable, Theme } from '../../lib/embed-options';
import { matchingPreset } from '../../lib/presets';
import { serializeUrlState, urlNameOf } from '../../lib/url-state';
import type { EmbedTask } from '../Exercise/results';
import type { Panel } from '../Workbench/model';

export interface BuilderChoice {
  widget: EmbedName;
  /** The exercise's task (the `exercise` widget only). */
  task: EmbedTask;
  clipId: string;
  params: CompressorParams;
  /** Sliders the embed shows. */
  controls: NumericParamKey[];
  /** Workbench panels (ignored for other widgets). */
  panels: Panel[];
  hide: Hideable[];
  /** Sliders shown but not changeable (only those shown count). */
  lock: NumericParamKey[];
  theme: Theme;
  /** A practice drill's seed (`seed=`, the same run for a whole class); used when it is a whole number. */
  seed: string;
}

/** A seed the drills read (src/widgets/Practice/drill-text.ts seedFromSearch): up to 9 digits. */
export function isSeed(text: string): boolean {
  return /^\d{1,9}$/.test(text);
}

/** The builder's sections: headings of the island and entries of the page's "On this page". */
export const BUILDER_SECTIONS = [
  { slug: 'choose', text: 'What the learner gets' },
  { slug: 'settings', text: 'Starting settings' },
  { slug: 'controls', text: 'Controls shown and locked' },
  { slug: 'look', text: 'Theme and hidden parts' },
  { slug: 'preview', text: 'Preview' },
  { slug: 'embed-code', text: 'Embed code' },
  { slug: 'messages', text: 'Messages from the preview' },
] as const;
export type BuilderSection = (typeof BUILDER_SECTIONS)[number]['slug'];

/** A practice drill (theme only), an exercise (a task and settings) or a widget (settings). */
export function kindOf(widget: EmbedName): 'practice' | 'exercise' | 'widget' {
  if (widget.startsWith('practice-')) return 'practice';
  return widget === 'exercise' ? 'exercise' : 'widget';
}

/** The sections that apply to an embed (a drill has no settings or controls). */
export function sectionsFor(widget: EmbedName): BuilderSection[] {
  const all = BUILDER_SECTIONS.map((s) => s.slug);
  return kindOf(widget) === 'practice' ? all.filter((s) => s !== 'settings' && s !== 'controls') : all;
}

/** Parameters the builder offers as sliders, in order. */
export const OFFERED: NumericParamKey[] = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'];

/**
 * The embed page's address for these choices, relative to the site root ("embed/<widget>/?…"). Settings equal
 * to a preset are written as `preset=<id>`, which the embed reads back to the same values.
 */
export function builderPath(choice: BuilderChoice): string {
  const query = new URLSearchParams();
  if (kindOf(choice.widget) !== 'practice') {
    if (choice.widget === 'exercise') query.set('task', choice.task);
    const preset = matchingPreset(choice.params);
    if (preset) query.set('preset', preset.id);
    const state = serializeUrlState({
      params: preset ? DEFAULT_PARAMS : choice.params,
      clipId: choice.clipId,
      controls: choice.controls,
      panels: choice.widget === 'workbench' ? choice.panels : null,
    });
    for (const [name, value] of new URLSearchParams(state)) query.append(name, value);
    const lock = choice.lock.filter((key) => choice.controls.includes(key));
    if (lock.length > 0) query.set('lock', lock.map(urlNameOf).join(','));
    if (choice.hide.length > 0) query.set('hide', choice.hide.join(','));
  } else if (isSeed(choice.seed)) query.set('seed', choice.seed);
  if (choice.theme !== 'auto') query.set('theme', choice.theme);
  const search = query.toString();
  return `embed/${choice.widget}/${search ? `?${search}` : ''}`;
}

/** Adds or removes one item of a list, keeping the order of `all`. */
export function toggled<T>(list: readonly T[], item: T, on: boolean, all: readonly T[]): T[] {
  return all.filter((x) => (x === item ? on : list.includes(x)));
}
