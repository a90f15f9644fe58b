/**
 * Pure: transfer-curve model -> Observable Plot options for the frame, the axes and the 1:1 line (they change only
 * with the width and the output range) and the series drawn into it (shared/series-layer.ts), so a new setting
 * rewrites a few paths instead of re-rendering the plot. Input level across, output level up, both in dBFS on
 * d3-scale ticks. Every series differs by more than colour: the 1:1 line is dotted, the threshold dashed, the
 * curve thick and solid, the knee a shaded band, the measured bins vertical bars with diamond medians; the
 * threshold carries a direct label and the legend beside the plot names the rest.
 */
import * as Plot from '@observablehq/plot';
import type { TransferModel } from './model';
import { HALO, SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { formatDbShort } from '../shared/describe';
import type { SeriesSpec } from '../shared/series-layer';

export interface TransferPlotOptions {
  width: number;
}

/** What the frame depends on: the two level ranges. */
export type TransferFrame = Pick<TransferModel, 'inDomainDb' | 'outDomainDb'>;

export function transferCurvePlot(m: TransferFrame, { width }: TransferPlotOptions): Plot.PlotOptions {
  const size = Math.round(Math.min(Math.max(width, 240), 420));
  const [x0, x1] = m.inDomainDb;
  const [y0, y1] = m.outDomainDb;
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
    Plot.line(
      [
        [x0, x0],
        [Math.min(x1, y1), Math.min(x1, y1)],
      ],
      { stroke: SERIES.identity.color, strokeDasharray: SERIES.identity.dash, strokeOpacity: 0.7 },
    ),
  ];
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

/**
 * The series: the knee band with its label (soft knee only; Source: docs/compressor.md §2), the threshold with its
 * direct label, the measured bins (bars from the lowest to the highest output, a diamond at the median) and the
 * curve on top.
 */
export function transferCurveSeries(m: TransferModel): SeriesSpec[] {
  const [x0, x1] = m.inDomainDb;
  const [y0, y1] = m.outDomainDb;
  const out: SeriesSpec[] = [];
  if (m.kneeHighDb > m.kneeLowDb) {
    out.push(
      { kind: 'rect', x: [m.kneeLowDb, m.kneeHighDb], y: [], style: { fill: 'currentColor', 'fill-opacity': 0.1 } },
      {
        kind: 'text',
        x: [m.kneeLowDb],
        y: [y1],
        dx: 4,
        dy: 10,
        text: 'knee',
        style: { fill: 'currentColor', 'text-anchor': 'start', 'dominant-baseline': 'middle' },
      },
    );
  }
  const right = m.thresholdDb > x0 + (x1 - x0) * 0.6;
  out.push(
    {
      kind: 'rules',
      x: [m.thresholdDb],
      y: [y0],
      y2: [y1],
      style: { stroke: SERIES.threshold.color, 'stroke-dasharray': SERIES.threshold.dash, 'stroke-width': 1.5 },
    },
    {
      kind: 'text',
      x: [m.thresholdDb],
      y: [y0],
      dx: right ? -4 : 4,
      dy: -8,
      text: `Threshold ${formatDbShort(m.thresholdDb)}`,
      style: {
        fill: 'currentColor',
        stroke: HALO,
        'stroke-width': 4,
        'paint-order': 'stroke',
        'text-anchor': right ? 'end' : 'start',
        'dominant-baseline': 'middle',
      },
    },
  );
  if (m.measured.length > 0) {
    const inDb = m.measured.map((b) => b.inDb);
    out.push(
      {
        kind: 'rules',
        x: inDb,
        y: m.measured.map((b) => b.minOutDb),
        y2: m.measured.map((b) => b.maxOutDb),
        style: { stroke: SERIES.measured.color, 'stroke-width': 2, 'stroke-opacity': 0.6 },
      },
      {
        kind: 'diamonds',
        x: inDb,
        y: m.measured.map((b) => b.medianOutDb),
        r: 2.5,
        style: { fill: SERIES.measured.color },
      },
    );
  }
  out.push({
    kind: 'line',
    x: m.curve.map((p) => p.inDb),
    y: m.curve.map((p) => p.outDb),
    style: { stroke: SERIES.curve.color, 'stroke-width': 2.5 },
  });
  return out;
}
