import { describe, expect, it } from 'vitest';
import type { OfflineRender } from '../../../src/dsp/types';
import {
  clampWindow,
  followWindow,
  fullWindow,
  loudestSampleIndex,
  panWindow,
  sampleRange,
  zoomWindow,
} from '../../../src/widgets/shared/time-window';
import { describeWaveform, waveformModel } from '../../../src/widgets/Waveform/model';
import { waveformPlot, waveformSeries } from '../../../src/widgets/Waveform/plot';
import { describeEnvelope, envelopeModel } from '../../../src/widgets/Envelope/model';
import {
  envelopeLevelsPlot,
  envelopeLevelsSeries,
  envelopeReductionPlot,
  envelopeReductionSeries,
  reductionTopDb,
} from '../../../src/widgets/Envelope/plot';
import { normaliseSvg, svgWithSeries } from './svg-snapshot';
import { seriesPath } from '../../../src/widgets/shared/series-layer';

describe('time window', () => {
  it('zooms around a centre and stays inside the clip', () => {
    expect(zoomWindow({ startS: 0, endS: 20 }, 0.5, 10, 20)).toEqual({ startS: 5, endS: 15 });
    expect(zoomWindow({ startS: 0, endS: 20 }, 0.5, 1, 20)).toEqual({ startS: 0, endS: 10 });
    expect(zoomWindow({ startS: 0, endS: 20 }, 4, 10, 20)).toEqual({ startS: 0, endS: 20 });
    expect(clampWindow({ startS: 0, endS: 0.001 }, 20).endS).toBeCloseTo(0.005, 9);
  });

  it('pans by half a window and follows the playhead a page at a time', () => {
    expect(panWindow({ startS: 4, endS: 8 }, 0.5, 20)).toEqual({ startS: 6, endS: 10 });
    expect(panWindow({ startS: 18, endS: 20 }, 0.5, 20)).toEqual({ startS: 18, endS: 20 });
    const w = { startS: 0, endS: 4 };
    expect(followWindow(w, 3.9, 20)).toBe(w);
    expect(followWindow(w, 9, 20)).toEqual({ startS: 8, endS: 12 });
    expect(fullWindow(19.2)).toEqual({ startS: 0, endS: 19.2 });
  });

  it('finds the loudest sample and the samples of a window', () => {
    expect(loudestSampleIndex([new Float32Array([0, 0.2, -0.1]), new Float32Array([0, 0.1, -0.9])])).toBe(2);
    expect(sampleRange({ startS: 0.5, endS: 1 }, 1000, 800)).toEqual([500, 800]);
  });
});

describe('waveform model (min/max decimation)', () => {
  const samples = new Float32Array([0, 0.5, -0.5, 1, 0.25, -1, 0, 0]);
  const before = [samples];
  const after = [samples.map((v) => v / 2)];
  it('keeps each column’s extremes', () => {
    const m = waveformModel(before, after, 8, { startS: 0, endS: 1 }, 2);
    expect(m.columns).toEqual([
      { t: 0, beforeMin: -0.5, beforeMax: 1, afterMin: -0.25, afterMax: 0.5 },
      { t: 0.5, beforeMin: -1, beforeMax: 0.25, afterMin: -0.5, afterMax: 0.125 },
    ]);
    expect([m.beforePeak, m.afterPeak]).toEqual([1, 0.5]);
  });

  it('uses one column per sample when zoomed past the pixel width', () => {
    expect(waveformModel(before, after, 8, { startS: 0.25, endS: 0.5 }, 100).columns).toHaveLength(2);
  });

  it('decimates 20 s of stereo to the pixel width', () => {
    const n = 48000 * 20;
    const ch = new Float32Array(n).map((_, i) => Math.sin(i / 10));
    const m = waveformModel([ch, ch], [ch, ch], 48000, { startS: 0, endS: 20 }, 800);
    expect(m.columns).toHaveLength(800);
    expect(m.columns[0]?.beforeMax).toBeCloseTo(1, 3);
  });

  it('says how much the highest peak came down: the peak change, over the whole clip or the visible span', () => {
    const m = waveformModel(before, after, 8, { startS: 0, endS: 1 }, 2);
    expect(describeWaveform(m)).toBe(
      'Over the whole clip, the original’s highest peak is 0 dBFS and the compressed audio’s −6 dBFS: the highest peak comes out 6 dB lower (the peak change; a peak that passes before the compressor reacts is barely lowered, so this can be less than the gain reduction).',
    );
    const zoomed = waveformModel(before, after, 8, { startS: 0.5, endS: 1 }, 2);
    expect(describeWaveform(zoomed)).toMatch(/^In the visible span only, 500 ms to 1 s, /);
  });

  it('plots overlaid and stacked (snapshots)', () => {
    const m = waveformModel(before, after, 8, { startS: 0, endS: 1 }, 4);
    const overlay = svgWithSeries(waveformPlot(m, { width: 320, layout: 'overlay' }), waveformSeries(m, 'overlay'));
    expect(overlay.querySelectorAll('g.cl-series > g > path')).toHaveLength(2);
    expect(normaliseSvg(overlay)).toMatchSnapshot();
    const stacked = svgWithSeries(waveformPlot(m, { width: 320, layout: 'stacked' }), waveformSeries(m, 'stacked'));
    expect(stacked.textContent).toContain('Before');
    expect(stacked.textContent).toContain('After');
    expect(normaliseSvg(stacked)).toMatchSnapshot();
  });
});

