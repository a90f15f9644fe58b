/**
 * Pure: envelope model -> two Observable Plot option sets sharing the time axis.
 *  - levels: input level as a shaded area, detector level as a dashed line (the threshold is a labelled overlay
 *    placed by the view with this plot's y scale, so moving the threshold never re-renders the plot);
 *  - reduction: target reduction dotted, applied reduction solid, drawn downward from 0 dB like a meter.
 * Series differ by dash and shading as well as colour, and the legend names them.
 */
import * as Plot from '@observablehq/plot';
import type { EnvelopeModel } from './model';
import { SERIES } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { reductionAxis } from '../shared/axes';
import { formatDbShort } from '../shared/describe';

export interface EnvelopePlotOptions {
  width: number;
}

function timeAxis(m: EnvelopeModel, width: number, label: string | null): Plot.ScaleOptions {
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

export function envelopeLevelsPlot(m: EnvelopeModel, { width }: EnvelopePlotOptions): Plot.PlotOptions {
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
    marks: [
      Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
      Plot.areaY(m.columns, {
        x: 't',
        y1: m.floorDb,
        y2: 'inputDb',
        curve: 'linear',
        fill: SERIES.input.color,
        fillOpacity: 0.35,
      }),
      Plot.line(m.columns, {
        x: 't',
        y: 'detectorDb',
        curve: 'linear',
        stroke: SERIES.detector.color,
        strokeDasharray: SERIES.detector.dash,
        strokeWidth: 1.5,
      }),
    ],
  };
}

export function envelopeReductionPlot(m: EnvelopeModel, { width }: EnvelopePlotOptions): Plot.PlotOptions {
  const top = Math.max(6, Math.ceil(Math.max(m.maxTargetDb, m.maxAppliedDb) / 3) * 3);
  const yDomain: [number, number] = [0, top];
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
      Plot.line(m.columns, {
        x: 't',
        y: 'targetDb',
        curve: 'linear',
        stroke: SERIES.target.color,
        strokeDasharray: SERIES.target.dash,
        strokeWidth: 1.5,
      }),
      Plot.line(m.columns, {
        x: 't',
        y: 'appliedDb',
        curve: 'linear',
        stroke: SERIES.applied.color,
        strokeWidth: 2,
      }),
    ],
  };
}
