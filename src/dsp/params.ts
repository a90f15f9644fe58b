/**
 * The compressor's parameters: defaults, ranges (one table shared by the UI, the URL state and the command line),
 * the one typed validator and the human-readable formatting used by readouts and aria-valuetext.
 */
import type { CompressorParams, Detector } from './types';

export const DEFAULT_PARAMS: Readonly<CompressorParams> = Object.freeze({
  thresholdDb: -20,
  ratio: 4,
  kneeDb: 0,
  attackMs: 10,
  releaseMs: 100,
  makeupDb: 0,
  detector: 'peak',
  rmsWindowMs: 10,
  lookaheadMs: 0,
  link: 1,
  mix: 1,
});

/**
 * The short name of each parameter, shared by the command line (`--threshold`, `--rms-window`) and page URLs
 * (`?threshold=…&rms-window=…`), so a setting is spelt the same everywhere a person types it.
 */
export const SHORT_NAMES = {
  threshold: 'thresholdDb',
  ratio: 'ratio',
  knee: 'kneeDb',
  attack: 'attackMs',
  release: 'releaseMs',
  makeup: 'makeupDb',
  detector: 'detector',
  'rms-window': 'rmsWindowMs',
  lookahead: 'lookaheadMs',
  link: 'link',
  mix: 'mix',
} as const satisfies Record<string, keyof CompressorParams>;

/** Keys of the parameters that hold numbers (detector is the only non-numeric one). */
export type NumericParamKey = Exclude<keyof CompressorParams, 'detector'>;

export interface ParamSpec {
  key: NumericParamKey;
  label: string;
  unit: 'dB' | 'ms' | '';
  min: number;
  max: number;
  step: number;
  /** ratio: Infinity is allowed (written 'inf' or '∞'). */
  allowInfinity?: true;
  /** makeupDb: 'auto' is allowed. */
  allowAuto?: true;
  /** Slider scale; attack and release sliders are logarithmic. */
  scale?: 'linear' | 'log';
}

export const PARAM_SPECS: Readonly<Record<NumericParamKey, Readonly<ParamSpec>>> = Object.freeze({
  thresholdDb: { key: 'thresholdDb', label: 'Threshold', unit: 'dB', min: -60, max: 0, step: 0.5, scale: 'linear' },
  ratio: { key: 'ratio', label: 'Ratio', unit: '', min: 1, max: 20, step: 0.1, allowInfinity: true, scale: 'linear' },
  kneeDb: { key: 'kneeDb', label: 'Knee', unit: 'dB', min: 0, max: 24, step: 0.5, scale: 'linear' },
  attackMs: { key: 'attackMs', label: 'Attack', unit: 'ms', min: 0.1, max: 200, step: 0.1, scale: 'log' },
  releaseMs: { key: 'releaseMs', label: 'Release', unit: 'ms', min: 5, max: 2000, step: 1, scale: 'log' },
  makeupDb: { key: 'makeupDb', label: 'Make-up', unit: 'dB', min: 0, max: 24, step: 0.5, allowAuto: true },
  rmsWindowMs: { key: 'rmsWindowMs', label: 'RMS window', unit: 'ms', min: 1, max: 100, step: 1, scale: 'log' },
  lookaheadMs: { key: 'lookaheadMs', label: 'Lookahead', unit: 'ms', min: 0, max: 10, step: 0.1, scale: 'linear' },
  link: { key: 'link', label: 'Stereo link', unit: '', min: 0, max: 1, step: 0.01, scale: 'linear' },
  mix: { key: 'mix', label: 'Mix', unit: '', min: 0, max: 1, step: 0.01, scale: 'linear' },
});

export const DETECTORS: readonly Detector[] = ['peak', 'rms'];

export type ValidationResult =
  { ok: true; params: CompressorParams; warnings: string[] } | { ok: false; errors: string[] };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

type Parsed = { value: number | 'auto' } | { error: string };

function describeRange(spec: ParamSpec): string {
  const extra = [spec.allowInfinity ? 'inf' : '', spec.allowAuto ? 'auto' : ''].filter(Boolean).join(' or ');
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return `${spec.min}..${spec.max}${unit}${extra ? ` or ${extra}` : ''}`;
}