/** A render for a 1 kHz-rate clip: 0.5 s at −30 dBFS, then 0.5 s at −10 dBFS, threshold −20, ratio 4, instant. */
function stepRender(): { input: Float32Array[]; render: OfflineRender } {
  const n = 1000;
  const x = new Float32Array(n).map((_, i) => (i < 500 ? 10 ** (-30 / 20) : 10 ** (-10 / 20)));
  const detectorDb = x.map((v) => 20 * Math.log10(v));
  const targetReductionDb = detectorDb.map((d) => (d > -20 ? (d + 20) * (1 - 1 / 4) : 0)); // 10 dB over -> 7.5
  const appliedReductionDb = targetReductionDb.map((t, i) => (i < 500 ? 0 : t * (1 - Math.exp(-(i - 500) / 10))));
  return {
    input: [x],
    render: {
      output: [x],
      detectorDb,
      targetReductionDb,
      appliedReductionDb,
      makeupDb: 0,
      latencySamples: 0,
      sampleRate: 1000,
    },
  };
}

describe('envelope model', () => {
  it('shows level, target and applied reduction per column', () => {
    const { input, render } = stepRender();
    const m = envelopeModel(input, render, { startS: 0, endS: 1 }, 10);
    expect(m.columns).toHaveLength(10);
    expect(m.columns[0]?.inputDb).toBeCloseTo(-30, 4);
    expect(m.columns[0]?.targetDb).toBe(0);
    expect(m.columns[9]?.detectorDb).toBeCloseTo(-10, 4);
    expect(m.maxTargetDb).toBeCloseTo(7.5, 4);
    // Applied reduction approaches 7.5 dB with a 10-sample time constant. One column per sample: the column at
    // 0.51 s (10 samples after the step) shows 63.2 % of it.
    const perSample = envelopeModel(input, render, { startS: 0, endS: 1 }, 1000);
    expect(perSample.columns[510]?.t).toBeCloseTo(0.51, 9);
    expect(perSample.columns[510]?.appliedDb).toBeCloseTo(7.5 * (1 - Math.exp(-1)), 4);
    // Ten samples per column: a column shows its highest value, here its last sample's (the reduction still rises).
    const perTen = envelopeModel(input, render, { startS: 0, endS: 1 }, 100);
    expect(perTen.columns[50]?.appliedDb).toBeCloseTo(7.5 * (1 - Math.exp(-0.9)), 4);
    expect(perTen.columns[49]?.appliedDb).toBe(0);
    expect(m.maxAppliedDb).toBeCloseTo(7.5, 4); // 1 − e^(−49.9) of 7.5 dB
    // Above 0.5 dB from sample 501 (1 − e^(−1/10) of 7.5 = 0.71 dB) to the end: 499 of 1000 samples.
    expect(m.activeShare).toBeCloseTo(0.499, 3);
  });

  it('floors silence at −60 dBFS and describes the view', () => {
    const { input, render } = stepRender();
    const quiet = envelopeModel([new Float32Array(1000)], render, { startS: 0, endS: 0.4 }, 4);
    expect(quiet.columns[0]?.inputDb).toBe(-60);
    const idle = envelopeModel(input, render, { startS: 0, endS: 0.4 }, 4);
    expect(describeEnvelope(idle, { thresholdDb: -20, ratio: 4 })).toBe(
      'From 0 ms to 400 ms the level never goes above the threshold of −20 dB, so the compressor does nothing.',
    );
    const busy = envelopeModel(input, render, { startS: 0, endS: 1 }, 10);
    expect(describeEnvelope(busy, { thresholdDb: -20, ratio: 4 })).toBe(
      'From 0 ms to 1 s the level goes above the threshold of −20 dB; the curve asks for up to 7.5 dB of reduction at 4 to 1 (the most target reduction), and, slowed by attack and release, the most gain reduction is 7.5 dB. The compressor is turning the sound down by more than 0.5 dB for 50 % of this time.',
    );
  });

  it('plots levels and reduction (snapshots)', () => {
    const { input, render } = stepRender();
    const m = envelopeModel(input, render, { startS: 0, endS: 1 }, 8);
    const levels = svgWithSeries(envelopeLevelsPlot(m, { width: 360 }), envelopeLevelsSeries(m));
    expect(levels.querySelectorAll('g.cl-series > g > path')).toHaveLength(2);
    expect(normaliseSvg(levels)).toMatchSnapshot();
    const frame = { ...m, reductionTopDb: reductionTopDb(m) };
    const reduction = svgWithSeries(envelopeReductionPlot(frame, { width: 360 }), envelopeReductionSeries(m));
    expect(reduction.querySelectorAll('g.cl-series > g > path')).toHaveLength(2);
    expect(normaliseSvg(reduction)).toMatchSnapshot();
  });
});

describe('series paths', () => {
  const x = { domain: [0, 10], range: [0, 100] };
  const y = { domain: [0, 1], range: [50, 0] };
  it('maps a line through the scales and breaks it where a value is missing', () => {
    expect(seriesPath({ kind: 'line', x: [0, 5, 10], y: [0, 1, 0.5], style: {} }, x, y)).toBe('M0,50L50,0L100,25');
    expect(seriesPath({ kind: 'line', x: [0, 5, 10], y: [0, NaN, 0.5], style: {} }, x, y)).toBe('M0,50M100,25');
  });
  it('closes a band over its lower edge, a constant or one value per point, and offsets a facet', () => {
    expect(seriesPath({ kind: 'area', x: [0, 10], y: [1, 1], y2: 0, style: {} }, x, y)).toBe('M0,0L100,0L100,50L0,50Z');
    expect(seriesPath({ kind: 'area', x: [0, 10], y: [1, 0.5], y2: [0, 0.2], style: {} }, x, y, 100)).toBe(
      'M0,100L100,125L100,140L0,150Z',
    );
  });
});
