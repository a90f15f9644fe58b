/**
 * Pure: output-meter model -> Observable Plot options. Two horizontal bars on one dB scale, labelled in the
 * axis: "Peak (dBFS)" and "Short-term (LUFS)"; a tick with "max" marks the clip's highest of each, and a dashed
 * rule marks 0 dBFS, the ceiling a peak must stay under.
 */
import * as Plot from '@observablehq/plot';
import type { OutputMeterModel } from './model';
import { SERIES } from '../shared/palette';
import { PLOT_STYLE, dbAxis } from '../shared/axes';

const ROWS = ['Peak (dBFS)', 'Short-term (LUFS)'];

export function outputMeterPlot(m: OutputMeterModel, { width }: { width: number }): Plot.PlotOptions {
  const [lo, hi] = m.domainDb;
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);
  const rows = [
    { row: ROWS[0], now: clamp(m.peakNowDb), max: clamp(m.peakMaxDb) },
    { row: ROWS[1], now: clamp(m.shortTermNowLufs), max: clamp(m.shortTermMaxLufs) },
  ];
  return {
    width: Math.round(Math.min(Math.max(width, 240), 480)),
    height: 110,
    marginLeft: 112,
    marginRight: 16,
    marginTop: 18,
    marginBottom: 34,
    style: PLOT_STYLE,
    x: { ...dbAxis([lo, hi], 'Level (dB) →', 'right'), labelOffset: 30 },
    y: { domain: ROWS, label: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { y: 'row', x1: lo, x2: hi, fill: 'currentColor', fillOpacity: 0.08, ariaHidden: 'true' }),
      Plot.barX(rows, { y: 'row', x1: lo, x2: 'now', fill: SERIES.curve.color }),
      Plot.tickX(rows, { y: 'row', x: 'max', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.text(rows, { y: 'row', x: 'max', text: () => 'max', dy: -13, fill: 'currentColor', ariaHidden: 'true' }),
      Plot.ruleX([0], { stroke: SERIES.threshold.color, strokeDasharray: SERIES.threshold.dash, strokeWidth: 1.5 }),
      Plot.text([0], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -12,
        text: () => '0 dBFS',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    ],
  };
}
