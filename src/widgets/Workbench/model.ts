/**
 * Pure: which panels a workbench shows. Lessons and embed URLs name panels in any order and case; unknown names
 * are dropped and the display order is fixed so every workbench reads the same way.
 */

import type { CompressorParams } from '../../dsp/types';
import { findPreset, type PresetId } from '../../lib/presets';

export const PANELS = [
  'player',
  'presets',
  'controls',
  'transfer',
  'meter',
  'envelope',
  'waveform',
  'reasons',
] as const;
export type Panel = (typeof PANELS)[number];

const ALIASES: Record<string, Panel> = {
  player: 'player',
  presets: 'presets',
  preset: 'presets',
  controls: 'controls',
  transfer: 'transfer',
  'transfer-curve': 'transfer',
  curve: 'transfer',
  meter: 'meter',
  'gain-meter': 'meter',
  envelope: 'envelope',
  waveform: 'waveform',
  reasons: 'reasons',
};

/** Every panel but the measured reasons, which lessons ask for by name. */
export const DEFAULT_PANELS: readonly Panel[] = PANELS.filter((p) => p !== 'reasons');

export function choosePanels(names: readonly string[] | undefined): Panel[] {
  if (!names) return [...DEFAULT_PANELS];
  const wanted = new Set(names.map((n) => ALIASES[n.trim().toLowerCase()]).filter((p): p is Panel => p !== undefined));
  return PANELS.filter((p) => wanted.has(p));
}

/** A workbench's starting values: its preset's, with the lesson's own `initial` values over them. */
export function startingParams(
  preset: PresetId | undefined,
  initial: Partial<CompressorParams> | undefined,
): Partial<CompressorParams> | undefined {
  const base = preset ? findPreset(preset)?.params : undefined;
  return base ? { ...base, ...initial } : initial;
}
