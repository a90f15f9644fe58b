import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';
import {
  describeTransfer,
  fullScaleReadout,
  measuredTransfer,
  operatingPoint,
  staticCurve,
  transferModel,
} from '../../../src/widgets/TransferCurve/model';
import { transferCurvePlot, transferCurveSeries } from '../../../src/widgets/TransferCurve/plot';
import { mostGainReductionDb } from '../../../src/widgets/shared/measures';
import { normaliseSvg, svgWithSeries } from './svg-snapshot';

const p = (over: Partial<CompressorParams> = {}): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

/** A render whose output is the input times `gain`, with a constant applied reduction. */
function fakeRender(input: Float32Array[], gain: number, reductionDb: number, sampleRate = 1000): OfflineRender {
  const n = input[0]?.length ?? 0;
  return {
    output: input.map((ch) => ch.map((v) => v * gain)),
    detectorDb: new Float32Array(n),
    targetReductionDb: new Float32Array(n).fill(reductionDb),
    appliedReductionDb: new Float32Array(n).fill(reductionDb),
    makeupDb: 0,
    latencySamples: 0,
    sampleRate,
  };
}

describe('static curve', () => {
  it('follows y = T + (x − T)/R above a hard-knee threshold and 1:1 below', () => {
    const curve = staticCurve(p());
    const at = (x: number) => curve.find((pt) => pt.inDb === x)?.outDb;
    expect(at(-40)).toBeCloseTo(-40, 9);
    expect(at(-20)).toBeCloseTo(-20, 9);
    expect(at(-12)).toBeCloseTo(-18, 9); // 8 dB over at 4:1 -> 2 dB over
    expect(at(0)).toBeCloseTo(-15, 9); // 20 dB over -> 5 dB over
  });

  it('samples every 0.5 dB from −60 to 0 and adds the knee edges', () => {
    expect(staticCurve(p()).length).toBe(121);
    const soft = staticCurve(p({ thresholdDb: -20.25, kneeDb: 6 }));
    expect(soft.some((pt) => pt.inDb === -23.25)).toBe(true);
    expect(soft.some((pt) => pt.inDb === -17.25)).toBe(true);
    expect(soft.length).toBe(124);
  });

  it('is monotone and adds make-up gain', () => {
    const curve = staticCurve(p({ makeupDb: 6, ratio: 8, kneeDb: 12 }));
    const outs = curve.map((pt) => pt.outDb);
    for (let i = 1; i < outs.length; i++) expect(outs[i]).toBeGreaterThanOrEqual(outs[i - 1] ?? -Infinity);
    expect(curve[0]?.outDb).toBeCloseTo(-54, 9);
  });

  it('model domain grows with make-up and marks the knee', () => {
    const m = transferModel(p({ makeupDb: 'auto' }));
    expect(m.makeupDb).toBeCloseTo(15, 9); // auto make-up gives back the 15 dB reduction at 0 dBFS
    expect(m.outDomainDb).toEqual([-60, 0]);
    const loud = transferModel(p({ makeupDb: 20 }));
    expect(loud.outDomainDb).toEqual([-60, 6]); // 0 dBFS -> −15 + 20 = +5, rounded up to 6
    const knee = transferModel(p({ kneeDb: 10 }));
    expect([knee.kneeLowDb, knee.kneeHighDb]).toEqual([-25, -15]);
  });

  it('reads out where a full-scale peak comes out', () => {
    expect(fullScaleReadout(p())).toEqual({ outDb: -15, reductionDb: 15 });
    expect(fullScaleReadout(p({ ratio: Infinity, thresholdDb: -6 }))).toEqual({ outDb: -6, reductionDb: 6 });
  });
});

