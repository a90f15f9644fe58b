/**
 * Pure slider maths for the Controls widget: how a parameter's value maps to slider positions, what each key of
 * the WAI-ARIA slider pattern does, and how typed text becomes a value. The slider works in integer positions
 * so linear, logarithmic and stepped scales (ratio, with ∞ as its last stop) behave the same under the keyboard.
 *
 * Source: WAI-ARIA Authoring Practices 1.2, "Slider pattern" (arrows ±1 step, PageUp/PageDown a larger step,
 * Home/End the minimum/maximum).
 */
import { PARAM_SPECS, validateParams, type NumericParamKey, type ParamSpec } from '../../dsp/params';

export interface SliderScale {
  /** Number of positions minus one: positions are 0..last. */
  last: number;
  /** Positions moved by PageUp/PageDown. */
  pageStep: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
}

/** Musicians' ratio stops; ∞ (limiting) is the last. */
export const RATIO_STOPS: readonly number[] = [
  1,
  1.2,
  1.5,
  1.75,
  2,
  2.5,
  3,
  3.5,
  4,
  5,
  6,
  7,
  8,
  10,
  12,
  15,
  20,
  Infinity,
];

const LOG_POSITIONS = 100;

function clampIndex(p: number, last: number): number {
  return Math.min(last, Math.max(0, Math.round(p)));
}

function roundToStep(value: number, spec: ParamSpec): number {
  const stepped = Math.round(value / spec.step) * spec.step;
  return Math.min(spec.max, Math.max(spec.min, Number(stepped.toFixed(6))));
}

function nearestIndex(stops: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    const d = Math.abs((stops[i] ?? 0) - value);
    if (value === Infinity ? stops[i] === Infinity : d < Math.abs((stops[best] ?? 0) - value)) best = i;
  }
  return best;
}

/** The slider scale of a parameter: linear in `step`s, logarithmic (attack, release), or ratio stops. */
export function sliderScale(spec: ParamSpec): SliderScale {
  if (spec.allowInfinity) {
    const last = RATIO_STOPS.length - 1;
    return {
      last,
      pageStep: 3,
      toPosition: (v) => nearestIndex(RATIO_STOPS, v),
      fromPosition: (p) => RATIO_STOPS[clampIndex(p, last)] ?? spec.min,
    };
  }
  if (spec.scale === 'log' && spec.min > 0) {
    // Source: logarithmic taper, v = min·(max/min)^(p/N).
    const span = Math.log(spec.max / spec.min);
    const fromPosition = (p: number) => {
      const raw = spec.min * Math.exp((clampIndex(p, LOG_POSITIONS) / LOG_POSITIONS) * span);
      return roundToStep(Number(raw.toPrecision(2)), spec);
    };
    return {
      last: LOG_POSITIONS,
      pageStep: 10,
      // The nearest position, or a neighbour that shows exactly this value (values are rounded to two digits).
      toPosition: (v) => {
        const p = clampIndex((Math.log(Math.max(spec.min, v) / spec.min) / span) * LOG_POSITIONS, LOG_POSITIONS);
        if (fromPosition(p) === v) return p;
        return [p + 1, p - 1].find((q) => q >= 0 && q <= LOG_POSITIONS && fromPosition(q) === v) ?? p;
      },
      fromPosition,
    };
  }
  const last = Math.round((spec.max - spec.min) / spec.step);
  return {
    last,
    pageStep: Math.max(1, Math.round(Math.max(spec.step * 10, (spec.max - spec.min) / 10) / spec.step)),
    toPosition: (v) => clampIndex((v - spec.min) / spec.step, last),
    fromPosition: (p) => roundToStep(spec.min + clampIndex(p, last) * spec.step, spec),
  };
}

export type SliderKey = 'ArrowLeft' | 'ArrowDown' | 'ArrowRight' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

/** The slider position after a key press, or null for keys the slider does not handle. */
export function positionAfterKey(scale: SliderScale, position: number, key: string): number | null {
  const moves: Record<SliderKey, number> = {
    ArrowLeft: position - 1,
    ArrowDown: position - 1,
    ArrowRight: position + 1,
    ArrowUp: position + 1,
    PageDown: position - scale.pageStep,
    PageUp: position + scale.pageStep,
    Home: 0,
    End: scale.last,
  };
  if (!Object.hasOwn(moves, key)) return null;
  let next = clampIndex(moves[key as SliderKey], scale.last);
  // Where neighbouring positions round to the same value (the low end of a log scale), keep going: a key press
  // always changes the value unless the slider is at its end.
  const here = scale.fromPosition(position);
  const dir = Math.sign(next - position);
  while (dir !== 0 && next > 0 && next < scale.last && scale.fromPosition(next) === here) next += dir;
  return next;
}

/** Each stepping key and the one that undoes it. */
const REVERSE: Record<string, string> = {
  ArrowLeft: 'ArrowRight',
  ArrowRight: 'ArrowLeft',
  ArrowDown: 'ArrowUp',
  ArrowUp: 'ArrowDown',
  PageDown: 'PageUp',
  PageUp: 'PageDown',
};

/**
 * Where the next key press will likely take the slider, most likely first: the same key again, the key that
 * undoes it, then the other step size both ways (arrows after PageUp/PageDown and the reverse). Positions the
 * slider is at already are left out. The render pipeline renders these settings ahead (lab.nextParams).
 */
export function likelyNextPositions(scale: SliderScale, position: number, lastKey: string | null): number[] {
  const first = lastKey && lastKey in REVERSE ? lastKey : 'ArrowRight';
  const small = first.startsWith('Page')
    ? ['PageUp', 'PageDown', 'ArrowRight', 'ArrowLeft']
    : ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown'];
  const keys = [first, REVERSE[first] as string, ...small];
  const out: number[] = [];
  for (const key of keys) {
    const next = positionAfterKey(scale, position, key);
    if (next !== null && next !== position && !out.includes(next)) out.push(next);
  }
  return out;
}

export type TypedValue = { value: number | 'auto'; note: string | null } | { error: string };

/** Parses what a learner typed in a number field through the shared validator (clamped, never rejected silently). */
export function parseTyped(key: NumericParamKey, text: string): TypedValue {
  const result = validateParams({ [key]: text }, 'clamp');
  if (!result.ok) return { error: result.errors.join('; ') };
  const value = result.params[key];
  const spec = PARAM_SPECS[key];
  if (result.warnings.length > 0) {
    const unparsable = /not a number|not a finite/.test(result.warnings.join(' '));
    if (unparsable)
      return { error: `Type a number from ${spec.min} to ${spec.max}${spec.allowInfinity ? ' (or ∞)' : ''}.` };
    return { value, note: `Kept within ${spec.min} to ${spec.max}.` };
  }
  return { value, note: null };
}

/** Text shown in a number field for a value: plain ASCII digits a learner can edit ("−" typed as "-" works too). */
export function fieldText(value: number | 'auto'): string {
  if (value === 'auto') return 'auto';
  if (value === Infinity) return '∞';
  return String(Number(value.toFixed(2)));
}
