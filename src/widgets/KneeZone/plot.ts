/**
 * Pure: knee-zone model -> Observable Plot options. Level the detector saw across, reduction applied up. The
 * static reduction is the thick solid line, the knee region a shaded band labelled "knee", the threshold a
 * dashed rule; each syllable or note is a mark: a filled diamond when it is within 3 dB of the threshold, a
 * hollow circle otherwise (shape, not colour, tells them apart).
 */
import * as Plot from '@observablehq/plot';
import type { KneeZoneModel } from './model';
import { HALO, SERIES } from '../shared/palette';
import { PLOT_STYLE, dbAxis } from '../shared/axes';
import { formatDbShort } from '../shared/describe';
import { kneeBandMarks } from '../shared/knee-band';

export function kneeZonePlot(m: KneeZoneModel, { width }: { width: number }): Plot.PlotOptions {
  const w = Math.round(Math.min(Math.max(width, 260), 640));
  const [x0, x1] = m.domainDb;
  const inside = (d: { levelDb: number }) => d.levelDb >= x0 && d.levelDb <= x1;
  const points = m.points.filter(inside);
  const marks: Plot.Markish[] = [Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 })];
  marks.push(...kneeBandMarks(m.kneeLowDb, m.kneeHighDb, m.topDb));
  marks.push(
    Plot.ruleX([m.thresholdDb], {
      stroke: SERIES.threshold.color,
      strokeDasharray: SERIES.threshold.dash,
      strokeWidth: 1.5,
    }),
    Plot.text([m.thresholdDb], {
      x: (d: number) => d,
      y: m.topDb,
      dy: 24,
      dx: 4,
      textAnchor: 'start',
      text: (d: number) => `Threshold ${formatDbShort(d)}`,
      fill: 'currentColor',
      stroke: HALO,
      strokeWidth: 4,
      paintOrder: 'stroke',
      ariaHidden: 'true',
    }),
    Plot.line(m.curve.filter(inside), { x: 'levelDb', y: 'reductionDb', stroke: SERIES.curve.color, strokeWidth: 2.5 }),
    Plot.dot(
      points.filter((p) => !p.near),
      { x: 'levelDb', y: 'reductionDb', r: 3, stroke: SERIES.measured.color, fill: 'none', strokeWidth: 1.5 },
    ),
    Plot.dot(
      points.filter((p) => p.near),
      { x: 'levelDb', y: 'reductionDb', r: 4, symbol: 'diamond', fill: SERIES.measured.color },
    ),
  );
  return {
    width: w,
    height: Math.round(Math.min(300, Math.max(220, w * 0.5))),
    marginLeft: 44,
    marginBottom: 36,
    marginTop: 14,
    marginRight: 12,
    style: PLOT_STYLE,
    x: dbAxis([x0, x1], 'Level the detector saw (dBFS) →', 'right'),
    y: dbAxis([0, m.topDb], '↑ Reduction (dB)', 'top', 5),
    marks,
  };
}
