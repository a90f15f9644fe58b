/**
 * Text helpers for readouts and plot descriptions. Numbers use the typographic minus (U+2212) so screen readers
 * say "minus" and the text matches formatParamValue from src/dsp/params.
 */

export const MINUS = '\u2212';

/** A number with a fixed count of decimals, typographic minus, and no "−0". */
export function formatNumber(value: number, digits = 1): string {
  if (value === Infinity) return '∞';
  if (value === -Infinity) return `${MINUS}∞`;
  if (Number.isNaN(value)) return '–';
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.replace('-', MINUS);
}

/** "−20.0 dB", or with a unit of choice ("−3.2 dBFS"). */
export function formatDb(value: number, digits = 1, unit = 'dB'): string {
  return `${formatNumber(value, digits)} ${unit}`;
}

/**
 * A level that is shown with the fewest decimals that represent it exactly at 0.1 dB: −20 dB, −17.5 dB. Halves
 * round away from zero, so a level and its negation read alike (−26.25 dBFS out, 26.25 dB of reduction: −26.3
 * and 26.3, never −26.2 and 26.3).
 */
export function formatDbShort(value: number, unit = 'dB'): string {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
  return formatDb(rounded, Number.isInteger(rounded) ? 0 : 1, unit);
}

/** A ratio's "per" number as a musician says it: 4, 2.5, ∞. */
export function formatRatioNumber(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞';
  return String(Math.round(ratio * 100) / 100);
}

/** Seconds as "1.25 s" or, below one second, "250 ms". */
export function formatTime(seconds: number): string {
  if (Math.abs(seconds) < 1) return `${Math.round(seconds * 1000)} ms`;
  return `${(Math.round(seconds * 100) / 100).toString()} s`;
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
