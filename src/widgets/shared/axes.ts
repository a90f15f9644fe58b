/** Axis options shared by the dB plots: round-number ticks, dB labels with a real minus, the label at the end. */
import type { ScaleOptions } from '@observablehq/plot';
import { linearTicks } from './ticks';
import { formatDbShort } from './describe';

/** The plots' common text style: small type, marks may overflow the frame, the page shows through. */
export const PLOT_STYLE = { fontSize: '11px', overflow: 'visible', background: 'transparent' } as const;

/** A dB axis over `domain` with about `count` ticks; across plots the label sits at the right, up plots at the top. */
export function dbAxis(
  domain: readonly [number, number],
  label: string,
  labelAnchor: 'right' | 'top',
  count = 6,
): ScaleOptions {
  return {
    domain: [domain[0], domain[1]],
    ticks: linearTicks(domain, count),
    label,
    labelAnchor,
    labelArrow: 'none',
    tickFormat: (d: number) => formatDbShort(d, '').trim(),
  };
}

/** The gain-reduction axis of the time views: 0 dB at the top, more reduction further down, ticks as −N. */
export function reductionAxis(domain: readonly [number, number]): ScaleOptions {
  return {
    domain: [domain[0], domain[1]],
    reverse: true,
    ticks: linearTicks(domain, 3),
    label: '↓ Gain reduction (dB)',
    labelAnchor: 'top',
    labelArrow: 'none',
    tickFormat: (d: number) => (d === 0 ? '0' : formatDbShort(-d, '').trim()),
  };
}
