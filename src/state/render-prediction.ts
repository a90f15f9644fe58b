/**
 * Which settings to render ahead of time (pure). A keyboard step changes one setting by a fixed amount, so after
 * a change from `previous` to `current` the likely next requests are one more step the same way and the step
 * back. Renders are deterministic, so a render made ahead for exactly the requested settings is that render.
 */
import type { CompressorParams } from '../dsp/types';

/** A key that is equal for equal settings, whatever the order of their properties. */
export function paramsKey(params: CompressorParams): string {
  const entries = (Object.entries(params) as [string, CompressorParams[keyof CompressorParams]][]).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return JSON.stringify(entries.map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v]));
}

/** Settings one more step on, then one step back; none unless exactly one numeric setting changed. */
export function predictNext(previous: CompressorParams | null, current: CompressorParams): CompressorParams[] {
  if (!previous) return [];
  const changed = (Object.keys(current) as (keyof CompressorParams)[]).filter(
    (k) => !Object.is(current[k], previous[k]),
  );
  const key = changed[0];
  if (changed.length !== 1 || key === undefined) return [];
  const now = current[key];
  const before = previous[key];
  if (typeof now !== 'number' || typeof before !== 'number') return [];
  const on = now + (now - before);
  if (!Number.isFinite(on) || !Number.isFinite(before)) return [];
  return [
    { ...current, [key]: on },
    { ...current, [key]: before },
  ];
}