describe('measured overlay', () => {
  it('bins 10 ms block peaks by 1 dB of input', () => {
    const input = [new Float32Array(100).fill(0.5)]; // −6.02 dBFS, 10 blocks at 1 kHz
    const bins = measuredTransfer(input, fakeRender(input, 0.25, 6));
    expect(bins).toHaveLength(1);
    expect(bins[0]?.inDb).toBe(-6.5); // bin [−7, −6)
    expect(bins[0]?.blocks).toBe(10);
    expect(bins[0]?.medianOutDb).toBeCloseTo(20 * Math.log10(0.125), 4);
  });

  it('skips blocks below −60 dBFS', () => {
    const input = [new Float32Array(50).fill(0.0001)];
    expect(measuredTransfer(input, fakeRender(input, 1, 0))).toEqual([]);
  });

  it('finds the operating point over the 10 ms before the playhead', () => {
    const ch = new Float32Array(100);
    ch.fill(0.1, 0, 50);
    ch.fill(1, 50, 100);
    const input = [ch];
    const render = fakeRender(input, 0.5, 6);
    const early = operatingPoint(input, render, 0.03);
    expect(early?.inDb).toBeCloseTo(-20, 4);
    const late = operatingPoint(input, render, 0.09);
    expect(late?.inDb).toBeCloseTo(0, 4);
    expect(late?.outDb).toBeCloseTo(20 * Math.log10(0.5), 4);
    expect(mostGainReductionDb(render)).toBe(6);
  });
});

describe('description', () => {
  it('says what the curve does in words', () => {
    expect(describeTransfer(p(), 7.5)).toBe(
      'Above −20 dB the output rises 1 dB for every 4 dB in. On this clip the most gain reduction is 7.5 dB.',
    );
    expect(describeTransfer(p({ ratio: Infinity, thresholdDb: -6 }), null)).toBe(
      'Above −6 dB the output stays at −6 dB however loud the input gets (limiting).',
    );
    expect(describeTransfer(p({ ratio: 1 }), 0)).toBe(
      'At a ratio of 1 to 1 the output follows the input everywhere: nothing is compressed. On this clip nothing is turned down by as much as 0.1 dB.',
    );
    expect(describeTransfer(p({ kneeDb: 6, ratio: 2.5, makeupDb: 3 }), null)).toBe(
      'Above −20 dB the output rises 1 dB for every 2.5 dB in. A 6 dB soft knee eases the compression in between −23 dB and −17 dB. Make-up gain then raises everything by 3 dB.',
    );
  });
});

describe('transfer curve plot', () => {
  it('renders the default curve (snapshot) with role="group" on labelled groups', () => {
    const m = transferModel(p());
    const el = svgWithSeries(transferCurvePlot(m, { width: 400 }), transferCurveSeries(m));
    expect(el.querySelector('g.cl-series')?.getAttribute('aria-hidden')).toBe('true');
    expect(el.querySelector('g[stroke="var(--cl-c-curve)"] path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){100,}$/,
    );
    expect(el.querySelectorAll('g[aria-label]:not([role="group"])')).toHaveLength(0);
    expect(el.querySelectorAll(':not(g, svg)[aria-label]')).toHaveLength(0); // Plot's labelled frame <rect>
    expect(el.getAttribute('role')).toBe('img');
    expect(normaliseSvg(el)).toMatchSnapshot();
  });

  it('renders a soft knee with a measured overlay (snapshot)', () => {
    const measured = [
      { inDb: -10.5, minOutDb: -16, medianOutDb: -15, maxOutDb: -12, blocks: 4 },
      { inDb: -4.5, minOutDb: -15, medianOutDb: -14, maxOutDb: -10, blocks: 2 },
    ];
    const m = transferModel(p({ kneeDb: 12, ratio: 8 }), measured);
    const el = svgWithSeries(transferCurvePlot(m, { width: 300 }), transferCurveSeries(m));
    const knee = el.querySelector('g[fill-opacity="0.1"] rect');
    expect(Number(knee?.getAttribute('width'))).toBeGreaterThan(0);
    // Two measured bins: one bar (M…V…) and one diamond (M…Z) each.
    const bars = el.querySelector('g[stroke="var(--cl-c-measured)"] path')?.getAttribute('d') ?? '';
    expect(bars.match(/M/g)).toHaveLength(2);
    const diamonds = el.querySelector('g[fill="var(--cl-c-measured)"] path')?.getAttribute('d') ?? '';
    expect(diamonds.match(/Z/g)).toHaveLength(2);
    expect(el.querySelector('g[stroke="var(--cl-c-threshold)"] path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+V[\d.]+$/,
    );
    expect(el.textContent).toContain('Threshold −20 dB');
    expect(el.textContent).toContain('knee');
    expect(normaliseSvg(el)).toMatchSnapshot();
  });
});