function parseNumeric(spec: ParamSpec, raw: unknown): Parsed {
  let value: number;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string') {
    const text = raw
      .trim()
      .replace(/\u2212/g, '-')
      .toLowerCase();
    if (spec.allowAuto && text === 'auto') return { value: 'auto' };
    if (spec.allowInfinity && ['inf', '+inf', 'infinity', '+infinity', '∞'].includes(text)) return { value: Infinity };
    if (!DECIMAL.test(text)) return { error: `is not a number` };
    value = Number(text);
  } else {
    return { error: `is not a number` };
  }
  if (Number.isNaN(value)) return { error: 'is not a number' };
  if (value === Infinity && spec.allowInfinity) return { value };
  if (!Number.isFinite(value)) return { error: 'is not a finite number' };
  return { value };
}

function show(raw: unknown): string {
  return typeof raw === 'string' ? `'${raw}'` : String(raw);
}

/**
 * Checks and normalises parameters from any source (command line, URL, UI). Missing keys take DEFAULT_PARAMS.
 * strict: every unknown key, unparsable or out-of-range value is an error naming the parameter, the value and the
 * allowed range. clamp: out-of-range numbers are clamped; unparsable values and unknown keys are ignored (the
 * default is kept); each such case is listed in `warnings`.
 */
export function validateParams(input: Record<string, unknown>, mode: 'strict' | 'clamp'): ValidationResult {
  const params: CompressorParams = { ...DEFAULT_PARAMS };
  const errors: string[] = [];
  const warnings: string[] = [];
  const problem = (message: string): void => {
    (mode === 'strict' ? errors : warnings).push(message);
  };
  for (const [key, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    if (key === 'detector') {
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      if (text === 'peak' || text === 'rms') params.detector = text;
      else problem(`detector: ${show(raw)} is not allowed (peak or rms)`);
      continue;
    }
    if (!Object.hasOwn(PARAM_SPECS, key)) {
      problem(`unknown parameter '${key}'`);
      continue;
    }
    const spec = PARAM_SPECS[key as NumericParamKey];
    const parsed = parseNumeric(spec, raw);
    if ('error' in parsed) {
      problem(`${key}: ${show(raw)} ${parsed.error} (allowed ${describeRange(spec)})`);
      continue;
    }
    let value = parsed.value;
    if (typeof value === 'number' && !(value === Infinity && spec.allowInfinity)) {
      if (value < spec.min || value > spec.max) {
        const clamped = Math.min(spec.max, Math.max(spec.min, value));
        problem(`${key}: ${show(raw)} is out of range (allowed ${describeRange(spec)})`);
        if (mode === 'strict') continue;
        value = clamped;
      }
    }
    if (key === 'makeupDb') params.makeupDb = value;
    else if (typeof value === 'number') params[key as Exclude<NumericParamKey, 'makeupDb'>] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params, warnings };
}

/** Number text with at most `decimals` decimals, trailing zeros dropped, U+2212 minus sign. */
function formatNumber(value: number, decimals: number): string {
  const text = String(Number(value.toFixed(decimals)));
  return text === '-0' ? '0' : text.replace('-', '\u2212');
}

function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Human text for a parameter value, for readouts and aria-valuetext: '−20 dB', '4 to 1', '∞ to 1', '10 ms',
 * 'auto', '100 %', 'peak'.
 */
export function formatParamValue<K extends keyof CompressorParams>(key: K, value: CompressorParams[K]): string {
  if (key === 'detector' || value === 'auto') return String(value);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed: K is generic, tsc cannot index with it
  const spec = PARAM_SPECS[key as NumericParamKey];
  const num = value as number;
  if (key === 'ratio') return `${num === Infinity ? '∞' : formatNumber(num, 2)} to 1`;
  if (key === 'mix' || key === 'link') return `${formatNumber(num * 100, 0)} %`;
  const decimals = Math.max(1, decimalsOf(spec.step));
  return `${formatNumber(num, decimals)} ${spec.unit}`.trimEnd();
}
