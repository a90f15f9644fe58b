import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { sine } from '../../../src/dsp/signals';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';
import {
  AHEAD_BUDGET_FLOATS,
  aheadCount,
  aheadList,
  clipFitsAhead,
  meterCopyAhead,
  otherClipsAhead,
  paramsKey,
  predictNext,
} from '../../../src/state/render-prediction';
import { finish, summarizedSteps } from '../../../src/state/render-steps';
import { attachRenderSummaries, summarizeRender, summaryTransferables } from '../../../src/state/render-summary';
import { summaryOf } from '../../../src/state/block-summary';

const FS = 48_000;

function burst(): Float32Array[] {
  // A quiet tone with a loud 0.2 s burst in the middle, so the compressor attacks and releases.
  const quiet = sine({ sampleRate: FS, frequencyHz: 220, peakDb: -30, durationS: 0.6 });
  const loud = sine({ sampleRate: FS, frequencyHz: 220, peakDb: -3, durationS: 0.2 });
  const left = new Float32Array(quiet.length);
  left.set(quiet);
  left.set(loud, 12_000);
  return [left, left.map((x) => x * 0.5)];
}

function expectSame(a: OfflineRender, b: OfflineRender): void {
  expect(a.output).toEqual(b.output);
  expect(a.detectorDb).toEqual(b.detectorDb);
  expect(a.targetReductionDb).toEqual(b.targetReductionDb);
  expect(a.appliedReductionDb).toEqual(b.appliedReductionDb);
  expect([a.makeupDb, a.latencySamples, a.sampleRate]).toEqual([b.makeupDb, b.latencySamples, b.sampleRate]);
}

describe("summarizedSteps (the render Worker's renders)", () => {
  const channels = burst();

  it.each([
    [0, 256],
    [0, 4096],
    [5, 1024],
    [5, Infinity],
  ])('with %f ms lookahead, in steps of %f frames, equals renderOffline sample for sample', (lookaheadMs, step) => {
    const params: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -24, ratio: 6, lookaheadMs };
    const expected = renderOffline(channels, FS, params);
    const steps = summarizedSteps(channels, FS, params, step);
    expectSame(finish(steps).render, expected);
    expect(Math.max(...expected.appliedReductionDb)).toBeGreaterThan(10); // the burst is compressed
  });

  it('yields once per step: 28 800 frames in steps of 4096 is 8 steps', () => {
    const steps = summarizedSteps(channels, FS, DEFAULT_PARAMS, 4096);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBe(Math.ceil(28_800 / 4096));
  });
});

describe('predictNext', () => {
  const base: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -20 };

  it('after −20 → −21 dB predicts −22 dB (one more step) and −20 dB (the step back)', () => {
    const next = predictNext(base, { ...base, thresholdDb: -21 });
    expect(next.map((p) => p.thresholdDb)).toEqual([-22, -20]);
    expect(next.every((p) => p.ratio === base.ratio)).toBe(true);
  });

  it('predicts nothing first, when two settings changed, or when a step would leave the numbers', () => {
    expect(predictNext(null, base)).toEqual([]);
    expect(predictNext(base, { ...base, thresholdDb: -21, ratio: 8 })).toEqual([]);
    expect(predictNext({ ...base, ratio: 20 }, { ...base, ratio: Infinity })).toEqual([]);
  });

  it('keys settings by value, whatever the order of their properties', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as CompressorParams;
    expect(paramsKey(reordered)).toBe(paramsKey(base));
    expect(paramsKey({ ...base, thresholdDb: -21 })).not.toBe(paramsKey(base));
    expect(paramsKey({ ...base, ratio: Infinity })).not.toBe(paramsKey({ ...base, ratio: 20 }));
  });
});

describe('render summaries', () => {
  it('are attached to the arrays they describe, and transferable', () => {
    const render = renderOffline(burst(), FS, { ...DEFAULT_PARAMS, thresholdDb: -24 });
    const summaries = summarizeRender(render);
    attachRenderSummaries(render, summaries);
    expect(summaryOf(render.output[1] as Float32Array)).toBe(summaries.output[1]);
    expect(summaryOf(render.appliedReductionDb)).toBe(summaries.appliedReductionDb);
    // 2 output channels + 3 traces, each with a min and a max array.
    expect(summaryTransferables(summaries)).toHaveLength(10);
    expect(summaries.detectorDb.max.length).toBe(Math.ceil(28_800 / summaries.detectorDb.block));
  });
});

describe('aheadList and aheadCount', () => {
  const base: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -20 };
  const at = (thresholdDb: number): CompressorParams => ({ ...base, thresholdDb });
  it('puts the predicted steps first, then the control’s hints, without repeats or the settings shown', () => {
    const list = aheadList(at(-20), at(-21), [at(-22), at(-15), at(-21), at(-27)], 4);
    expect(list.map((p) => p.thresholdDb)).toEqual([-22, -20, -15, -27]);
    expect(aheadList(null, at(-21), [at(-21), at(-20)], 4).map((p) => p.thresholdDb)).toEqual([-20]);
    expect(aheadList(at(-20), at(-21), [at(-15)], 1).map((p) => p.thresholdDb)).toEqual([-22]);
  });
  it('keeps four renders ahead of a 20 s stereo clip and none of ten minutes of stereo', () => {
    expect(aheadCount(19.2 * 48_000, 2)).toBe(4);
    expect(aheadCount(600 * 48_000, 2)).toBe(0);
    expect(aheadCount(60 * 48_000, 2)).toBe(2); // 14.4 M floats a render: two fit 40 M
  });
});

describe('memory budgets of renders ahead', () => {
  it('lets a short clip’s renders ahead carry the loudness copy, within the budget, and no long clip’s', () => {
    // 20 s stereo: 4 renders of 0.96 M frames × (2 outputs + 3 traces + 2 copies) = 26.9 M floats ≤ 40 M.
    expect(meterCopyAhead(20 * 48_000, 2)).toBe(true);
    expect(4 * 20 * 48_000 * 7).toBeLessThanOrEqual(AHEAD_BUDGET_FLOATS);
    expect(meterCopyAhead(60 * 48_000, 2)).toBe(false);
    expect(meterCopyAhead(600 * 48_000, 2)).toBe(false);
  });

  it('renders ahead the clips heard before that fit the budget together, most recent first', () => {
    const clip = (seconds: number) => ({ frames: seconds * 48_000, channels: 2 });
    const [a, b, c] = [clip(19.2), clip(19.2), clip(19.2)];
    expect(otherClipsAhead([a, b, c])).toEqual([a, b]);
    const long = clip(600);
    expect(otherClipsAhead([long, a])).toEqual([a]);
    expect(clipFitsAhead(long.frames, 2)).toBe(false);
    expect(clipFitsAhead(a.frames, 2)).toBe(true);
  });
});
