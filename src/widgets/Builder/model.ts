/**
 * Pure: what the embed builder (/teach/) makes of a teacher's choices — the embed page's address, with the
 * settings (src/lib/url-state.ts) and the embed's own options (src/lib/embed-options.ts) in one query.
 */
import type { NumericParamKey } from '../../dsp/params';
import type { CompressorParams } from '../../dsp/types';
import type { EmbedWidget } from '../../lib/embed';
import type { Hideable, Theme } from '../../lib/embed-options';
import { serializeUrlState, urlNameOf } from '../../lib/url-state';
import type { Panel } from '../Workbench/model';

export interface BuilderChoice {
  widget: EmbedWidget;
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
}

/** Parameters the builder offers as sliders, in order. */
export const OFFERED: NumericParamKey[] = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'];

/** The embed page's address for these choices, relative to the site root ("embed/<widget>/?…"). */
export function builderPath(choice: BuilderChoice): string {
  const query = new URLSearchParams(
    serializeUrlState({
      params: choice.params,
      clipId: choice.clipId,
      controls: choice.controls,
      panels: choice.widget === 'workbench' ? choice.panels : null,
    }),
  );
  const lock = choice.lock.filter((key) => choice.controls.includes(key));
  if (lock.length > 0) query.set('lock', lock.map(urlNameOf).join(','));
  if (choice.hide.length > 0) query.set('hide', choice.hide.join(','));
  if (choice.theme !== 'auto') query.set('theme', choice.theme);
  return `embed/${choice.widget}/?${query.toString()}`;
}

/** Adds or removes one item of a list, keeping the order of `all`. */
export function toggled<T>(list: readonly T[], item: T, on: boolean, all: readonly T[]): T[] {
  return all.filter((x) => (x === item ? on : list.includes(x)));
}
