/**
 * Pure: envelope model -> two plots sharing the time axis, each as Observable Plot options for its frame and axes
 * (which change only with the visible window, the width or the reduction scale) and the series drawn into it
 * (shared/series-layer.ts: a new render rewrites only their paths).
 *  - levels: input level as a shaded area, detector level as a dashed line (the threshold is a labelled overlay
 *    placed by the view with this plot's y scale, so moving the threshold never re-renders the plot);
 *  - reduction: target reduction dotted, applied reduction solid, drawn downward from 0 dB like a meter.
 * Series differ by dash and shading as well as colour, and the legend names them.
 */
import * as Plot from '@observablehq/plot';
import type { EnvelopeModel } from './model';
import type { TimeWindow } from '../shared/time-window';
import type { SeriesSpec } from '../shared/series-layer';
import { SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { reductionAxis } from '../shared/axes';
import { formatDbShort } from '../shared/describe';

export interface EnvelopePlotOptions {
  width: number;
}

/** What the frames depend on: the visible window, the level floor and the top of the reduction scale, dB. */
export type EnvelopeFrame = Pick<EnvelopeModel, 'window' | 'floorDb'> & { reductionTopDb?: number };

/** The top of the reduction scale: at least 6 dB, in steps of 3 dB above the most reduction shown. */
export function reductionTopDb(m: Pick<EnvelopeModel, 'maxTargetDb' | 'maxAppliedDb'>): number {
  return Math.max(6, Math.ceil(Math.max(m.maxTargetDb, m.maxAppliedDb) / 3) * 3);
}

function timeAxis(m: { window: TimeWindow }, width: number, label: string | null): Plot.ScaleOptions {
  const domain: [number, number] = [m.window.startS, m.window.endS];
  return {
    domain,
    ticks: linearTicks(domain, Math.max(2, Math.floor(width / 90))),
    label,
    labelAnchor: 'right',
    labelArrow: 'none',
  };
}

const common = (width: number) => ({
  width: Math.round(width),
  marginLeft: 44,
  marginRight: 12,
  style: { fontSize: '11px', overflow: 'visible', background: 'transparent' },
});

export function envelopeLevelsPlot(m: EnvelopeFrame, { width }: EnvelopePlotOptions): Plot.PlotOptions {
  const yDomain: [number, number] = [m.floorDb, 0];
  return {
    ...common(width),
    height: 170,
    marginTop: 16,
    marginBottom: 22,
    x: { ...timeAxis(m, width, null), tickFormat: () => '' },
    y: {
      domain: yDomain,
      ticks: linearTicks(yDomain, 4),
      label: '↑ Level (dBFS)',
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: (d: number) => formatDbShort(d, '').trim(),
    },
    marks: [Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 })],
  };
}

/** The levels plot's series: the input level as a shaded area over the floor, the detector level dashed. */
export function envelopeLevelsSeries(m: EnvelopeModel): SeriesSpec[] {
  const t = m.columns.map((c) => c.t);
  return [
    {
      kind: 'area',
      x: t,
      y: m.columns.map((c) => c.inputDb),
      y2: m.floorDb,
      style: { fill: SERIES.input.color, 'fill-opacity': 0.35 },
    },
    {
      kind: 'line',
      x: t,
      y: m.columns.map((c) => c.detectorDb),
      style: { stroke: SERIES.detector.color, 'stroke-dasharray': SERIES.detector.dash, 'stroke-width': 1.5 },
    },
  ];
}

export function envelopeReductionPlot(m: EnvelopeFrame, { width }: EnvelopePlotOptions): Plot.PlotOptions {
  const yDomain: [number, number] = [0, m.reductionTopDb ?? 6];
  return {
    ...common(width),
    height: 130,
    marginTop: 14,
    marginBottom: 32,
    x: { ...timeAxis(m, width, 'Time (s) →') },
    y: reductionAxis(yDomain),
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    ],
  };
}

/** The reduction plot's series: the target reduction dotted, the applied reduction solid. */
export function envelopeReductionSeries(m: EnvelopeModel): SeriesSpec[] {
  const t = m.columns.map((c) => c.t);
  return [
    {
      kind: 'line',
      x: t,
      y: m.columns.map((c) => c.targetDb),
      style: { stroke: SERIES.target.color, 'stroke-dasharray': SERIES.target.dash, 'stroke-width': 1.5 },
    },
    {
      kind: 'line',
      x: t,
      y: m.columns.map((c) => c.appliedDb),
      style: { stroke: SERIES.applied.color, 'stroke-width': 2 },
    },
  ];
}
