/**
 * Pure: what the preset chooser shows. The chosen preset's values, each with its reason, and for each whether the
 * learner has since moved it (so the reason is never read as describing a value that is no longer set).
 */
import { formatParamValue, PARAM_SPECS } from '../../dsp/params';
import type { CompressorParams } from '../../dsp/types';
import type { Preset } from '../../lib/presets';

export interface PresetRow {
  key: keyof CompressorParams;
  /** "Ratio", "Detector". */
  label: string;
  /** The preset's value in words: "3 to 1", "15.0 ms", "rms". */
  value: string;
  why: string;
  /** The learner's value when it differs from the preset's, in words; null when unchanged. */
  nowValue: string | null;
}

function labelOf(key: keyof CompressorParams): string {
  return key === 'detector' ? 'Detector' : PARAM_SPECS[key].label;
}

function text<K extends keyof CompressorParams>(key: K, value: CompressorParams[K]): string {
  return key === 'detector' ? (value === 'rms' ? 'RMS' : 'peak') : formatParamValue(key, value);
}

export function presetRows(preset: Preset, params: CompressorParams): PresetRow[] {
  return preset.reasons.map(({ key, why }) => {
    const changed = !Object.is(preset.params[key], params[key]);
    return {
      key,
      label: labelOf(key),
      value: text(key, preset.params[key]),
      why,
      nowValue: changed ? text(key, params[key]) : null,
    };
  });
}

/** How many of the preset's parameters (all of them, not only the explained ones) the learner has moved. */
export function changedCount(preset: Preset, params: CompressorParams): number {
  return (Object.keys(preset.params) as (keyof CompressorParams)[]).filter(
    (k) => !Object.is(preset.params[k], params[k]),
  ).length;
}
