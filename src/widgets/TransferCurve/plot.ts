/**
 * Pure: transfer-curve model -> Observable Plot options. Input level across, output level up, both in dBFS on
 * d3-scale ticks. Every series differs by more than colour: the 1:1 line is dotted, the threshold dashed, the
 * curve thick and solid, the knee a shaded band, the measured bins vertical bars with diamond medians; the
 * threshold carries a direct label and the legend beside the plot names the rest.
 */
import * as Plot from '@observablehq/plot';
import type { TransferModel } from './model';
import { HALO, SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { formatDbShort } from '../shared/describe';
import { kneeBandMarks } from '../shared/knee-band';

export interface TransferPlotOptions {
  width: number;
}

export function transferCurvePlot(m: TransferModel, { width }: TransferPlotOptions): Plot.PlotOptions {
  const size = Math.round(Math.min(Math.max(width, 240), 420));
  const [x0, x1] = m.inDomainDb;
  const [y0, y1] = m.outDomainDb;
  const marks: Plot.Markish[] = [Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 })];
  marks.push(...kneeBandMarks(m.kneeLowDb, m.kneeHighDb, y1));
  marks.push(
    Plot.line(
      [
        [x0, x0],
        [Math.min(x1, y1), Math.min(x1, y1)],
      ],
      { stroke: SERIES.identity.color, strokeDasharray: SERIES.identity.dash, strokeOpacity: 0.7 },
    ),
    Plot.ruleX([m.thresholdDb], {
      stroke: SERIES.threshold.color,
      strokeDasharray: SERIES.threshold.dash,
      strokeWidth: 1.5,
    }),
    Plot.text([m.thresholdDb], {
      x: (d: number) => d,
      y: y0,
      dy: -8,
      dx: m.thresholdDb > x0 + (x1 - x0) * 0.6 ? -4 : 4,
      textAnchor: m.thresholdDb > x0 + (x1 - x0) * 0.6 ? 'end' : 'start',
      text: (d: number) => `Threshold ${formatDbShort(d)}`,
      fill: 'currentColor',
      stroke: HALO,
      strokeWidth: 4,
      paintOrder: 'stroke',
      ariaHidden: 'true',
    }),
  );
  if (m.measured.length > 0) {
    marks.push(
      Plot.ruleX(m.measured, {
        x: 'inDb',
        y1: 'minOutDb',
        y2: 'maxOutDb',
        stroke: SERIES.measured.color,
        strokeWidth: 2,
        strokeOpacity: 0.6,
      }),
      Plot.dot(m.measured, {
        x: 'inDb',
        y: 'medianOutDb',
        symbol: 'diamond',
        r: 2.5,
        fill: SERIES.measured.color,
      }),
    );
  }
  marks.push(
    Plot.line(m.curve, {
      x: 'inDb',
      y: 'outDb',
      stroke: SERIES.curve.color,
      strokeWidth: 2.5,
    }),
  );
  return {
    width: size,
    height: size,
    marginLeft: 44,
    marginBottom: 36,
    marginTop: 26,
    marginRight: 12,
    style: { fontSize: '11px', overflow: 'visible', background: 'transparent' },
    x: {
      domain: [x0, x1],
      ticks: linearTicks([x0, x1], 6),
      label: 'Input level (dBFS) →',
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: (d: number) => formatDbShort(d, '').trim(),
    },
    y: {
      domain: [y0, y1],
      ticks: linearTicks([y0, y1], 6),
      label: '↑ Output level (dBFS)',
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: (d: number) => formatDbShort(d, '').trim(),
    },
    marks,
  };
}
