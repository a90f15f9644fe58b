/**
 * One palette for every plot: Okabe–Ito colours (safe for the common colour-vision deficiencies) carried by CSS
 * variables so light and dark themes each get a variant with at least 3:1 contrast against the page, and a dash
 * pattern or direct label for every series so no plot relies on colour alone.
 *
 * Source: M. Okabe & K. Ito, "Color Universal Design" (2002), https://jfly.uni-koeln.de/color/
 */

/** The eight Okabe–Ito colours. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#e69f00',
  skyBlue: '#56b4e9',
  bluishGreen: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  reddishPurple: '#cc79a7',
} as const;

export interface SeriesStyle {
  /** CSS colour (a variable set in widgets.css, so the theme can swap it). */
  color: string;
  /** SVG stroke-dasharray; undefined = solid. */
  dash: string | undefined;
  /** Human name, used in legends and direct labels. */
  label: string;
}

/** Every series the widgets draw, with its colour, dash and label. */
export const SERIES = {
  curve: { color: 'var(--cl-c-curve)', dash: undefined, label: 'Compressor curve' },
  identity: { color: 'currentColor', dash: '2 4', label: '1:1 (no change)' },
  threshold: { color: 'var(--cl-c-threshold)', dash: '6 3', label: 'Threshold' },
  measured: { color: 'var(--cl-c-measured)', dash: undefined, label: 'Measured on this clip' },
  input: { color: 'var(--cl-c-input)', dash: undefined, label: 'Input level' },
  detector: { color: 'var(--cl-c-curve)', dash: '5 3', label: 'Detector level' },
  target: { color: 'var(--cl-c-target)', dash: '2 3', label: 'Target reduction' },
  applied: { color: 'var(--cl-c-measured)', dash: undefined, label: 'Applied reduction' },
  before: { color: 'var(--cl-c-input)', dash: '4 2', label: 'Before (original)' },
  after: { color: 'var(--cl-c-curve)', dash: undefined, label: 'After (compressed)' },
  playhead: { color: 'currentColor', dash: undefined, label: 'Playhead' },
} as const satisfies Record<string, SeriesStyle>;

export type SeriesName = keyof typeof SERIES;

/** Page background, drawn behind in-plot labels (SVG paint-order: stroke) so they stay legible over data. */
export const HALO = 'var(--cl-w-bg)';
