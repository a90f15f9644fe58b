/**
 * Pure: close-up model -> two Observable Plot option sets.
 *  - reduction: target (dotted) and applied (solid) reduction against ms from the event, drawn downward from 0 dB
 *    like the envelope view; crack and body shaded with labels; the mark as a labelled dot with guide rules;
 *  - operating point: the static curve and the 1:1 diagonal, with the input/output point at the marked instant
 *    and a label, so the moment can be read on the transfer curve.
 * Series differ by dash as well as colour; every mark the learner must read carries a text label.
 */
import * as Plot from '@observablehq/plot';
import type { CompressorParams } from '../../dsp/types';
import { SERIES, HALO } from '../shared/palette';
import { linearTicks } from '../shared/ticks';
import { reductionAxis } from '../shared/axes';
import { formatDbShort } from '../shared/describe';
import { staticCurve } from '../TransferCurve/model';
import { formatMs } from './conventions';
import type { CloseUpModel } from './model';

const style = { fontSize: '11px', overflow: 'visible', background: 'transparent' };
const dbTick = (d: number) => formatDbShort(d, '').trim();

export function closeUpReductionPlot(m: CloseUpModel, { width }: { width: number }): Plot.PlotOptions {
  const top = Math.max(3, Math.ceil((m.maxDb * 1.1) / 3) * 3);
  const xDomain: [number, number] = [m.startMs, m.endMs];
  const yDomain: [number, number] = [0, top];
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
    Plot.rectX(m.regions, {
      x1: 'fromMs',
      x2: 'toMs',
      y1: 0,
      y2: top,
      fill: SERIES.input.color,
      fillOpacity: 0.12,
      stroke: SERIES.input.color,
      strokeOpacity: 0.4,
      strokeDasharray: '1 3',
    }),
    Plot.text(m.regions, {
      x: (r: { fromMs: number; toMs: number }) => (r.fromMs + r.toMs) / 2,
      y: top,
      text: 'label',
      dy: -6,
      fill: 'currentColor',
    }),
    Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.4 }),
    Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4 3' }),
    // A target that swings with the waveform is drawn as the band of its range; a clean one as a dotted line.
    m.targetFlickers
      ? Plot.areaY(m.points, {
          x: 'tMs',
          y1: 'targetMinDb',
          y2: 'targetDb',
          curve: 'step-after',
          fill: SERIES.target.color,
          fillOpacity: 0.35,
        })
      : Plot.line(m.points, {
          x: 'tMs',
          y: 'targetDb',
          curve: 'step-after',
          stroke: SERIES.target.color,
          strokeDasharray: SERIES.target.dash,
          strokeWidth: 1.75,
        }),
    Plot.line(m.points, { x: 'tMs', y: 'appliedDb', curve: 'linear', stroke: SERIES.applied.color, strokeWidth: 2.25 }),
  ];
  if (m.mark) {
    const mark = m.mark;
    marks.push(
      Plot.ruleY([mark.db], {
        x1: m.startMs,
        x2: mark.tMs,
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '2 2',
      }),
      Plot.ruleX([mark.tMs], {
        y1: 0,
        y2: mark.db,
        stroke: 'currentColor',
        strokeOpacity: 0.6,
        strokeDasharray: '2 2',
      }),
    );
  }
  // Plot's dx, dy and textAnchor are constants per mark, so each point gets its own label mark. The point left
  // before the next hit sits where the line is still falling from the left: its label goes above it.
  for (const x of [m.mark, m.leftMark]) {
    if (!x) continue;
    const right = x.tMs > (m.startMs + m.endMs) / 2;
    marks.push(
      Plot.dot([x], { x: 'tMs', y: 'db', r: 4.5, fill: 'currentColor', stroke: HALO, strokeWidth: 1.5 }),
      Plot.text([x], {
        x: 'tMs',
        y: 'db',
        text: () => `${x.label}: ${formatDbShort(x.db)} at ${formatMs(x.tMs)}`,
        dx: right ? -8 : 8,
        dy: x === m.leftMark ? -12 : 12,
        textAnchor: right ? 'end' : 'start',
        fill: 'currentColor',
        stroke: HALO,
        strokeWidth: 4,
        paintOrder: 'stroke',
      }),
    );
  }
  return {
    width: Math.round(width),
    height: 220,
    marginLeft: 44,
    marginRight: 16,
    marginTop: 22,
    marginBottom: 34,
    style,
    x: {
      domain: xDomain,
      ticks: linearTicks(xDomain, Math.max(3, Math.floor(width / 90))),
      label: m.source === 'test' ? 'Time from the step (ms) →' : 'Time from the hit (ms) →',
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: (d: number) => formatDbShort(d, '').trim(),
    },
    y: reductionAxis(yDomain),
    marks,
  };
}

export function closeUpCurvePlot(
  m: CloseUpModel,
  params: CompressorParams,
  { size }: { size: number },
): Plot.PlotOptions {
  const domain: [number, number] = [-60, 0];
  const curve = staticCurve(params);
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.2 }),
    Plot.line(
      [
        { x: -60, y: -60 },
        { x: 0, y: 0 },
      ],
      { x: 'x', y: 'y', stroke: SERIES.identity.color, strokeDasharray: SERIES.identity.dash, strokeOpacity: 0.6 },
    ),
    Plot.line(curve, { x: 'inDb', y: 'outDb', stroke: SERIES.curve.color, strokeWidth: 2 }),
  ];
  const o = m.operating;
  if (o && Number.isFinite(o.inDb) && o.inDb > domain[0]) {
    marks.push(
      Plot.ruleX([o.inDb], {
        y1: o.staticOutDb,
        y2: o.inDb,
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeDasharray: '2 2',
      }),
      Plot.dot([o], { x: 'inDb', y: 'outDb', r: 5, fill: 'currentColor', stroke: HALO, strokeWidth: 1.5 }),
      Plot.text([o], {
        x: 'inDb',
        y: 'outDb',
        text: () => `at ${formatMs(o.tMs)}: out ${formatDbShort(o.outDb, 'dBFS')}`,
        dx: o.inDb < -30 ? 8 : -8,
        dy: o.inDb < -30 ? -10 : 0,
        textAnchor: o.inDb < -30 ? 'start' : 'end',
        fill: 'currentColor',
        stroke: HALO,
        strokeWidth: 4,
        paintOrder: 'stroke',
      }),
    );
  }
  return {
    width: size,
    height: size,
    marginLeft: 40,
    marginRight: 12,
    marginTop: 20,
    marginBottom: 34,
    style,
    x: {
      domain,
      ticks: linearTicks(domain, 4),
      label: 'Input (dBFS) →',
      labelAnchor: 'right',
      labelArrow: 'none',
      tickFormat: dbTick,
    },
    y: {
      domain,
      ticks: linearTicks(domain, 4),
      label: '↑ Output (dBFS)',
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: dbTick,
    },
    marks,
  };
}
